// When pruneEvents would next find something to do, so settle can skip it until then: with no
// write to the document since it last ran, the events are those it left (at most EVENTS_MAX), and
// only the hour-old cutoff moving past the oldest lastTimestamp can remove one.

import { documentWrites } from '../object-index'
import { formatTimestamp, parseTimestamp, type ClusterState } from '../state'
import { isSkippingQuiet } from './key-memo'

interface Pruned {
  writes: number
  since: number
  /** the first `now` at which an event may expire (the cutoff passes the oldest one) */
  until: number
}

const PRUNED = new WeakMap<ClusterState, Pruned>()

/** Whether a prune at `now` would change nothing, as known from the last one. */
export function isPruneQuiet(s: ClusterState, now: number): boolean {
  const p = isSkippingQuiet() ? PRUNED.get(s) : undefined
  return p !== undefined && p.writes === documentWrites(s) && now >= p.since && now < p.until
}

/**
 * Notes a prune at `now` that left events whose smallest lastTimestamp is `oldest` (undefined:
 * none). An event goes once `lastTimestamp < ts(now - ttl)`; for a timestamp as the API server
 * writes it (whole seconds) that is from `lastTimestamp + ttl + 1s` on. Any other spelling is
 * not reasoned about: the next settle prunes again.
 */
export function notePruned(
  s: ClusterState,
  now: number,
  oldest: string | undefined,
  ttl: number,
): void {
  let until = Infinity
  if (oldest !== undefined) {
    const at = parseTimestamp(oldest)
    until = Number.isFinite(at) && formatTimestamp(at) === oldest ? at + ttl + 1000 : now
  }
  PRUNED.set(s, { writes: documentWrites(s), since: now, until })
}
