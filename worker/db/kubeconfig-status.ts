// The lab page's kubeconfig status poll (every few seconds while a token is live) in one
// statement: only the columns it answers with, never the cluster's state document, and the live
// token's expiry as a subquery by the token table's cluster index.
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from './client'
import { clusters, kubeTokens } from './schema'

export interface KubeconfigStatusRow {
  version: number
  progress: string
  apiTraces: string | null
  /** the live token's expiry; null: no live token */
  expiresAt: number | null
}

/** The caller's cluster's status columns (another user's cluster reads as missing). */
export async function findKubeconfigStatus(
  db: Database,
  clusterId: string,
  userId: string,
  now: number,
): Promise<KubeconfigStatusRow | undefined> {
  const t = kubeTokens
  return db
    .select({
      version: clusters.version,
      progress: clusters.progress,
      apiTraces: clusters.apiTraces,
      expiresAt: sql<number | null>`(SELECT ${t.expiresAt} FROM ${t}
        WHERE ${t.clusterId} = ${clusters.id} AND ${t.expiresAt} > ${now} LIMIT 1)`.mapWith(
        t.expiresAt,
      ),
    })
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), eq(clusters.userId, userId)))
    .get()
}
