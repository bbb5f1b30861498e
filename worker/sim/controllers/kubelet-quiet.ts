// When the kubelets have nothing to do: every pod bound to a node is quiet (no container step
// ends, no probe result changes before its time) and none is being deleted. Then a run changes
// nothing until a Pod or Node is written or the earliest of those times comes: the kubelet's own
// records change only in its runs (or with a write of their pod: an attached shell's exit), so
// settle's first pass of a command, time having moved on a little, need not look at every pod.

import type { Pod } from '../objects/types'
import { kindWrites } from '../object-index'
import { parseTimestamp, type ClusterState } from '../state'
import { checkingDocuments } from '../document-changed'
import { isSkippingQuiet } from './key-memo'
import { peekKubeletRecord } from './kubelet-record'

/**
 * The first `now` at which the pod may not be quiet any more (its sandbox ready, a container step
 * ending, a probe due), or -1 when it is not quiet at `now`: it must be synced.
 */
export function quietUntil(s: ClusterState, pod: Pod, now: number): number {
  if (!pod.status.startTime) return -1
  if (!pod.status.podIP) {
    const at = parseTimestamp(pod.status.startTime) + 1000
    return now < at ? at : -1
  }
  let until = Infinity
  for (const c of pod.spec.containers) {
    const rec = peekKubeletRecord(s, pod.metadata.uid, c.name)
    if (!rec || (rec.image !== undefined && rec.image !== c.image)) return -1
    const at = Math.min(rec.until, rec.nextProbe ?? 0)
    if (at <= now) return -1
    if (at < until) until = at
  }
  return until
}

const KINDS = ['Pod', 'Node']

interface Quiet {
  writes: number
  since: number
  until: number
}

const QUIET = new WeakMap<ClusterState, Quiet>()

/**
 * Whether a kubelet run at `now` would change nothing, as known from the last one. `pods`: those
 * on an existing node (check mode looks at each).
 */
export function kubeletsQuiet(s: ClusterState, pods: () => Pod[], now: number): boolean {
  const q = isSkippingQuiet() ? QUIET.get(s) : undefined
  const quiet =
    q !== undefined && q.writes === kindWrites(s, KINDS) && now >= q.since && now < q.until
  if (quiet && checkingDocuments()) checkQuiet(s, pods(), now)
  return quiet
}

/**
 * After a run at `now` that changed nothing: remembers until when the pods stay quiet, when they
 * all are (`until`: the earliest quietUntil, Infinity with no pod) and none is terminating.
 */
export function noteKubeletsQuiet(s: ClusterState, now: number, until: number): void {
  if (until > now) QUIET.set(s, { writes: kindWrites(s, KINDS), since: now, until })
  else QUIET.delete(s)
}

/** Forgets what `noteKubeletsQuiet` said (a run that changed something). */
export function forgetKubeletsQuiet(s: ClusterState): void {
  QUIET.delete(s)
}

/** Check mode: every pod on a node is still quiet and none terminating, as the skip assumed. */
function checkQuiet(s: ClusterState, pods: readonly Pod[], now: number): void {
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || !pod.status || quietUntil(s, pod, now) < 0)
      throw new Error(`kubelet skipped with pod ${pod.metadata.name} not quiet at ${now}`)
  }
}
