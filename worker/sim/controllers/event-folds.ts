// Which Event an occurrence folds into (events.ts recordEvent), by the EventCorrelator's key: the
// namespace, the involved object's uid, reason, message, type, source component and fieldPath.
// Scanning every Event for each occurrence reached all of them again on every command (a scale
// records three or four); the keys are kept per document object instead, right while the only
// Event writes are the recorder's own (noted here), and built again by one scan after any other
// (pruning, an apply, a delete). Check mode compares every answer with a scan.
import { checkingDocuments } from '../document-changed'
import { kindWrites } from '../object-index'
import type { KubeEvent } from '../objects/types'
import { objectsOfKind, type ClusterState } from '../state'

const EVENT_KIND = ['Event']

/** The fold keys of one document's Events, as of `writes` Event writes. */
export interface EventFolds {
  writes: number
  byKey: Map<string, KubeEvent>
}

const FOLDS = new WeakMap<ClusterState, EventFolds>()

export interface FoldFields {
  namespace: string | undefined
  uid: string | undefined
  reason: string
  message: string
  type: string
  component: string
  fieldPath: string | undefined
}

/** The correlator's key of an occurrence (JSON: no two field lists give the same text). */
export function foldKey(f: FoldFields): string {
  return JSON.stringify([f.namespace, f.uid, f.reason, f.message, f.type, f.component, f.fieldPath])
}

function keyOfEvent(e: KubeEvent): string {
  return foldKey({
    namespace: e.metadata.namespace,
    uid: e.involvedObject.uid,
    reason: e.reason,
    message: e.message,
    type: e.type,
    component: e.source.component,
    fieldPath: e.involvedObject.fieldPath,
  })
}

/** The document's fold keys, built again if an Event was written since by anything but the recorder. */
export function eventFolds(s: ClusterState): EventFolds {
  const writes = kindWrites(s, EVENT_KIND)
  const kept = FOLDS.get(s)
  if (kept && kept.writes === writes) return kept
  const byKey = new Map<string, KubeEvent>()
  for (const e of objectsOfKind<KubeEvent>(s, 'Event')) {
    const key = keyOfEvent(e)
    // the first in document order, as a scan would find
    if (!byKey.has(key)) byKey.set(key, e)
  }
  const folds = { writes, byKey }
  FOLDS.set(s, folds)
  return folds
}

/** The Event that `key` folds into, if any (check mode: the one a scan finds). */
export function foldTarget(s: ClusterState, folds: EventFolds, key: string): KubeEvent | undefined {
  const found = folds.byKey.get(key)
  if (checkingDocuments()) {
    const scanned = objectsOfKind<KubeEvent>(s, 'Event').find((e) => keyOfEvent(e) === key)
    if (scanned !== found)
      throw new Error(
        `event folds: kept ${found?.metadata.name}, scan finds ${scanned?.metadata.name}`,
      )
  }
  return found
}

/**
 * After the recorder's one write of `e` (new, or folded into) under `key`: the kept keys stay
 * right if they were right just before it; otherwise they are built again on the next lookup.
 */
export function noteRecorded(s: ClusterState, folds: EventFolds, key: string, e: KubeEvent): void {
  if (FOLDS.get(s) !== folds || kindWrites(s, EVENT_KIND) !== folds.writes + 1) return
  if (!folds.byKey.has(key)) folds.byKey.set(key, e)
  folds.writes += 1
}
