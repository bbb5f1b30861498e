// What one ReplicaSet's sync reads (replica-set.ts), for the per-key skip (key-memo.ts).

import type { Pod, ReplicaSet } from '../objects/types'
import { objectKey, objectsOfKind as objectsOf, type ClusterState } from '../state'
import { pushVersion, type Inputs } from './key-memo'
import { isPodActive, isPodReady, matchesLabelSelector, podCondition } from './util'
import { controllerUid } from '../owner-watch'

/**
 * The inputs of a ReplicaSet's sync: the ReplicaSet and, in its namespace, the active pods it
 * controls and those without a controller (adoption candidates), each with whether it is still
 * stored. Undefined (not remembered) unless it has exactly as many active pods as it wants:
 * creating and deleting write anyway, and a create refused by a quota reads quotas and events
 * besides. `allStored`: no pod has been removed since `inNamespace` was listed, so each is still
 * stored (the reconcile's pods are listed once; an earlier ReplicaSet's sync may delete some).
 * A pod it controls counts by what the sync then reads of it (ownedPodReads), not by its
 * resourceVersion, and not at all once inactive (the sync leaves those out at once): the
 * scheduler's binding and the kubelet's first status of a pod it just made, or the end of a pod
 * it deleted, change nothing it counts.
 */
export function replicaSetInputs(
  s: ClusterState,
  rs: ReplicaSet,
  inNamespace: readonly Pod[],
  allStored: boolean,
): Inputs | undefined {
  const out: Inputs = []
  pushVersion(out, rs)
  const uid = rs.metadata.uid
  const labels = { matchLabels: rs.spec.template.metadata?.labels ?? {} }
  let active = 0
  for (const p of inNamespace) {
    const c = controllerUid(p)
    if (c !== undefined && c !== uid) continue
    const stored = allStored || objectKey('Pod', p.metadata.namespace, p.metadata.name) in s.objects
    if (c !== undefined && isPodActive(p)) active += 1
    // tagged: an owned pod's entries and an orphan's differ in number
    if (c === undefined || !projecting) {
      out.push(p.metadata.name, stored, c === undefined ? 'orphan' : 'owned')
      pushVersion(out, p)
    } else if (isPodActive(p)) {
      out.push(p.metadata.name, stored, 'owned reads', p.metadata.uid)
      ownedPodReads(out, p, matchesLabelSelector(labels, p.metadata.labels))
    }
  }
  return active === (rs.spec.replicas ?? 1) ? out : undefined
}

/**
 * What computeStatus reads of an active pod the ReplicaSet controls: whether its labels match
 * the template's (fullyLabeledReplicas), whether it is ready and, when it is, since when
 * (isPodAvailable with minReadySeconds).
 */
function ownedPodReads(out: Inputs, p: Pod, fullyLabeled: boolean): void {
  const ready = isPodReady(p)
  out.push(fullyLabeled, ready, ready ? podCondition(p, 'Ready')?.lastTransitionTime : undefined)
}

let projecting = true

/** Counts owned pods by their resourceVersions again (its differential test compares). */
export function projectOwnedPods(on: boolean): void {
  projecting = on
}

/**
 * What the sync of `rs` run again right after one that wrote would read: the pods of its
 * namespace listed afresh. Its sync converges in one run (pods made or deleted until it has as
 * many active as it wants, status written from those), so it would find nothing.
 */
export function replicaSetInputsAfter(s: ClusterState, rs: ReplicaSet): Inputs | undefined {
  const ns = rs.metadata.namespace
  const inNamespace: Pod[] = []
  for (const p of objectsOf<Pod>(s, 'Pod')) if (p.metadata.namespace === ns) inNamespace.push(p)
  return replicaSetInputs(s, rs, inNamespace, true)
}
