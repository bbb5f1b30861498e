// The garbage collector (pkg/controller/garbagecollector), background propagation only:
// an object whose controller owner no longer exists (by uid) is deleted; pods gracefully.

import type { KubeObject, OwnerReference, Pod } from '../objects/types'
import type { Kind } from '../objects/resources'
import { objectKey, objectsOfKind, removeObject, type ClusterState } from '../state'
import { deletePodGracefully } from './pod-factory'
import { controllerOf } from './util'

const DEPENDENTS: Kind[] = ['ReplicaSet', 'Pod', 'EndpointSlice']

/**
 * Whether the owner still exists: looked up by kind and name in the dependent's namespace (or
 * cluster-wide) and compared by uid, as the GC's graph does; an owner of a kind we do not know is
 * searched for by uid alone.
 */
function ownerExists(
  s: ClusterState,
  obj: KubeObject,
  owner: OwnerReference,
  uids: () => Set<string>,
): boolean {
  const byName =
    s.objects[objectKey(owner.kind, obj.metadata.namespace, owner.name)] ??
    s.objects[objectKey(owner.kind, undefined, owner.name)]
  if (byName?.metadata.uid === owner.uid) return true
  return uids().has(owner.uid)
}

/** Deletes dependents whose owner is gone; returns true when anything was deleted. */
export function collectGarbage(s: ClusterState, now: number): boolean {
  let all: Set<string> | undefined
  const uids = () => {
    if (!all) {
      all = new Set<string>()
      for (const key in s.objects) all.add((s.objects[key] as KubeObject).metadata.uid)
    }
    return all
  }
  const gone: KubeObject[] = []
  for (const kind of DEPENDENTS)
    for (const obj of objectsOfKind(s, kind)) {
      const owner = controllerOf(obj)
      if (owner && !ownerExists(s, obj, owner, uids)) gone.push(obj)
    }
  let changed = false
  for (const obj of gone) {
    if (obj.kind === 'Pod') {
      if (deletePodGracefully(s, obj as Pod, now)) changed = true
    } else {
      removeObject(s, obj.kind as Kind, obj.metadata.namespace, obj.metadata.name)
      changed = true
    }
  }
  return changed
}
