// The streaming side of the Kubernetes API: watches (`?watch=true` on any list, Table watches),
// `pods/<name>/log` (with follow) and `pods/<name>/exec` / `attach` over WebSocket
// (v5.channel.k8s.io). Mounted by router.ts after the token check (c.get('kube') is set: cluster,
// user, and `path`, the Kubernetes path after the cluster prefix) and before the REST routes.
// A handler here serves what is its own and calls next() for everything else, so a plain list,
// get or write falls through to rest.ts.

import { Hono } from 'hono'
import type { KubeEnv } from './auth'
import { resourcePathOf, segments } from './path'
import { KubeError } from './status'
import { isWatchRequest } from './watch/spec'
import { serveWatch } from './watch/serve-watch'
import { serveLogs } from './logs/serve-logs'
import { serveExec } from './exec/serve-exec'

export const streamRoutes = new Hono<KubeEnv>()

streamRoutes.all('/clusters/*', async (c, next) => {
  const p = resourcePathOf(segments(c.get('kube').path))
  if (!p) return next()
  const method = c.req.method
  const query = new URL(c.req.url).searchParams
  if (method === 'GET' && p.subresource === undefined && isWatchRequest(query)) {
    // `GET .../pods/web?watch=true` is the old single-object watch: a list watch by name
    if (p.name !== undefined) query.set('fieldSelector', `metadata.name=${p.name}`)
    return serveWatch(c, { ...p, name: undefined }, query)
  }
  if (p.name === undefined || p.info?.kind !== 'Pod') return next()
  if (p.subresource === 'portforward')
    throw new KubeError(
      'BadRequest',
      'port-forward is not supported by Service Lab: use `kubectl port-forward` in the lab terminal, or `kubectl exec` to curl from inside the cluster',
    )
  if (p.subresource === 'log') return serveLogs(c, p)
  if (p.subresource === 'exec' || p.subresource === 'attach') return serveExec(c, p, p.subresource)
  return next()
})
