// How each simulated server answers an HTTP request and what it writes to its log.
// Header order and bodies follow the real servers (nginx, Apache httpd, Go net/http).

import type { HttpRequest, HttpResponse } from '../net/types'
import type { ImageInfo } from './catalog'
import {
  HTTPD_IT_WORKS,
  NGINX_WELCOME,
  NGINX_WELCOME_OLD,
  httpdNotFound,
  magicalNginxPage,
  nginxErrorPage,
} from './pages'
import type { MainProcess } from './process'

export interface ServeContext {
  podName: string
  podIP: string
  image: ImageInfo
  process: MainProcess
  now: number
  /** the address the server sees the connection from (after kube-proxy SNAT, if any) */
  clientIP: string
  clientPort: number
  /** the port the connection arrived on inside the pod */
  port: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** RFC 7231 date as servers write it: `Thu, 26 Nov 2026 06:10:00 GMT`. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0')
}

/** nginx/Apache `$time_local` in UTC: `26/Nov/2026:06:10:00 +0000`. */
export function logTime(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

/** Go's log package prefix: `2026/11/26 06:10:00`. */
export function goLogTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

function header(req: HttpRequest, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === lower) return v
  return undefined
}

function bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3
  }
  return n
}

/** Release dates of the welcome page file per nginx minor (what Last-Modified and ETag show). */
const NGINX_MTIME: Record<number, number> = {
  13: 1523888000,
  18: 1587477600,
  19: 1618326839,
  20: 1637683858,
  21: 1643645338,
  22: 1666107400,
  23: 1679414400,
  24: 1681304400,
  25: 1713281246,
  26: 1738689600,
  27: 1732632300,
}

function nginxStatic(ctx: ServeContext, req: HttpRequest, body: string): HttpResponse {
  const v = ctx.image.serverVersion ?? '1.27.3'
  const minor = Number(v.split('.')[1])
  const mtime = NGINX_MTIME[minor] ?? 1700000000
  const path = req.path.split('?')[0] ?? '/'
  const common: [string, string][] = [
    ['Server', `nginx/${v}`],
    ['Date', httpDate(ctx.now)],
  ]
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return nginxError(common, 405, 'Not Allowed', v, req)
  if (path !== '/' && path !== '/index.html') return nginxError(common, 404, 'Not Found', v, req)
  const len = bytes(body)
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ...common,
      ['Content-Type', 'text/html'],
      ['Content-Length', String(len)],
      ['Last-Modified', httpDate(mtime * 1000)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${mtime.toString(16)}-${len.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  }
}

function nginxError(
  common: [string, string][],
  status: number,
  reason: string,
  v: string,
  req: HttpRequest,
): HttpResponse {
  const body = nginxErrorPage(status, reason, `nginx/${v}`)
  return {
    status,
    reason,
    headers: [
      ...common,
      ['Content-Type', 'text/html'],
      ['Content-Length', String(bytes(body))],
      ['Connection', 'keep-alive'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  }
}

function httpdAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
  const path = req.path.split('?')[0] ?? '/'
  const server: [string, string] = [
    'Server',
    `Apache/${ctx.image.serverVersion ?? '2.4.62'} (Unix)`,
  ]
  const date: [string, string] = ['Date', httpDate(ctx.now)]
  if (path !== '/' && path !== '/index.html') {
    const body = httpdNotFound(path)
    return {
      status: 404,
      reason: 'Not Found',
      headers: [
        date,
        server,
        ['Content-Length', String(bytes(body))],
        ['Content-Type', 'text/html; charset=iso-8859-1'],
      ],
      body,
    }
  }
  return {
    status: 200,
    reason: 'OK',
    headers: [
      date,
      server,
      ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
      ['ETag', '"2d-432a5e4a73a80"'],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', '45'],
      ['Content-Type', 'text/html'],
    ],
    body: req.method === 'HEAD' ? '' : HTTPD_IT_WORKS,
  }
}

/** Go net/http: handler headers sorted, then Date, Content-Length, Content-Type. */
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
      ['Content-Length', String(bytes(body))],
      ['Content-Type', 'text/plain; charset=utf-8'],
    ],
    body,
  }
}

function agnhostAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
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

function httpEchoAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
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

function echoserverAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
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

function corednsAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse | undefined {
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
 * The server's HTTP answer to a request that reached a listening port; undefined when that
 * port does not speak HTTP (curl then reports an empty reply).
 */
export function serverAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse | undefined {
  switch (ctx.image.server) {
    case 'nginx':
      return nginxStatic(ctx, req, minorOf(ctx.image) >= 21 ? NGINX_WELCOME : NGINX_WELCOME_OLD)
    case 'magicalnginx':
      return nginxStatic(ctx, req, magicalNginxPage(ctx.podName, ctx.podIP))
    case 'httpd':
      return httpdAnswer(ctx, req)
    case 'agnhost':
      return agnhostAnswer(ctx, req)
    case 'http-echo':
      return httpEchoAnswer(ctx, req)
    case 'echoserver':
      return echoserverAnswer(ctx, req)
    case 'coredns':
      return corednsAnswer(ctx, req)
    default:
      return undefined
  }
}

function minorOf(image: ImageInfo): number {
  return Number((image.serverVersion ?? '1.27.3').split('.')[1])
}

/** The line the server appends to its log for an answered request (nginx `main` format etc.). */
export function serverLogLine(
  ctx: ServeContext,
  req: HttpRequest,
  res: HttpResponse,
): string | undefined {
  const ua = header(req, 'User-Agent') ?? '-'
  const referer = header(req, 'Referer') ?? '-'
  const size = res.body === '' ? 0 : bytes(res.body)
  const requestLine = `${req.method} ${req.path} HTTP/1.1`
  switch (ctx.image.server) {
    case 'nginx':
    case 'magicalnginx':
      return `${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine}" ${res.status} ${size} "${referer}" "${ua}" "-"`
    case 'echoserver':
      return `${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine}" ${res.status} ${size} "${referer}" "${ua}"`
    case 'httpd':
      return `${ctx.clientIP} - - [${logTime(ctx.now)}] "${requestLine}" ${res.status} ${size}`
    case 'http-echo':
      return `${goLogTime(ctx.now)} ${header(req, 'Host') ?? req.host} ${ctx.clientIP}:${ctx.clientPort} "${requestLine}" ${res.status} ${size} "${ua}" 41.5µs`
    case 'agnhost': {
      const d = new Date(ctx.now)
      return `I${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000       1 log.go:245] ${req.method} ${req.path.split('?')[0]}`
    }
    default:
      return undefined
  }
}
