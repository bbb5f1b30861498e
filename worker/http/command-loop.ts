// The one loop every learner's line goes through (one-shot `run`, terminal tabs, streams' first
// step, the Kubernetes API's exec): read the cluster, simulate and grade, then one batch (the
// cluster row if nobody wrote it since, and its history row). The document comes from this
// isolate's cache when it holds the version read; a document the line did not change is neither
// re-encoded nor rewritten (progress and history still are). A lost race runs the line again on
// the fresh row.
import { withApiTraces } from '../db/api-traces'
import type { Database } from '../db/client'
import { findCluster, storeRun, type HistoryRow } from '../db/clusters'
import type { CommandRow } from '../db/command-read'
import { utf8Length, type RowFit } from '../db/delta-room'
import type { DocumentWrite, LoadedState, StateCodec, StoredForm } from '../db/state-codec'
import type { Progress } from '../labs/grade'
import type { Lab } from '../labs/types'
import type { TraceEntry } from '../sim/net/types'
import type { ClusterState } from '../sim/state'
import { AppError, notFound } from './errors'
import { keepProgress, progressJSON } from './kept-progress'
import { labOfCluster } from './lab-access'

const MAX_ATTEMPTS = 40
/** a gap longer than this between commands is a break, not time spent */
const ACTIVE_GAP_MS = 10 * 60_000

/** A cluster row and the lab it runs, as read for a command (maybe without its document). */
export interface LoadedCluster {
  row: CommandRow
  lab: Lab
}

/** Reads the caller's cluster and its lab, or 404. */
export async function loadCluster(
  db: Database,
  clusterId: string,
  userId: string,
): Promise<LoadedCluster> {
  const row = await findCluster(db, clusterId, userId)
  if (!row) throw notFound('That cluster')
  const lab = await labOfCluster(db, row.labId, userId)
  if (!lab) throw notFound('That lab')
  return { row, lab }
}

/** What a simulated line stores and answers. */
export interface SimulatedCommand<T> {
  /** the document after the line (the one loaded, changed in place or replaced) */
  state: ClusterState
  /** false: the document is guaranteed unchanged, so nothing needs serialising to tell */
  documentChanged?: boolean
  /** the document stays in use after the line (a stream goes on): the cache keeps its JSON only */
  stillInUse?: boolean
  /** a core bug: the document may be half-changed, the stored one is kept */
  internalError?: unknown
  progress: Progress
  /** the line's request traces (kept for the lab page's map when the line came through the API) */
  trace: readonly TraceEntry[]
  history: Omit<HistoryRow, 'clusterId' | 'seq' | 'at'>
  /** the answer, built only once the batch landed, given what is now stored */
  answer(stored: StoredForm): T
}

export interface CommandRef {
  db: Database
  codec: StateCodec
  userId: string
  clusterId: string
  clock: () => number
  /**
   * a line typed through the Kubernetes API (the learner's own kubectl): its traces are kept with
   * the cluster row, in the same batch, for the lab page's map (db/api-traces.ts)
   */
  viaApi?: boolean
}

/** Runs `simulate` on the cluster as read (first: a row the caller has just read) and stores it. */
export async function commandLoop<T>(
  ref: CommandRef,
  first: LoadedCluster | undefined,
  simulate: (loaded: LoadedCluster, state: ClusterState, now: number) => SimulatedCommand<T>,
): Promise<T> {
  const { db, codec, clusterId } = ref
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = attempt === 0 && first ? first : await loadCluster(db, clusterId, ref.userId)
    const [loaded, doc] = await loadDocument(ref, read)
    const { row } = loaded
    const now = ref.clock()
    const s = simulate(loaded, doc.state, now)
    if (s.internalError)
      console.error('simulator error', { command: s.history.command, error: s.internalError })
    const progress = progressJSON(s.progress)
    const apiTraces =
      ref.viaApi && !s.internalError
        ? withApiTraces(row.apiTraces, s.trace, loaded.lab.hideDiagnoses)
        : undefined
    const encoded = s.internalError
      ? undefined
      : await encodeDocument(ref.codec, s, doc.stored, rowFit(row, progress, apiTraces))
    const gap = row.lastActivityAt === null ? 0 : now - row.lastActivityAt
    const stored = await storeRun(db, {
      clusterId,
      expectedVersion: row.version,
      // a line that changed nothing in the document (a get, a describe) rewrites only progress;
      // one that changed a few objects writes a small delta
      document: encoded?.write,
      progress,
      now,
      timeSpentDelta: gap > 0 && gap < ACTIVE_GAP_MS ? Math.round(gap / 1000) : 0,
      apiTraces,
      history: { ...s.history, at: now },
    })
    if (stored) {
      // this isolate keeps the document as now stored: the next line skips the gunzip and parse
      const key = { clusterId, version: row.version + 1 }
      if (encoded) codec.remember(key, encoded.stored, s.stillInUse ? undefined : s.state)
      keepProgress(clusterId, progress, s.progress)
      return s.answer(encoded?.stored ?? doc.stored)
    }
    // back off a little, at random, so racing tabs do not collide again in lockstep
    await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)))
  }
  throw new AppError(409, 'conflict', 'The cluster is busy with other commands; please try again.')
}

/** What to write of the document after a line (nothing, a delta, a new base). */
function encodeDocument(
  codec: StateCodec,
  s: SimulatedCommand<unknown>,
  before: StoredForm,
  fit: RowFit,
):
  | Promise<{ stored: StoredForm; write?: DocumentWrite }>
  | { stored: StoredForm; write?: DocumentWrite } {
  return s.documentChanged === false
    ? codec.keepDocument(before, fit)
    : codec.encodeChanged(s.state, before, fit)
}

/**
 * How the row's other text written with the document changes length (progress; the API traces
 * when written): the delta's padding makes up for it, so the row keeps its size (delta-room.ts).
 */
function rowFit(row: CommandRow, progress: string, apiTraces: string | undefined): RowFit {
  const traces = apiTraces === undefined ? 0 : utf8Length(apiTraces) - utf8Length(row.apiTraces)
  return { was: utf8Length(row.progress), now: utf8Length(progress) + traces }
}

/**
 * The document of a cluster as read: from this isolate's copy, or the row's columns. A row read
 * without its document (this isolate held that version when it asked) whose copy is gone since
 * (another request took it, or it was evicted) is read again whole.
 */
async function loadDocument(
  ref: CommandRef,
  read: LoadedCluster,
): Promise<[LoadedCluster, LoadedState]> {
  const key = (row: CommandRow) => ({ clusterId: ref.clusterId, version: row.version })
  const doc = await ref.codec.load(read.row, key(read.row))
  if (doc) return [read, doc]
  const again = await loadCluster(ref.db, ref.clusterId, ref.userId)
  return [again, (await ref.codec.load(again.row, key(again.row)))!]
}
