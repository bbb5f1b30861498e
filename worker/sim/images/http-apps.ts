// Go and OpenResty test servers: agnhost netexec, hashicorp/http-echo, echoserver, CoreDNS health.

import type { HttpRequest, HttpResponse } from '../net/types'
import { header, httpDate, type ServeContext } from './http-util'
import { utf8Length } from '../utf8'

function goResponse(
  ctx: ServeContext,
  status: number,
  body: string,
  extra: [string, string][] = [],
): HttpResponse {
  return {
    status,
    reason: status === 200 ? 'OK' : status === 404 ? 'Not Found' : 'Error',
    headers: [
      ...extra,
      ['Date', httpDate(ctx.now)],
      ['Content-Length', String(utf8Length(body))],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ],
    body,
  }
}

/** agnhost netexec/serve-hostname (test/images/agnhost): /hostname, /clientip, /echo, else NOW. */
export function agnhostAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
  const [path = '/', query = ''] = req.path.split('?')
  const sub = ctx.process.argv[1]
  if (sub === 'serve-hostname') return goResponse(ctx, 200, ctx.podName)
  if (path === '/hostname') return goResponse(ctx, 200, ctx.podName)
  if (path === '/clientip') return goResponse(ctx, 200, `${ctx.clientIP}:${ctx.clientPort}`)
  if (path === '/echo') {
    const msg = new URLSearchParams(query).get('msg') ?? ''
    return goResponse(ctx, 200, msg)
  }
  if (path === '/healthz' || path === '/readyz') return goResponse(ctx, 200, '')
  const t = new Date(ctx.now).toISOString().replace('T', ' ').replace('Z', '000000 +0000 UTC')
  return goResponse(ctx, 200, `NOW: ${t}`)
}

/** hashicorp/http-echo: the -text argument and a newline, on every path. */
export function httpEchoAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
  const argv = ctx.process.argv
  let text = ''
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '-text' || a === '--text') text = argv[i + 1] ?? ''
    else if (a.startsWith('-text=') || a.startsWith('--text=')) text = a.slice(a.indexOf('=') + 1)
  }
  const version = ctx.image.serverVersion ?? '1.0.0'
  const path = req.path.split('?')[0]
  if (path === '/health')
    return goResponse(ctx, 200, '{"status":"ok"}\n', [
      ['X-App-Name', 'http-echo'],
      ['X-App-Version', version],
    ])
  return goResponse(ctx, 200, `${text}\n`, [
    ['X-App-Name', 'http-echo'],
    ['X-App-Version', version],
  ])
}

/** registry.k8s.io/echoserver: the request as it arrived, client address included. */
export function echoserverAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
  const host = header(req, 'Host') ?? `${req.host}:${req.port}`
  const headerLines = Object.entries(req.headers)
    .map(([k, v]) => `\t${k.toLowerCase()}=${v}`)
    .sort()
  const [path = '/', query = ''] = req.path.split('?')
  const body = [
    '',
    '',
    `Hostname: ${ctx.podName}`,
    '',
    'Pod Information:',
    '\t-no pod information available-',
    '',
    'Server values:',
    '\tserver_version=nginx: 1.13.3 - lua: 10008',
    '',
    'Request Information:',
    `\tclient_address=${ctx.clientIP}`,
    `\tmethod=${req.method}`,
    `\treal path=${path}`,
    `\tquery=${query}`,
    '\trequest_version=1.1',
    '\trequest_scheme=http',
    `\trequest_uri=http://${host.replace(/:\d+$/, '')}:${ctx.port}${req.path}`,
    '',
    'Request Headers:',
    ...headerLines,
    '',
    'Request Body:',
    req.body ? req.body : '\t-no body in request-',
    '',
    '',
  ].join('\n')
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', httpDate(ctx.now)],
      ['Content-Type', 'text/plain'],
      ['Transfer-Encoding', 'chunked'],
      ['Connection', 'keep-alive'],
      ['Server', 'echoserver'],
    ],
    body,
  }
}

/** CoreDNS health (8080 /health), ready (8181 /ready) and metrics (9153). */
export function corednsAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse | undefined {
  const path = req.path.split('?')[0]
  if (ctx.port === 8080 && path === '/health') return goResponse(ctx, 200, 'OK')
  if (ctx.port === 8181 && path === '/ready') return goResponse(ctx, 200, 'OK')
  if (ctx.port === 9153 && path === '/metrics')
    return goResponse(
      ctx,
      200,
      "# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n",
    )
  if (ctx.port === 53) return undefined
  return goResponse(ctx, 404, '404 page not found\n', [['X-Content-Type-Options', 'nosniff']])
}

/**
 * The ingress-nginx controller's own Go server: /healthz on 10254 (the probes' target). Its
 * nginx ports are answered by the Ingress routing (net/ingress-proxy.ts), never here.
 */
export function ingressNginxHealth(ctx: ServeContext, req: HttpRequest): HttpResponse | undefined {
  if (ctx.port !== 10254) return undefined
  const path = req.path.split('?')[0]
  if (path === '/healthz') return goResponse(ctx, 200, 'ok')
  return goResponse(ctx, 404, '404 page not found\n', [['X-Content-Type-Options', 'nosniff']])
}

/**
 * The server's HTTP answer to a request that reached a listening port; undefined when that
 * port does not speak HTTP (curl then reports an empty reply).
 */
