// The event recorder (k8s.io/client-go/tools/record): identical events from the same source
// for the same object are folded into one Event whose count and lastTimestamp grow
// (EventCorrelator). Left out: the spam filter and the 10-per-group similarity aggregation.
// Events expire after an hour upstream; here we also keep only the newest EVENTS_MAX so the
// cluster document stays small.

import type { KubeEvent, KubeObject } from '../objects/types'
import { objectKey, putObject, randomUid, removeObject, type ClusterState } from '../state'
import { ts } from './util'

/** Events kept per cluster (upstream keeps every event for an hour). */
export const EVENTS_MAX = 20
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
  let ns = BigInt(Math.floor(at)) * 1_000_000n
  while (objectKey('Event', namespace, `${base}.${ns.toString(16)}`) in s.objects) ns += 1n
  return `${base}.${ns.toString(16)}`
}

function allEvents(s: ClusterState): KubeEvent[] {
  const out: KubeEvent[] = []
  for (const key in s.objects) if (key.startsWith('Event/')) out.push(s.objects[key] as KubeEvent)
  return out
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

/** Drops events older than the TTL, then beyond EVENTS_MAX those of deleted objects and the oldest. */
export function pruneEvents(s: ClusterState, now: number): boolean {
  const events = allEvents(s)
  let changed = false
  const cutoff = ts(now - EVENT_TTL_MS)
  const alive = events.filter((e) => {
    if (e.lastTimestamp >= cutoff) return true
    removeObject(s, 'Event', e.metadata.namespace, e.metadata.name)
    changed = true
    return false
  })
  if (alive.length <= EVENTS_MAX) return changed
  const uids = new Set<string>()
  for (const key in s.objects) uids.add((s.objects[key] as KubeObject).metadata.uid)
  const gone = (e: KubeEvent) => (uids.has(e.involvedObject.uid ?? '') ? 1 : 0)
  alive.sort(
    (a, b) =>
      gone(a) - gone(b) ||
      (a.lastTimestamp < b.lastTimestamp
        ? -1
        : a.lastTimestamp > b.lastTimestamp
          ? 1
          : Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)),
  )
  for (const e of alive.slice(0, alive.length - EVENTS_MAX))
    removeObject(s, 'Event', e.metadata.namespace, e.metadata.name)
  return true
}
