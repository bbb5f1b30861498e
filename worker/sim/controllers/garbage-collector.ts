// The garbage collector (pkg/controller/garbagecollector), background propagation only:
// an object whose controller owner no longer exists (by uid) is deleted; pods gracefully.

import type { KubeObject, Pod } from '../objects/types'
import { isKind, type Kind } from '../objects/resources'
import { removeObject, type ClusterState } from '../state'
import { deletePodGracefully } from './pod-factory'
import { controllerOf } from './util'

const DEPENDENTS: Kind[] = ['ReplicaSet', 'Pod', 'EndpointSlice']

/** Deletes dependents whose owner is gone; returns true when anything was deleted. */
export function collectGarbage(s: ClusterState, now: number): boolean {
  const uids = new Set<string>()
  for (const key in s.objects) uids.add((s.objects[key] as KubeObject).metadata.uid)
  let changed = false
  for (const key of Object.keys(s.objects)) {
    const obj = s.objects[key] as KubeObject
    if (!isKind(obj.kind) || !DEPENDENTS.includes(obj.kind)) continue
    const owner = controllerOf(obj)
    if (!owner || uids.has(owner.uid)) continue
    if (obj.kind === 'Pod') {
      if (deletePodGracefully(s, obj as Pod, now)) changed = true
    } else {
      removeObject(s, obj.kind, obj.metadata.namespace, obj.metadata.name)
      changed = true
    }
  }
  return changed
}
