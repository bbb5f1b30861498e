// How many writes a cluster document has had, in all and per kind: settle() and the controllers'
// memos compare two readings to skip work already done. Counted by object-index.ts's noteWrite,
// noteRemoval and forgetIndex (putObject/removeObject's bookkeeping), the only writers.

import type { ClusterState } from './state'

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

/** The kind of a write whose kind is unknown (forgetIndex): it counts as every kind's. */
export const ANY = '*'

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

/** Counts one write of `kind` to `s`. */
export function countWrite(s: ClusterState, kind: string): DocumentWrites {
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

/** Counts one removal of an object of `kind` from `s` (a write too). */
export function countRemoval(s: ClusterState, kind: string): void {
  const w = countWrite(s, kind)
  w.removals.set(kind, (w.removals.get(kind) ?? 0) + 1)
}

/** A number that grows with every putObject/removeObject; equal readings mean nothing was written. */
export function writeStamp(): number {
  return writes
}
