// The first read of a command, in one statement (one database round trip, which on D1 is most of
// a request's time): the session behind the cookie, the caller's cluster, and, for an authored lab,
// the lab source this user plays. The Kubernetes API's twin reads the token and its cluster.
import { and, eq, gt } from 'drizzle-orm'
import type { Buffer } from 'node:buffer'
import { querySql, type Database } from './client'
import type { ClusterRow } from './clusters'
import { clusters, kubeTokens } from './schema'
import type { KubeTokenRow } from './kube-tokens'

/** the cluster columns a command uses besides its document (not its counters and timestamps) */
const COMMAND_KEYS = [
  'id',
  'userId',
  'labId',
  'version',
  'progress',
  'lastActivityAt',
  'apiTraces',
] as const satisfies (keyof ClusterRow)[]

/**
 * A cluster row as a command reads it: without its document (`state` and `stateDelta` null) when
 * the reader said it holds that version (this isolate's document cache, db/document-cache.ts).
 */
export type CommandRow = Pick<ClusterRow, (typeof COMMAND_KEYS)[number] | 'stateDelta'> & {
  state: ClusterRow['state'] | null
}

export interface SessionCluster {
  userId: string
  /** undefined: no such cluster, or another user's */
  cluster?: CommandRow
  /** an authored lab's source as this user plays it (the author: the draft); null otherwise */
  labSource: string | null
}

/**
 * The cluster row's columns under their CommandRow names (`c`: clusters); the document's only
 * when the row's version is not the one the reader holds (its two arguments, -1 for none): ~14 KB
 * not read again.
 */
const CLUSTER_COLUMNS = `${COMMAND_KEYS.map((k) => `c."${clusters[k].name}" AS "${k}"`).join(', ')},
    CASE WHEN c.version = ? THEN NULL ELSE c.state END AS "state",
    CASE WHEN c.version = ? THEN NULL ELSE c.state_delta END AS "stateDelta"`

/**
 * The live session's user and, in the same statement, their cluster `clusterId` (left-joined: a
 * missing cluster still tells the session apart from a missing one). Undefined: no live session.
 * SQL text made once, not with the query builder: this runs on every command, and building the
 * select and mapping its row cost more CPU than executing it.
 */
export async function findSessionCluster(
  db: Database,
  tokenHash: string,
  now: number,
  clusterId: string,
  held?: number,
): Promise<SessionCluster | undefined> {
  const v = held ?? -1
  const [row] = await querySql(db, {
    sql: SESSION_CLUSTER,
    args: [v, v, clusterId, tokenHash, now],
  })
  if (!row) return undefined
  return {
    userId: row.sessionUserId as string,
    cluster: row.id === null ? undefined : clusterOf(row),
    labSource: (row.labSource as string | null) ?? null,
  }
}

const SESSION_CLUSTER = `
    SELECT s.user_id AS "sessionUserId", ${CLUSTER_COLUMNS},
      CASE WHEN a.owner_id = s.user_id THEN a.source ELSE a.published_source END AS "labSource"
    FROM sessions s
    LEFT JOIN clusters c ON c.id = ? AND c.user_id = s.user_id
    LEFT JOIN authored_labs a ON a.id = c.lab_id
    WHERE s.token_hash = ? AND s.expires_at > ?`

/** The row as drizzle would map it: the state BLOB through its column (bytes, or legacy text). */
function clusterOf(row: Record<string, unknown>): CommandRow {
  return {
    id: row.id as string,
    userId: row.userId as string,
    labId: row.labId as string,
    version: row.version as number,
    progress: row.progress as string,
    lastActivityAt: row.lastActivityAt as number | null,
    apiTraces: row.apiTraces as string | null,
    state:
      row.state === null
        ? null
        : (clusters.state.mapFromDriverValue(row.state as Buffer) as Buffer),
    stateDelta: row.stateDelta as string | null,
  }
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
  const v = want.held ?? -1
  const [row] = await querySql(db, {
    sql: TOKEN_CLUSTER,
    args: [v, v, want.clusterId, tokenHash, now],
  })
  if (!row) return undefined
  const token = { clusterId: row.tokenClusterId as string, userId: row.tokenUserId as string }
  return { token, cluster: row.id === null ? undefined : clusterOf(row) }
}

const TOKEN_CLUSTER = `
    SELECT t.cluster_id AS "tokenClusterId", t.user_id AS "tokenUserId", ${CLUSTER_COLUMNS}
    FROM kube_tokens t
    LEFT JOIN clusters c ON c.id = t.cluster_id AND c.user_id = t.user_id
      AND t.cluster_id = ?
    WHERE t.token_hash = ? AND t.expires_at > ?`
