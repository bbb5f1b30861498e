// The one Hono app both entries serve: API routes, guards, the one error handler, the web pages.
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { authRoutes, meRoutes } from './http/auth'
import { authoredLabRoutes } from './http/authored-labs'
import './http/authored-publish'
import { labFormatRoutes } from './http/lab-format'
import { classRoutes } from './http/classes'
import { clusterRoutes } from './http/clusters'
import { runRoutes } from './http/run-route'
import { terminalRoutes } from './terminal/routes'
import { kubeconfigRoutes } from './http/kubeconfig'
import { AppError } from './http/errors'
import type { AppEnv, Deps } from './http/env'
import { sameOriginOnly, securityHeaders } from './http/guards'
import { setAfterHandler } from './http/response-headers'
import { labRoutes } from './http/labs'
import { newMetrics, serverTiming } from './db/metrics'
import { stateCodec } from './db/state-codec'
import { kubeRouter } from './kube-api/router'
import { passwordRoutes } from './http/password'

function errorResponse(code: string, message: string, field?: string) {
  return { error: field ? { code, message, field } : { code, message } }
}

export function createApp(deps: Deps) {
  const codec = deps.stateCodec ?? stateCodec()
  const app = new Hono<AppEnv>()
  app.use('*', securityHeaders())
  app.use('/api/*', async (c, next) => {
    const metrics = newMetrics()
    c.set('deps', deps)
    c.set('codec', codec)
    c.set('metrics', metrics)
    c.set('db', deps.openDb(metrics))
    const started = performance.now()
    await next()
    // set in place: c.header() would copy the finished response (http/response-headers.ts)
    setAfterHandler(c, {
      'Server-Timing': serverTiming(metrics, performance.now() - started),
      'Cache-Control': 'no-store',
    })
  })
  app.use('/api/*', sameOriginOnly())

  app.route('/api/auth', authRoutes)
  app.route('/api/auth', passwordRoutes)
  app.route('/api/me', meRoutes)
  app.route('/api/labs', labRoutes)
  // before the other cluster routes: a line reads its session and cluster in one statement
  app.route('/api/clusters', runRoutes)
  app.route('/api/clusters', kubeconfigRoutes)
  app.route('/api/clusters', clusterRoutes)
  app.route('/api/clusters', terminalRoutes)
  app.route('/api/classes', classRoutes)
  app.route('/k8s', kubeRouter(deps, codec))
  app.route('/api/authored-labs', authoredLabRoutes)
  app.route('/api/lab-format', labFormatRoutes)
  app.all('/api/*', (c) => c.json(errorResponse('not_found', 'There is no such API route.'), 404))

  app.all('*', async (c) => {
    if (!deps.serveAsset) return c.text('Not found', 404)
    return deps.serveAsset(c.req.raw)
  })

  app.onError((err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(err.extra.headers ?? {})) c.header(k, v)
      return c.json(errorResponse(err.code, err.message, err.extra.field), err.status)
    }
    if (err instanceof HTTPException) {
      const status = err.status
      const code =
        status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_input' : 'http_error'
      return c.json(errorResponse(code, err.message || 'The request could not be handled.'), status)
    }
    console.error('unhandled error', err)
    return c.json(
      errorResponse('internal_error', 'Something went wrong on our side. Please try again.'),
      500,
    )
  })
  return app
}
