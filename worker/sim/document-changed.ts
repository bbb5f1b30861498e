// Whether a command left the cluster document JSON-identical, known without serialising it: the
// platform then skips re-encoding and rewriting the row (issue 11).
//
// Design: a document changes in three ways, each caught by something cheap.
// - its small parts (rv, rng, every runtime record and memory except container logs): a deep copy
//   taken before, compared value by value (keys in order) after. It needs no help from writers,
//   so a write path added later to any of them is caught as it is; together they are a few KB;
// - its objects (most of its size): putObject/removeObject count every write (object-index.ts
//   writeStamp), as every change to an object must bump its resourceVersion anyway;
// - container logs (the one large runtime part) and an object edited in place without putObject
//   (settle giving a hand-built object its empty status): the writer calls markChanged().
// The last two rely on writers. The net under them is check mode (checkDocumentChanged), which
// every Node test turns on (test/setup-document-check.ts): then each run()/runInTerminal()
// serialises the whole document before and after, and a result that says "unchanged" while the
// JSON differs throws, naming the line. So any write path a test exercises that bypasses
// putObject or forgets to mark fails that test; a property test over random command sequences
// (test/sim/document-changed.test.ts) covers paths no single test names.
// The counters are per process, not per document: a write anywhere counts as a change here, which
// can only err towards "changed" (one more write), never towards a lost one. run() is synchronous,
// so nothing else runs between the readings.

import type { ClusterState } from './state'
import { cloneJSON } from './clone-json'
import { writeStamp } from './object-index'
import { serializeDocument } from './serialize'

let marks = 0
let checking = false

/** Notes an in-place write to a cluster document (anything not done through putObject/removeObject). */
export function markChanged(): void {
  marks += 1
}

/** The readings taken before a command, to compare with after it. */
export interface ChangeProbe {
  /** a copy of everything but the objects and container logs (smallParts) */
  small: unknown[]
  writes: number
  marks: number
  /** the document's JSON, only in check mode */
  json?: string
}

export function probeDocument(s: ClusterState): ChangeProbe {
  const probe: ChangeProbe = { small: cloneJSON(smallParts(s)), writes: writeStamp(), marks }
  // check mode also checks serializeDocument's kept object JSON, before and after each command
  if (checking) probe.json = serializeDocument(s, true)
  return probe
}

/**
 * Whether `s` may differ from what it was when `probe` was taken; false means JSON-identical.
 * In check mode a false answer is verified against the JSON and a wrong one throws.
 */
export function documentChangedSince(s: ClusterState, probe: ChangeProbe, what = ''): boolean {
  const changed =
    writeStamp() !== probe.writes ||
    marks !== probe.marks ||
    !sameValues(probe.small, smallParts(s))
  const after = probe.json === undefined ? undefined : verifiedJSON(s, what)
  if (!changed && after !== undefined && after !== probe.json)
    throw new Error(
      `documentChanged: a write was not marked (${what}); see sim/document-changed.ts`,
    )
  return changed
}

/** Turns check mode on or off (tests; it serialises every document twice per command). */
export function checkDocumentChanged(on: boolean): void {
  checking = on
}

/** Whether check mode is on (serialize.ts checks itself against JSON.stringify then). */
export function checkingDocuments(): boolean {
  return checking
}

/**
 * Every part of the document but its objects and its containers' logs, in order, as a list of
 * keys and values (the values themselves, not copies): about 2x cheaper to copy and compare than
 * to serialise twice, as JSON.stringify spends most of its time here writing numbers (timestamps).
 */
function smallParts(s: ClusterState): unknown[] {
  const out: unknown[] = []
  const top = s as unknown as Record<string, unknown>
  for (const k in top) if (k !== 'objects' && k !== 'runtime') out.push(k, top[k])
  const runtime = s.runtime as unknown as Record<string, unknown>
  for (const k in runtime) if (k !== 'containers') out.push(k, runtime[k])
  for (const key in s.runtime.containers) {
    const c = s.runtime.containers[key] as unknown as Record<string, unknown>
    out.push(key)
    for (const f in c) if (f !== 'logs') out.push(f, c[f])
    out.push(null)
  }
  return out
}

/**
 * Whether two JSON values are the same: equal primitives, arrays of the same values, objects
 * with the same keys in the same order. Stricter than their JSON being equal (a key holding
 * undefined counts, NaN differs from itself), which can only err towards "changed".
 */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameValues(a[i], b[i])) return false
    return true
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string
    if (k !== kb[i] || !sameValues(ra[k], rb[k])) return false
  }
  return true
}

/** serializeDocument checked against JSON.stringify, its error naming the command. */
function verifiedJSON(s: ClusterState, what: string): string {
  try {
    return serializeDocument(s, true)
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)} (${what})`)
  }
}
