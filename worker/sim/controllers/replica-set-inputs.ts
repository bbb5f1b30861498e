// What one ReplicaSet's sync reads (replica-set.ts), for the per-key skip (key-memo.ts).

import type { Pod, ReplicaSet } from '../objects/types'
import { objectKey, type ClusterState } from '../state'
import { pushVersion, type Inputs } from './key-memo'
import { controllerOf, isPodActive } from './util'

/**
 * The inputs of a ReplicaSet's sync: the ReplicaSet and, in its namespace, the pods it controls
 * and those without a controller (adoption candidates), each with whether it is still stored.
 * Undefined (not remembered) unless it has exactly as many active pods as it wants: creating and
 * deleting write anyway, and a create refused by a quota reads quotas and events besides.
 */
export function replicaSetInputs(
  s: ClusterState,
  rs: ReplicaSet,
  inNamespace: Pod[],
): Inputs | undefined {
  const out: Inputs = []
  pushVersion(out, rs)
  let active = 0
  for (const p of inNamespace) {
    const c = controllerOf(p)
    if (c && c.uid !== rs.metadata.uid) continue
    const stored = objectKey('Pod', p.metadata.namespace, p.metadata.name) in s.objects
    out.push(p.metadata.name)
    pushVersion(out, p)
    out.push(stored)
    if (c && isPodActive(p)) active += 1
  }
  return active === (rs.spec.replicas ?? 1) ? out : undefined
}
