// The revision history of a Deployment as kubectl reads it: its ReplicaSets (by controller
// ownerReference) and their `deployment.kubernetes.io/revision` annotations
// (kubectl pkg/polymorphichelpers/history.go, rollback.go deploymentRevision).

import type { ClusterState } from '../state'
import { listObjects } from '../state'
import type { Deployment, ReplicaSet } from '../objects/types'

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

/** The Deployment's ReplicaSets with a parseable revision, oldest revision first. */
export function revisionsOf(
  s: ClusterState,
  d: Deployment,
): { revision: number; rs: ReplicaSet }[] {
  const out: { revision: number; rs: ReplicaSet }[] = []
  for (const rs of listObjects<ReplicaSet>(s, 'ReplicaSet', d.metadata.namespace)) {
    const owned = (rs.metadata.ownerReferences ?? []).some(
      (o) => o.uid === d.metadata.uid && o.controller,
    )
    const rev = Number((rs.metadata.annotations ?? {})[REVISION_ANNOTATION])
    if (owned && Number.isInteger(rev) && rev > 0) out.push({ revision: rev, rs })
  }
  return out.sort((a, b) => a.revision - b.revision)
}
