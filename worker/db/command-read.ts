// The first read of a command, in one statement (one database round trip, which on D1 is most of
// a request's time): the session behind the cookie, the caller's cluster, and, for an authored lab,
// the lab source this user plays. The Kubernetes API's twin reads the token and its cluster.
import { and, eq, getTableColumns, gt, sql } from 'drizzle-orm'
import type { Database } from './client'
import type { ClusterRow } from './clusters'
import { authoredLabs, clusters, kubeTokens, sessions } from './schema'
import type { KubeTokenRow } from './kube-tokens'

export interface SessionCluster {
  userId: string
  /** undefined: no such cluster, or another user's */
  cluster?: ClusterRow
  /** an authored lab's source as this user plays it (the author: the draft); null otherwise */
  labSource: string | null
}

/**
 * The live session's user and, in the same statement, their cluster `clusterId` (left-joined: a
 * missing cluster still tells the session apart from a missing one). Undefined: no live session.
 */
export async function findSessionCluster(
  db: Database,
  tokenHash: string,
  now: number,
  clusterId: string,
): Promise<SessionCluster | undefined> {
  const row = await db
    .select({
      // aliased: D1's rows are objects by column name, and clusters has a user_id too
      userId: sql<string>`${sessions.userId}`.as('session_user_id'),
      cluster: getTableColumns(clusters),
      // the author plays the draft, everyone else what was last published (http/lab-access.ts)
      labSource: sql<
        string | null
      >`CASE WHEN ${authoredLabs.ownerId} = ${sessions.userId} THEN ${authoredLabs.source} ELSE ${authoredLabs.publishedSource} END`,
    })
    .from(sessions)
    .leftJoin(clusters, and(eq(clusters.id, clusterId), eq(clusters.userId, sessions.userId)))
    .leftJoin(authoredLabs, eq(authoredLabs.id, clusters.labId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .get()
  if (!row) return undefined
  return { userId: row.userId, cluster: row.cluster ?? undefined, labSource: row.labSource }
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
  const row = await db
    .select({
      token: {
        clusterId: kubeTokens.clusterId,
        // aliased: D1's rows are objects by column name, and clusters has a user_id too
        userId: sql<string>`${kubeTokens.userId}`.as('token_user_id'),
      },
      cluster: getTableColumns(clusters),
    })
    .from(kubeTokens)
    .leftJoin(
      clusters,
      and(
        eq(clusters.id, kubeTokens.clusterId),
        eq(clusters.userId, kubeTokens.userId),
        eq(kubeTokens.clusterId, want.clusterId),
      ),
    )
    .where(live)
    .get()
  if (!row) return undefined
  return { token: row.token, cluster: row.cluster ?? undefined }
}
