// nginx (static welcome page, its own error pages) and Apache httpd ("It works!").

import type { HttpRequest, HttpResponse } from '../net/types'
import { httpDate, type ServeContext } from './http-util'
import { utf8Length } from '../utf8'
import { HTTPD_IT_WORKS, httpdNotFound, nginxErrorPage } from './pages'

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

/** nginx serving /usr/share/nginx/html: `/` and `/index.html`, 404 otherwise, 405 for other methods. */
export function nginxStatic(ctx: ServeContext, req: HttpRequest, body: string): HttpResponse {
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
  const len = utf8Length(body)
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
      ['Content-Length', String(utf8Length(body))],
      ['Connection', 'keep-alive'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  }
}

/** Apache httpd 2.4 with the image's htdocs. */
export function httpdAnswer(ctx: ServeContext, req: HttpRequest): HttpResponse {
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
        ['Content-Length', String(utf8Length(body))],
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
