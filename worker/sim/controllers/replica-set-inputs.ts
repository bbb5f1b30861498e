// What one ReplicaSet's sync reads (replica-set.ts), for the per-key skip (key-memo.ts).

import type { Pod, ReplicaSet } from '../objects/types'
import { objectKey, type ClusterState } from '../state'
import { pushVersion, type Inputs } from './key-memo'
import { isPodActive } from './util'
import { controllerUid } from '../owner-watch'

/**
 * The inputs of a ReplicaSet's sync: the ReplicaSet and, in its namespace, the pods it controls
 * and those without a controller (adoption candidates), each with whether it is still stored.
 * Undefined (not remembered) unless it has exactly as many active pods as it wants: creating and
 * deleting write anyway, and a create refused by a quota reads quotas and events besides.
 * `allStored`: no pod has been removed since `inNamespace` was listed, so each is still stored
 * (the reconcile's pods are listed once; an earlier ReplicaSet's sync may delete some).
 */
export function replicaSetInputs(
  s: ClusterState,
  rs: ReplicaSet,
  inNamespace: Pod[],
  allStored: boolean,
): Inputs | undefined {
  const out: Inputs = []
  pushVersion(out, rs)
  const uid = rs.metadata.uid
  let active = 0
  for (const p of inNamespace) {
    const c = controllerUid(p)
    if (c !== undefined && c !== uid) continue
    const stored = allStored || objectKey('Pod', p.metadata.namespace, p.metadata.name) in s.objects
    out.push(p.metadata.name)
    pushVersion(out, p)
    out.push(stored)
    if (c !== undefined && isPodActive(p)) active += 1
  }
  return active === (rs.spec.replicas ?? 1) ? out : undefined
}
