// Catching up after a long absence: a crash or pull loop at the 5-minute back-off cap repeats
// identically, so whole cycles can be counted instead of replayed (one settle stays cheap).

import type { KubeEvent } from '../objects/types'
import { objectKey, objectsOfKind } from '../state'
import { BACKOFF_MAX_S, setStatus, status, type ContainerCtx } from './kubelet-ctx'

export interface CycleMark {
  step: string
  until: number
  restartCount: number
  crashStreak: number
  pullAttempts: number
  counts: Map<string, number>
}

/** Current counts of the events about this pod, by object key. */
export function podEventCounts(c: ContainerCtx): Map<string, number> {
  const out = new Map<string, number>()
  for (const e of objectsOfKind<KubeEvent>(c.s, 'Event'))
    if (e.involvedObject.uid === c.pod.metadata.uid)
      out.set(objectKey('Event', e.metadata.namespace, e.metadata.name), e.count)
  return out
}

/** At the back-off cap a crash or pull loop repeats identically (5 minutes apart), a config error always. */
export function atBackOffCap(c: ContainerCtx): boolean {
  if (c.rec.step === 'crashBackOff')
    return c.rec.crashStreak > 1 && 10 * 2 ** (c.rec.crashStreak - 2) >= BACKOFF_MAX_S
  if (c.rec.step === 'pullBackOff') return 10 * 2 ** (c.rec.pullAttempts - 1) >= BACKOFF_MAX_S
  // a missing ConfigMap or Secret is tried again every sync, always the same cycle
  return c.rec.step === 'configError'
}

/**
 * Skips whole back-off cycles after a long absence: one cycle is replayed and measured, then
 * k more are accounted for at once (restart count, back-off counters, event counts), leaving
 * the last cycle to be replayed for real so the status and timestamps come out exact.
 */
export function skipCycles(c: ContainerCtx, mark: CycleMark, now: number): void {
  const period = c.rec.until - mark.until
  if (period <= 0) return
  const k = Math.floor((now - c.rec.until) / period) - 1
  if (k <= 0) return
  const cs = status(c)
  setStatus(c, { restartCount: cs.restartCount + k * (cs.restartCount - mark.restartCount) })
  c.rec.crashStreak += k * (c.rec.crashStreak - mark.crashStreak)
  c.rec.pullAttempts += k * (c.rec.pullAttempts - mark.pullAttempts)
  c.rec.until += k * period
  for (const [key, count] of podEventCounts(c)) {
    const delta = count - (mark.counts.get(key) ?? count)
    if (delta > 0) (c.s.objects[key] as KubeEvent).count += k * delta
  }
}
