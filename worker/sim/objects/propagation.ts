// Delete propagation (DeleteOptions.propagationPolicy, `kubectl delete --cascade=`), as the API
// server and the garbage collector of Kubernetes 1.32 do it (apiserver registry/rest/delete.go,
// pkg/controller/garbagecollector):
// - Background (kubectl's default): the owner goes at once, the GC then deletes its dependents.
// - Orphan: the GC removes the owner's entry from its dependents' ownerReferences; they stay.
// - Foreground: the owner gets deletionTimestamp and the `foregroundDeletion` finalizer and stays
//   until the GC has deleted every dependent that blocks it (blockOwnerDeletion), which it deletes
//   in the foreground too; pods terminate gracefully first. Then the finalizer goes, and the owner.
// Simplification: the GC's orphaning happens within the delete itself, so an orphaned owner is
// gone when the DELETE answers (a real one briefly carries the `orphan` finalizer); kubectl prints
// the same either way.

import type { ClusterState } from '../state'
import { formatTimestamp, listObjects, putObject } from '../state'
import { KINDS, RESOURCES, type Kind } from './resources'
import type { KubeObject } from './types'

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground'

export const PROPAGATION_POLICIES: PropagationPolicy[] = ['Foreground', 'Background', 'Orphan']

export const FOREGROUND_FINALIZER = 'foregroundDeletion'

/**
 * Kinds whose foreground deletion waits for dependents: workloads wait for their pods. A Service's
 * or Endpoints' slices would go within milliseconds, so those go at once with them (and the
 * endpoints controllers' cleanup in delete.ts stays one path).
 */
export const FOREGROUND_KINDS: Kind[] = ['Deployment', 'ReplicaSet']

/** The objects whose ownerReferences name `owner` (by uid), in its namespace. */
export function dependentsOf(s: ClusterState, owner: KubeObject): KubeObject[] {
  const out: KubeObject[] = []
  const uid = owner.metadata.uid
  for (const kind of KINDS) {
    if (!RESOURCES[kind].namespaced) continue
    for (const o of listObjects(s, kind, owner.metadata.namespace))
      if ((o.metadata.ownerReferences ?? []).some((r) => r.uid === uid)) out.push(o)
  }
  return out
}

/** Orphan: each dependent loses its ownerReference to `owner` and keeps everything else. */
export function orphanDependents(s: ClusterState, owner: KubeObject): void {
  const uid = owner.metadata.uid
  for (const dep of dependentsOf(s, owner)) {
    const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)
    if (refs.length > 0) dep.metadata.ownerReferences = refs
    else delete dep.metadata.ownerReferences
    putObject(s, dep)
  }
}

export function isDeletingForeground(obj: KubeObject): boolean {
  return (
    obj.metadata.deletionTimestamp !== undefined &&
    (obj.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)
  )
}

/**
 * Foreground, as the API server answers it: deletionTimestamp now, deletionGracePeriodSeconds 0
 * and the finalizer; the object stays (the garbage collector finishes it).
 */
export function startForegroundDeletion(s: ClusterState, obj: KubeObject, now: number): KubeObject {
  if (isDeletingForeground(obj)) return obj
  obj.metadata.deletionTimestamp ??= formatTimestamp(now)
  obj.metadata.deletionGracePeriodSeconds ??= 0
  obj.metadata.finalizers = [...(obj.metadata.finalizers ?? []), FOREGROUND_FINALIZER]
  return putObject(s, obj)
}
