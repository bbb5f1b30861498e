// What the client gets back through ingress-nginx: the controller's own error pages (INGRESS-FACTS
// I23, I24: nginx's special responses with `server_tokens off`, so the tail is `nginx` and
// `more_clear_headers Server` removes the Server header) and a backend's answer as nginx's
// proxy module re-emits it (ngx_http_upstream: the upstream's Date, Server and Connection are not
// passed on; nginx writes Date, Content-Type, Content-Length, Connection itself, then the rest).

import type { HttpRequest, HttpResponse } from './types'
import { httpDate } from '../images/http-util'
import { utf8Length } from '../utf8'
import { nginxErrorPage } from '../images/pages'

const REASONS: Record<number, string> = {
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
}

/** One of nginx's error pages as ingress-nginx sends it (404: 146 bytes, 503: 190 bytes). */
export function controllerPage(
  status: 404 | 502 | 503 | 504,
  req: HttpRequest,
  now: number,
): HttpResponse {
  const reason = REASONS[status] as string
  const body = nginxErrorPage(status, reason, 'nginx')
  return {
    status,
    reason,
    headers: [
      ['Date', httpDate(now)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(utf8Length(body))],
      ['Connection', 'keep-alive'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  }
}

/** nginx's answer to plain HTTP on its TLS port (ngx_http_special_response.c, 497 -> 400). */
export function plainHttpToHttpsPort(req: HttpRequest, now: number): HttpResponse {
  const body =
    '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n' +
    '<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n' +
    '<center>The plain HTTP request was sent to HTTPS port</center>\r\n' +
    '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
  return {
    status: 400,
    reason: 'Bad Request',
    headers: [
      ['Date', httpDate(now)],
      ['Content-Type', 'text/html'],
      ['Content-Length', String(utf8Length(body))],
      ['Connection', 'close'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  }
}

const NOT_PASSED = new Set(['date', 'server', 'connection', 'keep-alive', 'transfer-encoding'])
const WRITTEN = new Set(['content-type', 'content-length'])

/** A backend's response as the client sees it through the controller. */
export function proxiedResponse(res: HttpResponse, now: number): HttpResponse {
  const get = (name: string) => res.headers.find(([k]) => k.toLowerCase() === name)?.[1]
  const headers: [string, string][] = [['Date', httpDate(now)]]
  const type = get('content-type')
  if (type !== undefined) headers.push(['Content-Type', type])
  const length = get('content-length')
  // a chunked upstream answer stays chunked: nginx does not know its length either
  if (length !== undefined) headers.push(['Content-Length', length])
  else if (get('transfer-encoding')) headers.push(['Transfer-Encoding', 'chunked'])
  headers.push(['Connection', 'keep-alive'])
  for (const [k, v] of res.headers) {
    const lower = k.toLowerCase()
    if (!NOT_PASSED.has(lower) && !WRITTEN.has(lower)) headers.push([k, v])
  }
  return { ...res, headers }
}
