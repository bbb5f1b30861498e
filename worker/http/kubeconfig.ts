// A kubeconfig per cluster, for the learner's own kubectl (worker/kube-api): downloading one issues
// a new token (and revokes the previous one); DELETE revokes it. Only the owner's session may.
import { Hono } from 'hono'
import { requireSession } from '../auth/session'
import { randomBytes, sha256Hex, toBase64Url } from '../auth/crypto'
import { parseApiTraces } from '../db/api-traces'
import { findCluster } from '../db/clusters'
import { parseProgress } from '../labs/grade'
import { findKubeconfigStatus } from '../db/kubeconfig-status'
import { replaceKubeToken, revokeKubeTokens } from '../db/kube-tokens'
import { AppError, notFound } from './errors'
import { publicOrigin } from './origin'
import type { AppContext, AppEnv } from './env'
import { param } from './validate'

export const KUBE_TOKEN_TTL_MS = 7 * 24 * 3600 * 1000

export const kubeconfigRoutes = new Hono<AppEnv>()
kubeconfigRoutes.use('/:id/kubeconfig', requireSession())
kubeconfigRoutes.use('/:id/kubeconfig/*', requireSession())

async function loadOwn(c: AppContext) {
  const row = await findCluster(c.get('db'), param(c, 'id'), c.get('userId')!)
  if (!row) throw notFound('That cluster')
  return row
}

/**
 * Over https the token travels in the Authorization header. kubectl sends no credentials over
 * plain http (local `npm start`), so there the server URL itself carries the token
 * (`.../k8s/clusters/<id>/key/<token>`): kubectl keeps the server path on every request.
 */
export function kubeServerUrl(origin: URL, clusterId: string, token: string): string {
  const base = `${origin.protocol}//${origin.host}/k8s/clusters/${clusterId}`
  return origin.protocol === 'https:' ? base : `${base}/key/${token}`
}

export function kubeconfigYaml(o: {
  server: string
  labId: string
  token: string
  expiresAt: number
}) {
  const name = `service-lab-${o.labId}`
  return [
    `# Service Lab: your own kubectl against your cluster of the lab "${o.labId}".`,
    `# The token expires at ${new Date(o.expiresAt).toISOString()}; a new download or "Revoke" on`,
    '# the lab page ends it sooner.',
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    server: ${o.server}`,
    `  name: ${name}`,
    'contexts:',
    '- context:',
    `    cluster: ${name}`,
    '    namespace: default',
    `    user: ${name}`,
    `  name: ${name}`,
    `current-context: ${name}`,
    'preferences: {}',
    'users:',
    `- name: ${name}`,
    '  user:',
    `    token: ${o.token}`,
    '',
  ].join('\n')
}

kubeconfigRoutes.get('/:id/kubeconfig', async (c) => {
  // a download rotates the token: another site must not be able to make the browser do it
  if (c.req.header('sec-fetch-site') === 'cross-site')
    throw new AppError(403, 'forbidden_origin', 'Download the kubeconfig from the lab page.')
  const row = await loadOwn(c)
  const now = c.get('deps').now()
  const token = `slk_${toBase64Url(randomBytes(32))}`
  const expiresAt = now + KUBE_TOKEN_TTL_MS
  await replaceKubeToken(c.get('db'), {
    tokenHash: await sha256Hex(token),
    clusterId: row.id,
    userId: row.userId,
    createdAt: now,
    expiresAt,
  })
  const server = kubeServerUrl(publicOrigin(c), row.id, token)
  c.header('Content-Type', 'text/yaml; charset=utf-8')
  c.header('Content-Disposition', `attachment; filename="service-lab-${row.labId}.yaml"`)
  c.header('X-Token-Expires-At', new Date(expiresAt).toISOString())
  return c.body(kubeconfigYaml({ server, labId: row.labId, token, expiresAt }))
})

kubeconfigRoutes.delete('/:id/kubeconfig', async (c) => {
  const row = await loadOwn(c)
  await revokeKubeTokens(c.get('db'), row.id, row.userId)
  return c.body(null, 204)
})

/**
 * Whether the cluster has a live token (and until when), the cluster's version, the tasks done and
 * the last traces of execs made through the API (numbered): the lab page polls this while a token
 * is live, to redraw at once what the learner's own kubectl changed, tick the tasks it completed
 * and draw each new request on the map once.
 */
kubeconfigRoutes.get('/:id/kubeconfig/status', async (c) => {
  const row = await findKubeconfigStatus(
    c.get('db'),
    param(c, 'id'),
    c.get('userId')!,
    c.get('deps').now(),
  )
  if (!row) throw notFound('That cluster')
  const tasksDone = Object.keys(parseProgress(row.progress).tasks)
  return c.json({
    active: row.expiresAt !== null,
    expiresAt: row.expiresAt,
    version: row.version,
    tasksDone,
    traces: parseApiTraces(row.apiTraces),
  })
})
