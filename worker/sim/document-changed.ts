// Whether a command left the cluster document JSON-identical, known without serialising it: the
// platform then skips re-encoding and rewriting the row (issue 11).
//
// Design: a document changes in three ways, each caught by something cheap.
// - its small parts (rv, rng, every runtime record and memory except container logs): a
//   fingerprint, their JSON, taken before and after. It needs no help from writers, so a write
//   path added later to any of them is caught as it is; together they are a few KB;
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
  /** the JSON of everything but the objects and container logs */
  small: string
  writes: number
  marks: number
  /** the document's JSON, only in check mode */
  json?: string
}

export function probeDocument(s: ClusterState): ChangeProbe {
  const probe: ChangeProbe = { small: smallParts(s), writes: writeStamp(), marks }
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
    writeStamp() !== probe.writes || marks !== probe.marks || smallParts(s) !== probe.small
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

/** The JSON of every part of the document but its objects and its containers' logs, in order. */
function smallParts(s: ClusterState): string {
  let out = ''
  const top = s as unknown as Record<string, unknown>
  for (const k in top)
    if (k !== 'objects' && k !== 'runtime') out += `${k}:${JSON.stringify(top[k])},`
  const runtime = s.runtime as unknown as Record<string, unknown>
  for (const k in runtime) if (k !== 'containers') out += `${k}:${JSON.stringify(runtime[k])},`
  for (const key in s.runtime.containers) {
    const c = s.runtime.containers[key] as unknown as Record<string, unknown>
    out += `${key}{`
    for (const f in c) if (f !== 'logs') out += `${f}:${JSON.stringify(c[f])},`
    out += '}'
  }
  return out
}

/** serializeDocument checked against JSON.stringify, its error naming the command. */
function verifiedJSON(s: ClusterState, what: string): string {
  try {
    return serializeDocument(s, true)
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)} (${what})`)
  }
}
