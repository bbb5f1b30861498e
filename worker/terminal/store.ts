// Writes a terminal makes besides its lines: a resize, a stream's recorded step. One conditional
// update of the cluster row (no history row): it only lands if nobody wrote the row meanwhile.
import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/client'
import { affectedRows } from '../db/client'
import { clusters, commandHistory } from '../db/schema'

export async function updateClusterState(
  db: Database,
  w: { clusterId: string; expectedVersion: number; state: Buffer; progress?: string; now: number },
): Promise<boolean> {
  const r = await db
    .update(clusters)
    .set({
      state: w.state,
      version: w.expectedVersion + 1,
      ...(w.progress !== undefined ? { progress: w.progress } : {}),
      updatedAt: w.now,
    })
    .where(and(eq(clusters.id, w.clusterId), eq(clusters.version, w.expectedVersion)))
  return affectedRows(r) === 1
}

/** The cluster's version only: what a running stream polls (one row, no document). */
export async function clusterVersion(
  db: Database,
  clusterId: string,
  userId: string,
): Promise<number | undefined> {
  const row = await db
    .select({ version: clusters.version })
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), eq(clusters.userId, userId)))
    .get()
  return row?.version
}

export interface FinishWrite {
  clusterId: string
  expectedVersion: number
  state: Buffer
  progress: string
  now: number
  /** the line's history row, written when the stream started */
  seq: number
  exitCode: number
  stdout: string
  stderr: string
  tasksCompleted: string
  causes: string
}

const KEPT = 16 * 1024
const clip = (t: string) =>
  t.length <= KEPT ? t : `${t.slice(0, KEPT)}\n[... output truncated ...]`

/** A streamed line's end, in one batch: the cluster (if unchanged since read) and its history row. */
export async function finishHistory(db: Database, w: FinishWrite): Promise<boolean> {
  const [updated] = await db.batch([
    db
      .update(clusters)
      .set({
        state: w.state,
        version: w.expectedVersion + 1,
        progress: w.progress,
        updatedAt: w.now,
      })
      .where(and(eq(clusters.id, w.clusterId), eq(clusters.version, w.expectedVersion))),
    db
      .update(commandHistory)
      .set({
        exitCode: w.exitCode,
        stdout: clip(w.stdout),
        stderr: clip(w.stderr),
        tasksCompleted: w.tasksCompleted,
        causes: w.causes,
      })
      .where(and(eq(commandHistory.clusterId, w.clusterId), eq(commandHistory.seq, w.seq))),
  ])
  return affectedRows(updated) === 1
}
