// The Kubernetes API of every lab cluster, mounted at /k8s in app.ts: `/k8s/clusters/<id>/...`
// answers what a kube-apiserver 1.32 answers, over the same cluster document the browser shows.
// Order: request context -> token (auth.ts) -> streams (stream-routes.ts: watch, pods/log,
// pods/exec, pods/attach; each calls next() for what is not a stream) -> REST (rest.ts).
// Every failure is a metav1.Status (status.ts), never the web API's `{error}` shape. No CORS:
// browsers get no Access-Control headers, so other sites cannot call it with a learner's token.

import { Hono } from 'hono'
import type { Deps } from '../http/env'
import type { StateCodec } from '../db/state-codec'
import { newMetrics, serverTiming } from '../db/metrics'
import { requireKubeToken, type KubeEnv } from './auth'
import { KubeError, noRoute, statusResponse } from './status'
import { streamRoutes } from './stream-routes'
import { serveRest } from './rest'
import { sendWarnings } from './warnings'

export function kubeRouter(deps: Deps, codec: StateCodec) {
  const r = new Hono<KubeEnv>()
  r.use('*', async (c, next) => {
    const metrics = newMetrics()
    c.set('deps', deps)
    c.set('codec', codec)
    c.set('metrics', metrics)
    c.set('db', deps.openDb(metrics))
    const started = performance.now()
    await next()
    // streamed answers (watch, exec) may have sent their headers already
    try {
      sendWarnings(c, c.res)
      c.res.headers.set('Server-Timing', serverTiming(metrics, performance.now() - started))
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
    } catch {
      // immutable headers (a WebSocket 101): nothing to add
    }
  })
  r.use('/clusters/*', requireKubeToken())
  r.route('/', streamRoutes)
  r.all('/clusters/*', serveRest)
  r.all('*', () => {
    throw noRoute()
  })
  r.onError((err) => {
    if (err instanceof KubeError) return statusResponse(err)
    console.error('kube-api error', err)
    return statusResponse(
      new KubeError(
        'InternalError',
        'an error on the server prevented the request from succeeding',
      ),
    )
  })
  return r
}
