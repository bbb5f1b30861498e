// A command's one write batch (clusters.ts storeRun) as SQL text: the cluster UPDATE and the
// history INSERT ... SELECT. drizzle's builders made both anew on every command (the SET list's
// column mapping, the chunks of each fragment walked into text): ~0.15-0.25 ms of CPU per command
// on Node, as much as SQLite's own work on the batch. The texts only depend on which columns a
// command writes, so the six shapes are made once, from the schema's column names, and a command
// only lines up its arguments.
import type { SqlStatement, SqlValue } from './client'
import type { HistoryRow } from './clusters'
import type { DocumentWrite } from './state-codec'
import { clusters, commandHistory } from './schema'
import { getTableColumns } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

/** history rows keep at most this much of each stream */
const STORED_OUTPUT_MAX = 16 * 1024

/** A command's output as its history row keeps it. */
export const clipOutput = (t: string) =>
  t.length <= STORED_OUTPUT_MAX ? t : `${t.slice(0, STORED_OUTPUT_MAX)}\n[... output truncated ...]`


export interface RunWrite {
  clusterId: string
  expectedVersion: number
  /** the document's columns to write; undefined keeps the stored ones (nothing changed in it) */
  document?: DocumentWrite
  progress: string
  now: number
  timeSpentDelta: number
  history: Omit<HistoryRow, 'clusterId' | 'seq'>
  /** the `api_traces` column's new value (an exec through the Kubernetes API); undefined keeps it */
  apiTraces?: string
}

const name = (c: SQLiteColumn) => `"${c.name}"`

/** The UPDATE that writes `written` (then version and progress) if the row is still as read. */
function updateText(written: SQLiteColumn[]): string {
  const { commands, timeSpentSeconds: spent, lastActivityAt, updatedAt, id, version } = clusters
  const set = [...written, version, clusters.progress].map((c) => `${name(c)} = ?`)
  set.push(`${name(commands)} = ${name(commands)} + 1`, `${name(spent)} = ${name(spent)} + ?`)
  set.push(`${name(lastActivityAt)} = ?`, `${name(updatedAt)} = ?`)
  return `UPDATE "clusters" SET ${set.join(', ')} WHERE ${name(id)} = ? AND ${name(version)} = ?`
}

/** the document's columns a command writes: none, a delta, or a new base (and no delta) */
const DOCUMENT_COLUMNS = [[], [clusters.stateDelta], [clusters.state, clusters.stateDelta]]
/** UPDATE texts by shape: the document's columns' index, plus 3 when the API traces are written */
const UPDATES = [false, true].flatMap((traces) =>
  DOCUMENT_COLUMNS.map((cols) => updateText(traces ? [...cols, clusters.apiTraces] : cols)),
)

/** the history row's columns in the table's order */
const HISTORY_KEYS = Object.keys(getTableColumns(commandHistory)) as (keyof HistoryRow)[]
/** the history row, only if the UPDATE just before it changed a row (the race was won) */
const INSERT_HISTORY = `INSERT INTO "command_history" (${Object.values(
  getTableColumns(commandHistory),
)
  .map(name)
  .join(', ')}) SELECT ${HISTORY_KEYS.map(() => '?').join(', ')} WHERE changes() = 1`

/** The cluster UPDATE and the history INSERT of a command's outcome, in that order. */
export function storeRunStatements(w: RunWrite): [SqlStatement, SqlStatement] {
  const seq = w.expectedVersion + 1
  const doc = w.document
  const args: SqlValue[] = []
  let shape = 0
  if (doc && 'state' in doc) {
    args.push(doc.state, doc.stateDelta)
    shape = 2
  } else if (doc) {
    args.push(doc.stateDelta)
    shape = 1
  }
  if (w.apiTraces !== undefined) {
    args.push(w.apiTraces)
    shape += 3
  }
  args.push(seq, w.progress, w.timeSpentDelta, w.now, w.now, w.clusterId, w.expectedVersion)
  const h = w.history
  const row: HistoryRow = {
    ...h,
    clusterId: w.clusterId,
    seq,
    stdout: clipOutput(h.stdout),
    stderr: clipOutput(h.stderr),
  }
  return [
    { sql: UPDATES[shape]!, args },
    { sql: INSERT_HISTORY, args: HISTORY_KEYS.map((k) => row[k]) },
  ]
}
