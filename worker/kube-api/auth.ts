// Who is calling the Kubernetes API of a cluster: the kubeconfig token, from
// `Authorization: Bearer <token>` (https: kubectl sends no credentials over plain http, client-go
// clientcmd/client_config.go) or from the server path `/k8s/clusters/<id>/key/<token>/...` that the
// kubeconfig of an http origin carries (kubectl keeps the server path on every request). Both are
// the same token: revoking it closes both doors. Sets `kube` for the routes behind it; shared by the
// REST routes and the streams (watch, logs, exec).

import type { MiddlewareHandler } from 'hono'
import { sha256Hex } from '../auth/crypto'
import type { CommandRow } from '../db/command-read'
import { findTokenCluster } from '../db/command-read'
import type { AppEnv } from '../http/env'
import { resourcePathOf, segments } from './path'
import { KubeError, unauthorized } from './status'
import { takeToken } from './rate-limit'
import { isWatchRequest } from './watch/spec'

export interface KubeCaller {
  clusterId: string
  userId: string
  tokenHash: string
  /** the Kubernetes path after the cluster prefix (and key), e.g. `/api/v1/namespaces/default/pods` */
  path: string
  /** the kubeconfig server prefix as the client used it (history lines, cluster-info) */
  prefix: string
}

export interface KubeEnv {
  Variables: AppEnv['Variables'] & {
    kube: KubeCaller
    /** the cluster row read with the token (cluster-io.ts takes it once), if the route reads one */
    kubeCluster?: { row?: CommandRow }
  }
}

const CLUSTER_ID = /^[A-Za-z0-9_-]{1,64}$/
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

/** Splits `/k8s/clusters/<id>[/key/<token>]<rest>`; undefined when the path is not of that shape. */
export function splitClusterPath(
  fullPath: string,
): { clusterId: string; pathToken?: string; rest: string; prefix: string } | undefined {
  const m = /^\/k8s\/clusters\/([^/]+)(\/key\/([^/]+))?(\/.*)?$/.exec(fullPath)
  if (!m || !CLUSTER_ID.test(m[1] ?? '')) return undefined
  const clusterId = m[1] as string
  const prefix = `/k8s/clusters/${clusterId}${m[2] ?? ''}`
  return { clusterId, pathToken: m[3], rest: m[4] || '/', prefix }
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m?.[1]
}

/**
 * Whether the request starts from one read of the cluster row (a REST get, list or write of a
 * kind the API has, an exec or attach): that row is then read in the token's statement. Discovery,
 * OpenAPI and `/version` read no cluster; watches, logs and port-forwards read theirs as they go.
 */
function readsCluster(method: string, rest: string, query: URLSearchParams): boolean {
  let p
  try {
    p = resourcePathOf(segments(rest))
  } catch {
    return false
  }
  if (!p?.info) return false
  if (p.subresource === undefined) return !(method === 'GET' && isWatchRequest(query))
  return !['log', 'portforward'].includes(p.subresource)
}

/**
 * Resolves the token to its cluster (one read by primary key, with the cluster row in the same
 * statement when the route needs it) or answers 401 as the apiserver does; a token of another
 * cluster is a 403 and never reads that cluster. Rate-limited per token.
 */
export function requireKubeToken(): MiddlewareHandler<KubeEnv> {
  return async (c, next) => {
    const split = splitClusterPath(c.req.path)
    if (!split) throw new KubeError('NotFound', 'the server could not find the requested resource')
    const token = bearer(c.req.header('authorization')) ?? split.pathToken
    if (!token || !TOKEN.test(token)) throw unauthorized()
    const tokenHash = await sha256Hex(token)
    const limited = takeToken(tokenHash, c.get('deps').now())
    if (limited) throw limited
    const query = new URL(c.req.url).searchParams
    const withCluster = readsCluster(c.req.method, split.rest, query)
    const found = await findTokenCluster(c.get('db'), tokenHash, c.get('deps').now(), {
      clusterId: split.clusterId,
      withCluster,
      held: c.get('codec').heldVersion(split.clusterId),
    })
    if (!found) throw unauthorized()
    const row = found.token
    if (row.clusterId !== split.clusterId)
      throw new KubeError(
        'Forbidden',
        'this token opens another cluster: download this cluster’s kubeconfig from its lab page',
      )
    c.set('kube', {
      clusterId: row.clusterId,
      userId: row.userId,
      tokenHash,
      path: split.rest,
      prefix: split.prefix,
    })
    if (withCluster) c.set('kubeCluster', { row: found.cluster })
    await next()
  }
}
