// Kubeconfig tokens: one live token per cluster, stored as its SHA-256 only.
import { and, eq } from 'drizzle-orm'
import type { Database } from './client'
import { kubeTokens } from './schema'

export type KubeTokenRow = typeof kubeTokens.$inferSelect

/** Replaces the cluster's token (revoking the old one) in one batch. */
export async function replaceKubeToken(db: Database, row: KubeTokenRow): Promise<void> {
  await db.batch([
    db.delete(kubeTokens).where(eq(kubeTokens.clusterId, row.clusterId)),
    db.insert(kubeTokens).values(row),
  ])
}

/** Revokes every token of the cluster. */
export async function revokeKubeTokens(db: Database, clusterId: string, userId: string) {
  await db
    .delete(kubeTokens)
    .where(and(eq(kubeTokens.clusterId, clusterId), eq(kubeTokens.userId, userId)))
}

/**
 * Revokes every token of the user's clusters (their account was recovered with a reset code): the
 * statement, run when awaited or in the reset's batch.
 */
export function revokeUserKubeTokens(db: Database, userId: string) {
  return db.delete(kubeTokens).where(eq(kubeTokens.userId, userId))
}
