// Which uids a cluster document holds, kept current by putObject and removeObject: the garbage
// collector asks whether an owner still exists and pruneEvents whether an event's object does,
// on every settle, and gathering every uid of the document each time cost more than their work.

import type { KubeObject } from './objects/types'
import type { ClusterState } from './state'
import { checkingDocuments } from './document-changed'

/**
 * uid -> the key of the object that had it when last written. Held in a WeakMap beside the
 * objects map (never serialised; a parsed or cloned document starts without one) and built on
 * first use. An entry is checked against the document when read, so an object removed or
 * replaced under the same key by one with another uid is never answered; a uid given to an
 * object without putObject is not noticed (as for the kind index: forgetIndex drops both).
 * Uids are unique in a document (the API server and the bootstrap give every object its own).
 */
const UIDS = new WeakMap<Record<string, KubeObject>, Map<string, string>>()

function uidsOf(s: ClusterState): Map<string, string> {
  let m = UIDS.get(s.objects)
  if (m) return m
  m = new Map()
  for (const key in s.objects) m.set((s.objects[key] as KubeObject).metadata.uid, key)
  UIDS.set(s.objects, m)
  return m
}

/** Whether some object of the document has this uid. */
export function hasUid(s: ClusterState, uid: string): boolean {
  const has = indexedHasUid(s, uid)
  // check mode (every Node test): the index answers as a scan of the document would
  if (checkingDocuments() && has !== scanHasUid(s, uid))
    throw new Error(`uid index: ${uid} answered ${has}, the document says ${!has}`)
  return has
}

function indexedHasUid(s: ClusterState, uid: string): boolean {
  const m = uidsOf(s)
  const key = m.get(uid)
  if (key === undefined) return false
  if (s.objects[key]?.metadata.uid === uid) return true
  m.delete(uid)
  return false
}

function scanHasUid(s: ClusterState, uid: string): boolean {
  for (const key in s.objects) if ((s.objects[key] as KubeObject).metadata.uid === uid) return true
  return false
}

/** putObject's bookkeeping: `key` now holds an object with this uid. */
export function noteUid(s: ClusterState, uid: string, key: string): void {
  UIDS.get(s.objects)?.set(uid, key)
}

/** Drops the uid index of `s` (objects written without putObject/removeObject). */
export function forgetUids(s: ClusterState): void {
  UIDS.delete(s.objects)
}
