// What a running stream reads and writes besides db/clusters.ts's updateClusterState (a resize,
// a stream's recorded step): the row's version and document as it polls, and its history row.
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/client'
import { affectedRows } from '../db/client'
import { clusters, commandHistory } from '../db/schema'
import type { DocumentWrite } from '../db/state-codec'
import { clipOutput } from '../db/store-run-sql'

type ClusterRow = typeof clusters.$inferSelect

/**
 * What a running stream polls, in one statement reading one row: the version, and the document
 * and progress only when the version is not `known` (null otherwise). Undefined: not the caller's.
 */
export async function readIfChanged(
  db: Database,
  clusterId: string,
  userId: string,
  known: number,
): Promise<
  | {
      version: number
      updatedAt: number
      state: ClusterRow['state'] | null
      stateDelta: string | null
      progress: string | null
    }
  | undefined
> {
  return db
    .select({
      version: clusters.version,
      updatedAt: clusters.updatedAt,
      state: sql<
        ClusterRow['state'] | null
      >`CASE WHEN ${clusters.version} <> ${known} THEN ${clusters.state} END`.mapWith(
        clusters.state,
      ),
      stateDelta: sql<
        string | null
      >`CASE WHEN ${clusters.version} <> ${known} THEN ${clusters.stateDelta} END`,
      progress: sql<
        string | null
      >`CASE WHEN ${clusters.version} <> ${known} THEN ${clusters.progress} END`,
    })
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), eq(clusters.userId, userId)))
    .get()
}

export interface FinishWrite {
  clusterId: string
  expectedVersion: number
  document?: DocumentWrite
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

/** A streamed line's end, in one batch: the cluster (if unchanged since read) and its history row. */
export async function finishHistory(db: Database, w: FinishWrite): Promise<boolean> {
  const [updated] = await db.batch([
    db
      .update(clusters)
      .set({
        ...w.document,
        version: w.expectedVersion + 1,
        progress: w.progress,
        updatedAt: w.now,
      })
      .where(and(eq(clusters.id, w.clusterId), eq(clusters.version, w.expectedVersion))),
    db
      .update(commandHistory)
      .set({
        exitCode: w.exitCode,
        stdout: clipOutput(w.stdout),
        stderr: clipOutput(w.stderr),
        tasksCompleted: w.tasksCompleted,
        causes: w.causes,
      })
      .where(and(eq(commandHistory.clusterId, w.clusterId), eq(commandHistory.seq, w.seq))),
  ])
  return affectedRows(updated) === 1
}
