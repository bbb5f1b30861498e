// Watch events from two views of the same cluster: what appeared (ADDED), what changed
// (MODIFIED) and what went (DELETED). Views are settled copies, so the same change may carry a
// different resourceVersion in two of them (the stored document had not been written between
// them): an object whose only difference is its resourceVersion has not changed.

import type { KubeObject } from '../../sim/objects/types'
import { objectsOfKind, type ClusterState } from '../../sim/state'
import type { EventType } from '../../sim/stream/types'
import { matchesSpec, type WatchSpec } from './spec'

export interface WatchEvent {
  type: EventType
  object: KubeObject
}

export interface Seen {
  object: KubeObject
  /** the object as JSON without its resourceVersion */
  signature: string
}

export type Snapshot = Map<string, Seen>

function signature(o: KubeObject): string {
  const { resourceVersion: _, ...meta } = o.metadata
  return JSON.stringify({ ...o, metadata: meta })
}

/** The watched objects of a view, by uid (a recreated object with the same name is another). */
export function snapshot(s: ClusterState, spec: WatchSpec): Snapshot {
  const out: Snapshot = new Map()
  for (const o of objectsOfKind(s, spec.kind)) {
    if (matchesSpec(o, spec)) out.set(o.metadata.uid, { object: o, signature: signature(o) })
  }
  return out
}

/** Events that turn `before` into `after`, oldest change first (by resourceVersion). */
export function diffSnapshots(before: Snapshot, after: Snapshot): WatchEvent[] {
  const events: WatchEvent[] = []
  for (const [uid, seen] of after) {
    const old = before.get(uid)
    if (!old) events.push({ type: 'ADDED', object: seen.object })
    else if (old.signature !== seen.signature)
      events.push({ type: 'MODIFIED', object: seen.object })
  }
  events.sort((a, b) => rvOf(a.object) - rvOf(b.object))
  for (const [uid, seen] of before) {
    if (!after.has(uid)) events.push({ type: 'DELETED', object: seen.object })
  }
  return events
}

export function rvOf(o: KubeObject): number {
  return Number(o.metadata.resourceVersion) || 0
}

/**
 * The events a watch starts with. Unset or "0": the current state as ADDED (what `get -w
 * --watch-only` skips by asking from the list's version). A given version: what changed after
 * it, as MODIFIED (the cluster keeps no event log to replay, so what was deleted meanwhile is not
 * reported; kubectl asks from the version its list returned a moment earlier).
 */
export function initialEvents(now: Snapshot, spec: WatchSpec): WatchEvent[] {
  const all = [...now.values()].map((s) => s.object).sort((a, b) => rvOf(a) - rvOf(b))
  if (spec.resourceVersion === '' || spec.resourceVersion === '0' || spec.sendInitialEvents)
    return all.map((object) => ({ type: 'ADDED', object }))
  const from = Number(spec.resourceVersion)
  return all.filter((o) => rvOf(o) > from).map((object) => ({ type: 'MODIFIED', object }))
}
