// The first read of a command, in one statement (one database round trip, which on D1 is most of
// a request's time): the session behind the cookie, the caller's cluster, and, for an authored lab,
// the lab source this user plays. The Kubernetes API's twin reads the token and its cluster.
import { and, eq, getTableColumns, gt, sql } from 'drizzle-orm'
import type { Buffer } from 'node:buffer'
import type { Database } from './client'
import type { ClusterRow } from './clusters'
import { clusters, kubeTokens } from './schema'
import type { KubeTokenRow } from './kube-tokens'

export interface SessionCluster {
  userId: string
  /** undefined: no such cluster, or another user's */
  cluster?: ClusterRow
  /** an authored lab's source as this user plays it (the author: the draft); null otherwise */
  labSource: string | null
}

const CLUSTER_KEYS = Object.keys(getTableColumns(clusters))

/** A cluster row's columns under their ClusterRow names (`c` is the clusters table). */
const CLUSTER_COLUMNS = sql.raw(
  Object.entries(getTableColumns(clusters))
    .map(([key, col]) => `c."${col.name}" AS "${key}"`)
    .join(', '),
)

/**
 * The live session's user and, in the same statement, their cluster `clusterId` (left-joined: a
 * missing cluster still tells the session apart from a missing one). Undefined: no live session.
 * Written as SQL text, not with the query builder: this runs on every command, and building the
 * 13-column select cost more CPU than executing it.
 */
export async function findSessionCluster(
  db: Database,
  tokenHash: string,
  now: number,
  clusterId: string,
): Promise<SessionCluster | undefined> {
  const [row] = await db.all<Record<string, unknown>>(sql`
    SELECT s.user_id AS "sessionUserId", ${CLUSTER_COLUMNS},
      CASE WHEN a.owner_id = s.user_id THEN a.source ELSE a.published_source END AS "labSource"
    FROM sessions s
    LEFT JOIN clusters c ON c.id = ${clusterId} AND c.user_id = s.user_id
    LEFT JOIN authored_labs a ON a.id = c.lab_id
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now}`)
  if (!row) return undefined
  return {
    userId: row.sessionUserId as string,
    cluster: row.id === null ? undefined : clusterOf(row),
    labSource: (row.labSource as string | null) ?? null,
  }
}

/** The row as drizzle would map it: the state BLOB through its column (bytes, or legacy text). */
function clusterOf(row: Record<string, unknown>): ClusterRow {
  const out: Record<string, unknown> = {}
  for (const key of CLUSTER_KEYS) out[key] = row[key]
  out.state = clusters.state.mapFromDriverValue(row.state as Buffer)
  return out as unknown as ClusterRow
}

/**
 * The live kubeconfig token and, with `withCluster`, in the same statement the cluster it opens
 * (only if the token is for `clusterId`: a token of another cluster never reads that cluster).
 */
export async function findTokenCluster(
  db: Database,
  tokenHash: string,
  now: number,
  want: { clusterId: string; withCluster: boolean },
): Promise<
  { token: Pick<KubeTokenRow, 'clusterId' | 'userId'>; cluster?: ClusterRow } | undefined
> {
  const live = and(eq(kubeTokens.tokenHash, tokenHash), gt(kubeTokens.expiresAt, now))
  if (!want.withCluster) {
    const token = await db
      .select({ clusterId: kubeTokens.clusterId, userId: kubeTokens.userId })
      .from(kubeTokens)
      .where(live)
      .get()
    return token && { token }
  }
  const [row] = await db.all<Record<string, unknown>>(sql`
    SELECT t.cluster_id AS "tokenClusterId", t.user_id AS "tokenUserId", ${CLUSTER_COLUMNS}
    FROM kube_tokens t
    LEFT JOIN clusters c ON c.id = t.cluster_id AND c.user_id = t.user_id
      AND t.cluster_id = ${want.clusterId}
    WHERE t.token_hash = ${tokenHash} AND t.expires_at > ${now}`)
  if (!row) return undefined
  const token = { clusterId: row.tokenClusterId as string, userId: row.tokenUserId as string }
  return { token, cluster: row.id === null ? undefined : clusterOf(row) }
}
