// The per-kind index of a cluster document's objects: listObjects and objectsOfKind answer from
// it instead of scanning every key, and settle() reads the write counter to skip work already done.

import type { KubeObject } from './objects/types'
import type { Kind } from './objects/resources'
import type { ClusterState } from './state'
import { forgetUids } from './uid-index'

/**
 * Per-kind key lists of one objects map, built on first use and kept current by putObject and
 * removeObject (the only writers of `objects`). Held in a WeakMap beside the document, so it is
 * never serialised and a parsed or cloned document starts without one. A key deleted from
 * `objects` behind these functions' back is noticed and dropped; one added behind their back is
 * not, so code that edits `objects` directly must call forgetIndex.
 */
interface KindIndex {
  /** kind -> keys in insertion order (a Set keeps it: re-adding a deleted key moves it last) */
  byKind: Map<string, Set<string>>
  /** kind -> keys sorted by namespace then name, until the kind gains or loses a key */
  sorted: Map<string, string[]>
}

const INDEXES = new WeakMap<Record<string, KubeObject>, KindIndex>()

/** Counts every write through putObject/removeObject (any cluster), for settle's skip test. */
let writes = 0

/**
 * The same count per document, in all and per kind, for settle's skips (settle-memo.ts): a
 * controller that reads a few kinds is still quiet after writes to other kinds (the events every
 * controller records). `ANY` counts the writes of unknown kind (forgetIndex): every kind's.
 */
interface DocumentWrites {
  all: number
  byKind: Map<string, number>
  /** removals alone, per kind */
  removals: Map<string, number>
}

const DOCUMENT_WRITES = new WeakMap<ClusterState, DocumentWrites>()

const ANY = '*'

/** Writes through putObject/removeObject/forgetIndex to this document object so far. */
export function documentWrites(s: ClusterState): number {
  return DOCUMENT_WRITES.get(s)?.all ?? 0
}

/**
 * Writes so far to objects of the given kinds in this document object (every kind: undefined).
 * Equal readings mean none of those kinds was written in between.
 */
export function kindWrites(s: ClusterState, kinds: readonly string[] | undefined): number {
  const w = DOCUMENT_WRITES.get(s)
  if (!w) return 0
  if (kinds === undefined) return w.all
  let n = w.byKind.get(ANY) ?? 0
  for (let i = 0; i < kinds.length; i++) n += w.byKind.get(kinds[i] as string) ?? 0
  return n
}

function countWrite(s: ClusterState, kind: string): DocumentWrites {
  writes += 1
  let w = DOCUMENT_WRITES.get(s)
  if (!w) DOCUMENT_WRITES.set(s, (w = { all: 0, byKind: new Map(), removals: new Map() }))
  w.all += 1
  w.byKind.set(kind, (w.byKind.get(kind) ?? 0) + 1)
  return w
}

/**
 * Removals so far of objects of one kind from this document object (writes of unknown kind,
 * forgetIndex, included): equal readings mean no object of that kind went in between.
 */
export function kindRemovals(s: ClusterState, kind: string): number {
  const w = DOCUMENT_WRITES.get(s)
  if (!w) return 0
  return (w.removals.get(kind) ?? 0) + (w.byKind.get(ANY) ?? 0)
}

function kindOfKey(key: string): string {
  return key.slice(0, key.indexOf('/'))
}

function indexOf(s: ClusterState): KindIndex {
  let idx = INDEXES.get(s.objects)
  if (idx) return idx
  idx = { byKind: new Map(), sorted: new Map() }
  for (const key in s.objects) keysOfKind(idx, kindOfKey(key)).add(key)
  INDEXES.set(s.objects, idx)
  return idx
}

function keysOfKind(idx: KindIndex, kind: string): Set<string> {
  let keys = idx.byKind.get(kind)
  if (!keys) idx.byKind.set(kind, (keys = new Set()))
  return keys
}

/**
 * Drops the key and uid indexes of `s`; call after writing `s.objects` without putObject or
 * removeObject.
 */
export function forgetIndex(s: ClusterState): void {
  INDEXES.delete(s.objects)
  forgetUids(s)
  countWrite(s, ANY)
}

/** A number that grows with every putObject/removeObject; equal readings mean nothing was written. */
export function writeStamp(): number {
  return writes
}

/**
 * Objects of a kind in document (insertion) order, optionally in one namespace, unsorted:
 * controllers run on every command and order their own output where order shows.
 */
export function objectsOfKind<T extends KubeObject = KubeObject>(
  s: ClusterState,
  kind: Kind,
  namespace?: string,
): T[] {
  const keys = indexOf(s).byKind.get(kind)
  const out: T[] = []
  if (!keys) return out
  const prefix = namespace === undefined ? undefined : `${kind}/${namespace}/`
  for (const key of keys) {
    if (prefix !== undefined && !key.startsWith(prefix)) continue
    const obj = s.objects[key]
    if (obj) out.push(obj as T)
    else keys.delete(key)
  }
  return out
}

function byNamespaceThenName(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? ''
  const nb = b.metadata.namespace ?? ''
  if (na !== nb) return na < nb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}

/** Objects of a kind, optionally in one namespace, sorted by namespace then name (etcd key order). */
export function listObjects<T extends KubeObject = KubeObject>(
  s: ClusterState,
  kind: Kind,
  namespace?: string,
): T[] {
  const idx = indexOf(s)
  let sorted = idx.sorted.get(kind)
  if (!sorted) {
    sorted = objectsOfKind(s, kind)
      .sort(byNamespaceThenName)
      .map((o) => `${kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)
    idx.sorted.set(kind, sorted)
  }
  const prefix = namespace === undefined ? undefined : `${kind}/${namespace}/`
  const out: T[] = []
  for (const key of sorted) {
    if (prefix !== undefined && !key.startsWith(prefix)) continue
    const obj = s.objects[key]
    if (obj) out.push(obj as T)
    else {
      idx.sorted.delete(kind)
      idx.byKind.get(kind)?.delete(key)
    }
  }
  return out
}

/** putObject's bookkeeping: counts the write and indexes a key new to the document. */
export function noteWrite(s: ClusterState, kind: string, key: string, isNew: boolean): void {
  countWrite(s, kind)
  const idx = INDEXES.get(s.objects)
  if (!idx || !isNew) return
  const keys = keysOfKind(idx, kind)
  keys.delete(key) // a key deleted behind our back and not yet noticed: now it goes last
  keys.add(key)
  idx.sorted.delete(kind)
}

/** removeObject's bookkeeping. */
export function noteRemoval(s: ClusterState, kind: string, key: string): void {
  const w = countWrite(s, kind)
  w.removals.set(kind, (w.removals.get(kind) ?? 0) + 1)
  const idx = INDEXES.get(s.objects)
  if (!idx) return
  idx.byKind.get(kind)?.delete(key)
  idx.sorted.delete(kind)
}
