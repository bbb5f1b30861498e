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

/** The watched objects of the stored document as read, before it is settled, and its version. */
export interface Stored {
  snap: Snapshot
  rv: number
}

/**
 * The events a watch starts with, or 'expired' when it cannot say what changed since the version
 * asked for. Unset or "0": the current state as ADDED (what `get -w --watch-only` skips by asking
 * from the list's version). A given version, which kubectl's list returned a moment earlier: what
 * happened since the stored document as read (a pod whose end came due meanwhile is DELETED: the
 * informer behind `kubectl delete`'s wait hears of it), and, when the document was stored again
 * after that version, what the stored objects show changed after it. The cluster keeps no event
 * log, so what was deleted by those writes is not known: an informer (it asks for bookmarks) is
 * told the version is too old and lists again, as after an etcd compaction; `kubectl get -w`,
 * which would end there, goes on without those deletions.
 */
export function openingEvents(
  stored: Stored,
  now: Snapshot,
  spec: WatchSpec,
): WatchEvent[] | 'expired' {
  if (spec.resourceVersion === '' || spec.resourceVersion === '0' || spec.sendInitialEvents) {
    const all = [...now.values()].map((s) => s.object).sort((a, b) => rvOf(a) - rvOf(b))
    return all.map((object) => ({ type: 'ADDED', object }))
  }
  const from = Number(spec.resourceVersion)
  if (stored.rv > from && spec.allowWatchBookmarks) return 'expired'
  const since = diffSnapshots(stored.snap, now)
  if (stored.rv <= from) return since
  const moved = new Set(since.map((e) => e.object.metadata.uid))
  const written = [...stored.snap.values()]
    .filter((s) => rvOf(s.object) > from && !moved.has(s.object.metadata.uid))
    .map((s) => now.get(s.object.metadata.uid)?.object ?? s.object)
    .sort((a, b) => rvOf(a) - rvOf(b))
    .map((object): WatchEvent => ({ type: 'MODIFIED', object }))
  return [...written, ...since]
}
