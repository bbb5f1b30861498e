// When the cluster changes by itself next: a pod's sandbox is ready a second after it was admitted
// (kubelet.ts), the kubelet records say when each container's current step ends (image pulled,
// started, exited, back-off over) and when its readiness may flip, and a Terminating pod goes at
// podGoneAt. A stream re-settles a copy of the stored document at that time instead of polling it.
// Left out: the Deployment progress deadline (600 s) moves only a condition, seen on the next read.

import { podGoneAt } from '../../sim/controllers/kubelet'
import type { Pod } from '../../sim/objects/types'
import { objectsOfKind, parseTimestamp, type ClusterState } from '../../sim/state'

/** The end of time in the kubelet's records (controllers/kubelet-record.ts NEVER). */
const NEVER = 8.64e15

interface DueRecord {
  until?: unknown
  nextProbe?: unknown
}

function podTimes(s: ClusterState): number[] {
  const times: number[] = []
  for (const pod of objectsOfKind<Pod>(s, 'Pod')) {
    const started = pod.status?.startTime
    if (started && !pod.status.podIP) times.push(parseTimestamp(started) + 1000)
    const gone = podGoneAt(pod)
    if (gone !== undefined) times.push(gone)
  }
  return times
}

/** The earliest time after `now` at which a settle would change something, or undefined. */
export function nextDueAt(s: ClusterState, now: number): number | undefined {
  let due: number | undefined
  const consider = (t: unknown) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || t >= NEVER || t <= now) return
    if (due === undefined || t < due) due = t
  }
  for (const rt of Object.values(s.runtime.containers)) {
    const rec = rt.kubelet as DueRecord | undefined
    if (rec) [rec.until, rec.nextProbe].forEach(consider)
  }
  podTimes(s).forEach(consider)
  return due
}
