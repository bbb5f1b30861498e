import type { BaseWrite, DocumentWrite } from './state-codec'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from './client'
import { affectedRows, batchSql } from './client'
import { storeRunStatements, type RunWrite } from './store-run-sql'
import { clusters, commandHistory } from './schema'

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

/**
 * Stores a command's outcome: the cluster row only if nobody wrote it since it was read
 * (`version = ?`), and its history row only if that update happened, in one batch (one transaction).
 * Answers false when the race was lost. The two statements are SQL text kept per shape
 * (store-run-sql.ts), not built by drizzle's query builders on every command.
 */
export async function storeRun(db: Database, w: RunWrite): Promise<boolean> {
  const [updated] = await batchSql(db, storeRunStatements(w))
  return affectedRows(updated) === 1
}

/**
 * One conditional update of the cluster row and no history row: a terminal's resize, a stream's
 * recorded step, a document the controllers moved on by themselves (a read through the Kubernetes
 * API settled it at a later time). It lands only if nobody wrote the row since it was read;
 * answers false when the race was lost.
 */
export async function updateClusterState(
  db: Database,
  w: {
    clusterId: string
    expectedVersion: number
    document?: DocumentWrite
    progress?: string
    now: number
  },
): Promise<boolean> {
  const r = await db
    .update(clusters)
    .set({
      ...w.document,
      version: w.expectedVersion + 1,
      ...(w.progress !== undefined ? { progress: w.progress } : {}),
      updatedAt: w.now,
    })
    .where(and(eq(clusters.id, w.clusterId), eq(clusters.version, w.expectedVersion)))
  return affectedRows(r) === 1
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
