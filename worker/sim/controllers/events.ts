// The event recorder (k8s.io/client-go/tools/record): identical events from the same source
// for the same object are folded into one Event whose count and lastTimestamp grow
// (EventCorrelator). Left out: the spam filter and the 10-per-group similarity aggregation.
// Events expire after an hour upstream; here we also keep only the newest EVENTS_MAX so the
// cluster document stays small.

import type { KubeEvent, KubeObject } from '../objects/types'
import {
  objectKey,
  objectsOfKind,
  putObject,
  randomUid,
  removeObject,
  type ClusterState,
} from '../state'
import { isPruneQuiet, notePruned } from './event-expiry'
import { ts } from './util'
import { hasUid } from '../uid-index'

/** Events kept per cluster (upstream keeps every event for an hour). */
export const EVENTS_MAX = 30
const EVENT_TTL_MS = 60 * 60 * 1000

export interface EventSource {
  component: string
  host?: string
}

export interface EventInput {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  source: EventSource
  /** `spec.containers{nginx}` for container events */
  fieldPath?: string
}

function sameEvent(e: KubeEvent, obj: KubeObject, input: EventInput): boolean {
  return (
    e.involvedObject.uid === obj.metadata.uid &&
    e.reason === input.reason &&
    e.message === input.message &&
    e.type === input.type &&
    e.source.component === input.source.component &&
    e.involvedObject.fieldPath === input.fieldPath
  )
}

/** Event names are `<object>.<hex of the time in ns>` (recorder.makeEvent). */
function eventName(s: ClusterState, namespace: string, base: string, at: number): string {
  const first = `${base}.${nanosHex(at)}`
  if (!(objectKey('Event', namespace, first) in s.objects)) return first
  let ns = BigInt(Math.floor(at)) * 1_000_000n + 1n
  while (objectKey('Event', namespace, `${base}.${ns.toString(16)}`) in s.objects) ns += 1n
  return `${base}.${ns.toString(16)}`
}

let lastAt = NaN
let lastHex = ''

/** The time in ns as hex; one settle names many events at the same `at`. */
function nanosHex(at: number): string {
  if (at !== lastAt) {
    lastAt = at
    lastHex = (BigInt(Math.floor(at)) * 1_000_000n).toString(16)
  }
  return lastHex
}

function allEvents(s: ClusterState): readonly KubeEvent[] {
  return objectsOfKind<KubeEvent>(s, 'Event')
}

/**
 * Records an event about obj at time `at` (ms). Returns true when the state changed.
 * `count` of a folded event grows by one per call; callers call once per occurrence.
 */
export function recordEvent(
  s: ClusterState,
  obj: KubeObject,
  input: EventInput,
  at: number,
): boolean {
  const namespace = obj.metadata.namespace ?? 'default'
  const existing = allEvents(s).find(
    (e) => e.metadata.namespace === namespace && sameEvent(e, obj, input),
  )
  if (existing) {
    existing.count += 1
    existing.lastTimestamp = ts(at)
    putObject(s, existing)
    return true
  }
  const ev: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: eventName(s, namespace, obj.metadata.name, at),
      namespace,
      uid: randomUid(s),
      resourceVersion: '',
      creationTimestamp: ts(at),
    },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
    },
    reason: input.reason,
    message: input.message,
    source: input.source,
    firstTimestamp: ts(at),
    lastTimestamp: ts(at),
    count: 1,
    type: input.type,
    eventTime: null,
    reportingComponent: input.source.component,
    reportingInstance: input.source.host ?? '',
  }
  putObject(s, ev)
  return true
}

/** Sets the count of a folded event directly (probe failures counted by period); no-op when equal. */
export function recordRepeatedEvent(
  s: ClusterState,
  obj: KubeObject,
  input: EventInput,
  first: number,
  last: number,
  count: number,
): boolean {
  const namespace = obj.metadata.namespace ?? 'default'
  const existing = allEvents(s).find(
    (e) => e.metadata.namespace === namespace && sameEvent(e, obj, input),
  )
  if (existing) {
    if (existing.count === count && existing.lastTimestamp === ts(last)) return false
    existing.count = count
    existing.lastTimestamp = ts(last)
    putObject(s, existing)
    return true
  }
  recordEvent(s, obj, input, first)
  const ev = allEvents(s).find(
    (e) => e.metadata.namespace === namespace && sameEvent(e, obj, input),
  ) as KubeEvent
  ev.count = count
  ev.lastTimestamp = ts(last)
  return true
}

interface EventGroup {
  events: KubeEvent[]
  gone: boolean
  newest: string
  rv: number
}

/** Events grouped by the object they are about, with what decides which group goes first. */
function groupByObject(s: ClusterState, events: KubeEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>()
  for (const e of events) {
    const uid = e.involvedObject.uid ?? ''
    const g = groups.get(uid) ?? { events: [], gone: !hasUid(s, uid), newest: '', rv: 0 }
    groups.set(uid, g)
    g.events.push(e)
    if (e.lastTimestamp > g.newest) g.newest = e.lastTimestamp
    g.rv = Math.max(g.rv, Number(e.metadata.resourceVersion))
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.gone) - Number(a.gone) ||
      (a.newest < b.newest ? -1 : a.newest > b.newest ? 1 : a.rv - b.rv),
  )
}

/**
 * Drops events older than the TTL; beyond EVENTS_MAX, drops whole objects' event lists (deleted
 * objects first, then the least recently active), so `kubectl describe` of a recent object still
 * tells its whole story.
 */
export function pruneEvents(s: ClusterState, now: number): boolean {
  if (isPruneQuiet(s, now)) return false
  const cutoff = ts(now - EVENT_TTL_MS)
  let changed = false
  const alive: KubeEvent[] = []
  // the smallest lastTimestamp of those kept (or of a superset: an earlier expiry is safe)
  let oldest: string | undefined
  for (const e of allEvents(s)) {
    if (e.lastTimestamp >= cutoff) {
      alive.push(e)
      if (oldest === undefined || e.lastTimestamp < oldest) oldest = e.lastTimestamp
    } else changed = removeObject(s, 'Event', e.metadata.namespace, e.metadata.name) || changed
  }
  let excess = alive.length - EVENTS_MAX
  if (excess > 0) {
    for (const g of groupByObject(s, alive)) {
      const drop = g.events.length <= excess ? g.events : g.events.sort(byAge).slice(0, excess)
      for (const e of drop) removeObject(s, 'Event', e.metadata.namespace, e.metadata.name)
      excess -= drop.length
      if (excess <= 0) break
    }
    changed = true
  }
  notePruned(s, now, oldest, EVENT_TTL_MS)
  return changed
}

function byAge(a: KubeEvent, b: KubeEvent): number {
  if (a.lastTimestamp !== b.lastTimestamp) return a.lastTimestamp < b.lastTimestamp ? -1 : 1
  return Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)
}
