// The per-kind index of a cluster document's objects: listObjects and objectsOfKind answer from
// it instead of scanning every key. putObject/removeObject report their writes here, which also
// counts them (write-counts.ts) for settle() to skip work already done.

import type { KubeObject } from './objects/types'
import type { Kind } from './objects/resources'
import type { ClusterState } from './state'
import { checkingDocuments } from './document-changed'
import { forgetUids } from './uid-index'
import { forgetOwnerWatch } from './owner-watch'
import { ANY, countRemoval, countWrite } from './write-counts'

// the counts, read by settle and the controllers' memos through this module
export { documentWrites, kindRemovals, kindWrites, writeStamp } from './write-counts'

/**
 * Per-kind key lists of one objects map, built on first use and kept current by putObject and
 * removeObject (the only writers of `objects`). Held in a WeakMap beside the document, so it is
 * never serialised and a parsed or cloned document starts without one. A key deleted from
 * `objects` behind these functions' back is noticed by a scan (listObjects, a namespace's
 * objectsOfKind) but not by a kind's kept list; one added behind their back is not noticed at
 * all: code that edits `objects` directly must call forgetIndex (check mode throws otherwise).
 */
interface KindIndex {
  /** kind -> keys in insertion order (a Set keeps it: re-adding a deleted key moves it last) */
  byKind: Map<string, Set<string>>
  /** kind -> keys sorted by namespace then name, until the kind gains or loses a key */
  sorted: Map<string, string[]>
  /**
   * kind -> objectsOfKind's answer, kept until an object of the kind is added, removed or
   * replaced (a write in place keeps it: the list holds the same objects). Never changed in place
   * (a write drops it), so a caller iterating one while writing is safe;
   * callers must not change it either (frozen, and compared with a scan, in check mode).
   */
  objects: Map<string, readonly KubeObject[]>
}

const INDEXES = new WeakMap<Record<string, KubeObject>, KindIndex>()

function kindOfKey(key: string): string {
  return key.slice(0, key.indexOf('/'))
}

function indexOf(s: ClusterState): KindIndex {
  let idx = INDEXES.get(s.objects)
  if (idx) return idx
  idx = { byKind: new Map(), sorted: new Map(), objects: new Map() }
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
  forgetOwnerWatch(s)
  countWrite(s, ANY)
}

/** The kinds the document has held objects of (some lists may be empty now). */
export function indexedKinds(s: ClusterState): Iterable<string> {
  return indexOf(s).byKind.keys()
}

/**
 * Objects of a kind in document (insertion) order, optionally in one namespace, unsorted:
 * controllers run on every command and order their own output where order shows. The whole
 * kind's array is kept between calls and shared: callers read it and never change it.
 */
export function objectsOfKind<T extends KubeObject = KubeObject>(
  s: ClusterState,
  kind: Kind,
  namespace?: string,
): readonly T[] {
  const idx = indexOf(s)
  if (namespace !== undefined) return scanKind<T>(s, idx, kind, `${kind}/${namespace}/`)
  if (!keepingLists) return scanKind<T>(s, idx, kind, undefined)
  let kept = idx.objects.get(kind)
  if (kept && checkingDocuments()) checkKept(kind, kept, scanKind(s, idx, kind, undefined))
  if (!kept) {
    kept = scanKind(s, idx, kind, undefined)
    idx.objects.set(kind, checkingDocuments() ? Object.freeze(kept) : kept)
  }
  return kept as readonly T[]
}

let keepingLists = true

/** Keeps each kind's list between calls (on by default); tests compare with a scan per call. */
export function keepKindLists(on: boolean): void {
  keepingLists = on
}

function scanKind<T extends KubeObject>(
  s: ClusterState,
  idx: KindIndex,
  kind: string,
  prefix: string | undefined,
): T[] {
  const keys = idx.byKind.get(kind)
  const out: T[] = []
  if (!keys) return out
  for (const key of keys) {
    if (prefix !== undefined && !key.startsWith(prefix)) continue
    const obj = s.objects[key]
    if (obj) out.push(obj as T)
    else {
      keys.delete(key)
      idx.objects.delete(kind)
    }
  }
  return out
}

/** Check mode: a kept answer is what a scan finds now (nothing wrote `objects` behind our back). */
function checkKept(kind: string, kept: readonly KubeObject[], scan: readonly KubeObject[]): void {
  if (kept.length === scan.length && kept.every((o, i) => o === scan[i])) return
  throw new Error(`objectsOfKind: the kept ${kind} list is stale; see sim/object-index.ts`)
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
    sorted = [...objectsOfKind(s, kind)]
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
      idx.objects.delete(kind)
      idx.byKind.get(kind)?.delete(key)
    }
  }
  return out
}

/**
 * putObject's bookkeeping: counts the write and indexes a key new to the document. `inPlace`: the
 * object stored under the key already (changed in place), so the kind's kept list still holds.
 */
export function noteWrite(
  s: ClusterState,
  kind: string,
  key: string,
  isNew: boolean,
  inPlace = false,
): void {
  countWrite(s, kind)
  const idx = INDEXES.get(s.objects)
  if (!idx) return
  if (!inPlace) idx.objects.delete(kind)
  if (!isNew) return
  const keys = keysOfKind(idx, kind)
  keys.delete(key) // a key deleted behind our back and not yet noticed: now it goes last
  keys.add(key)
  idx.sorted.delete(kind)
}

/** removeObject's bookkeeping. */
export function noteRemoval(s: ClusterState, kind: string, key: string): void {
  countRemoval(s, kind)
  const idx = INDEXES.get(s.objects)
  if (!idx) return
  idx.objects.delete(kind)
  idx.byKind.get(kind)?.delete(key)
  idx.sorted.delete(kind)
}
