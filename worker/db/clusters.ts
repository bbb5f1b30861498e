import type { BaseWrite, DocumentWrite } from './state-codec'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from './client'
import { affectedRows } from './client'
import { clusters, commandHistory } from './schema'

/** history rows keep at most this much of each stream */
const STORED_OUTPUT_MAX = 16 * 1024

/** A command's output as its history row keeps it. */
export const clipOutput = (t: string) =>
  t.length <= STORED_OUTPUT_MAX ? t : `${t.slice(0, STORED_OUTPUT_MAX)}\n[... output truncated ...]`

export type ClusterRow = typeof clusters.$inferSelect
export type HistoryRow = typeof commandHistory.$inferSelect

/** The caller's cluster: another user's id reads as missing. */
export async function findCluster(
  db: Database,
  id: string,
  userId: string,
): Promise<ClusterRow | undefined> {
  return db
    .select()
    .from(clusters)
    .where(and(eq(clusters.id, id), eq(clusters.userId, userId)))
    .get()
}

export async function findClusterForLab(db: Database, userId: string, labId: string) {
  return db
    .select()
    .from(clusters)
    .where(and(eq(clusters.userId, userId), eq(clusters.labId, labId)))
    .get()
}

export async function listClustersOfUser(db: Database, userId: string) {
  return db
    .select({ labId: clusters.labId, progress: clusters.progress })
    .from(clusters)
    .where(eq(clusters.userId, userId))
    .all()
}

/** Creates the cluster unless the user already has one for the lab (then nothing happens). */
export async function insertCluster(
  db: Database,
  row: typeof clusters.$inferInsert,
): Promise<void> {
  await db.insert(clusters).values(row).onConflictDoNothing()
}

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

/**
 * Stores a command's outcome: the cluster row only if nobody wrote it since it was read
 * (`version = ?`), and its history row only if that update happened, in one batch (one transaction).
 * Answers false when the race was lost.
 */
export async function storeRun(db: Database, w: RunWrite): Promise<boolean> {
  const seq = w.expectedVersion + 1
  const h = w.history
  const [updated] = await db.batch([
    db
      .update(clusters)
      .set({
        ...w.document,
        ...(w.apiTraces === undefined ? {} : { apiTraces: w.apiTraces }),
        version: seq,
        progress: w.progress,
        commands: sql`${clusters.commands} + 1`,
        timeSpentSeconds: sql`${clusters.timeSpentSeconds} + ${w.timeSpentDelta}`,
        lastActivityAt: w.now,
        updatedAt: w.now,
      })
      .where(and(eq(clusters.id, w.clusterId), eq(clusters.version, w.expectedVersion))),
    // columns in the table's order: drizzle's INSERT ... SELECT lists them all
    db.insert(commandHistory).select(
      sql`SELECT ${w.clusterId}, ${seq}, ${h.at}, ${h.command}, ${h.stdin}, ${h.exitCode}, ${clipOutput(h.stdout)},
          ${clipOutput(h.stderr)}, ${h.tasksCompleted}, ${h.causes} WHERE changes() = 1`,
    ),
  ])
  return affectedRows(updated) === 1
}

/** Back to a starting state; progress and history stay. */
export async function resetCluster(
  db: Database,
  id: string,
  userId: string,
  document: BaseWrite,
  now: number,
) {
  await db
    .update(clusters)
    .set({ ...document, version: sql`${clusters.version} + 1`, updatedAt: now })
    .where(and(eq(clusters.id, id), eq(clusters.userId, userId)))
}

/** The newest `limit` commands of a cluster, oldest first. */
export async function listHistory(
  db: Database,
  clusterId: string,
  limit = 500,
): Promise<HistoryRow[]> {
  const rows = await db
    .select()
    .from(commandHistory)
    .where(eq(commandHistory.clusterId, clusterId))
    .orderBy(desc(commandHistory.seq))
    .limit(limit)
    .all()
  return rows.reverse()
}
