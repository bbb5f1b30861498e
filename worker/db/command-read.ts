// The first read of a command, in one statement (one database round trip, which on D1 is most of
// a request's time): the session behind the cookie, the caller's cluster, and, for an authored lab,
// the lab source this user plays. The Kubernetes API's twin reads the token and its cluster.
import { and, eq, getTableColumns, gt, sql } from 'drizzle-orm'
import type { Buffer } from 'node:buffer'
import type { Database } from './client'
import type { ClusterRow } from './clusters'
import { clusters, kubeTokens } from './schema'
import type { KubeTokenRow } from './kube-tokens'

/**
 * A cluster row as a command reads it: without its document (`state` and `stateDelta` null) when
 * the reader said it holds that version (this isolate's document cache, db/document-cache.ts).
 */
export type CommandRow = Omit<ClusterRow, 'state'> & { state: ClusterRow['state'] | null }

export interface SessionCluster {
  userId: string
  /** undefined: no such cluster, or another user's */
  cluster?: CommandRow
  /** an authored lab's source as this user plays it (the author: the draft); null otherwise */
  labSource: string | null
}

const CLUSTER_KEYS = Object.keys(getTableColumns(clusters))

/** The cluster row's columns but its document's, under their ClusterRow names (`c`: clusters). */
const PLAIN_COLUMNS = sql.raw(
  Object.entries(getTableColumns(clusters))
    .filter(([key]) => key !== 'state' && key !== 'stateDelta')
    .map(([key, col]) => `c."${col.name}" AS "${key}"`)
    .join(', '),
)

/**
 * All of a cluster row's columns; the document's only when the row's version is not `held`, the
 * version the caller's isolate holds (db/document-cache.ts): ~14 KB not read again.
 */
function clusterColumns(held: number | undefined) {
  const v = held ?? -1
  return sql`${PLAIN_COLUMNS},
    CASE WHEN c.version = ${v} THEN NULL ELSE c.state END AS "state",
    CASE WHEN c.version = ${v} THEN NULL ELSE c.state_delta END AS "stateDelta"`
}

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
  held?: number,
): Promise<SessionCluster | undefined> {
  const [row] = await db.all<Record<string, unknown>>(sql`
    SELECT s.user_id AS "sessionUserId", ${clusterColumns(held)},
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
function clusterOf(row: Record<string, unknown>): CommandRow {
  const out: Record<string, unknown> = {}
  for (const key of CLUSTER_KEYS) out[key] = row[key]
  out.state = row.state === null ? null : clusters.state.mapFromDriverValue(row.state as Buffer)
  return out as unknown as CommandRow
}

/**
 * The live kubeconfig token and, with `withCluster`, in the same statement the cluster it opens
 * (only if the token is for `clusterId`: a token of another cluster never reads that cluster).
 */
export async function findTokenCluster(
  db: Database,
  tokenHash: string,
  now: number,
  want: { clusterId: string; withCluster: boolean; held?: number },
): Promise<
  { token: Pick<KubeTokenRow, 'clusterId' | 'userId'>; cluster?: CommandRow } | undefined
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
    SELECT t.cluster_id AS "tokenClusterId", t.user_id AS "tokenUserId", ${clusterColumns(want.held)}
    FROM kube_tokens t
    LEFT JOIN clusters c ON c.id = t.cluster_id AND c.user_id = t.user_id
      AND t.cluster_id = ${want.clusterId}
    WHERE t.token_hash = ${tokenHash} AND t.expires_at > ${now}`)
  if (!row) return undefined
  const token = { clusterId: row.tokenClusterId as string, userId: row.tokenUserId as string }
  return { token, cluster: row.id === null ? undefined : clusterOf(row) }
}
