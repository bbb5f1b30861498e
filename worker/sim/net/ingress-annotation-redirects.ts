// The redirect annotations tutorials copy (NX controller-v1.12.1 nginx.tmpl :961-965, :1375-1377;
// annotations/rewrite app-root, annotations/redirect; read as controllers/ingress-nginx-annotations
// parses them): `app-root: /app` renders, for every location of the Ingress, a server-level
// `if ($uri = /) { return 302 $scheme://$http_host/app; }`, so a request for `/` is redirected
// before any location is chosen, on any server the Ingress has locations in (host-less rules: the
// catch-all `_` too; its own root location carries no annotations). `temporal-redirect` /
// `permanent-redirect` answer every request of the Ingress's locations with `return <code> URL`.
// nginx's `return` sends a Location only for 301, 302, 303, 307 and 308 (ngx_http_send_response);
// for 300, 304, 305 and 306 the URL is the response body (NG ngx_http_rewrite_module.c,
// ngx_http_script.c, ngx_http_core_module.c, ngx_http_header_filter_module.c).

import type { HttpRequest, HttpResponse } from './types'
import type { IngressConfig, IngressLocation, IngressServer } from './ingress-config'
import { locationAnnotations } from './ingress-redirect'
import { requestHost, requestPath } from './ingress-match'
import {
  parseAppRoot,
  parseRedirectAnnotations,
  type AnnotatedRedirect,
} from '../controllers/ingress-nginx-annotations'
import { httpDate } from '../images/http-util'
import { utf8Length } from '../utf8'

/** nginx's location order in the rendered server (controller.go: longest path first, then path). */
function renderedOrder(a: IngressLocation, b: IngressLocation): number {
  if (a.path.length !== b.path.length) return b.path.length - a.path.length
  return a.path === b.path ? 0 : a.path > b.path ? -1 : 1
}

/** The app-root redirect for `req`: the first location (nginx order) whose Ingress sets one. */
export function appRootTarget(
  config: IngressConfig,
  server: IngressServer,
  req: HttpRequest,
): string | undefined {
  if (requestPath(req) !== '/') return undefined
  for (const loc of [...server.locations].sort(renderedOrder)) {
    const root = parseAppRoot(locationAnnotations(config, server, loc))
    if (root) return `${req.scheme ?? 'http'}://${requestHost(req)}${root}`
  }
  return undefined
}

/** `return <code> URL` of the location's Ingress, if it sets temporal- or permanent-redirect. */
export function annotationRedirect(
  config: IngressConfig,
  server: IngressServer,
  loc: IngressLocation | undefined,
): AnnotatedRedirect | undefined {
  const parsed = parseRedirectAnnotations(locationAnnotations(config, server, loc))
  return parsed.invalid === undefined ? parsed.redirect : undefined
}

/** The codes nginx's `return code URL` sends a Location for. */
export function isLocationCode(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status)
}

/** nginx's mime.types for the common extensions; anything else is default_type text/html. */
const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  js: 'application/javascript',
  txt: 'text/plain',
  png: 'image/png',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/zip',
}

/**
 * `return 300|304|305|306 URL`: the URL is the body text (Content-Type by the request's
 * extension), no Location. nginx has no reason phrase for 300, 305 and 306 (`HTTP/1.1 300 `);
 * a 304 keeps the Content-Length but sends no body, as a HEAD does.
 */
export function returnTextPage(
  status: number,
  text: string,
  req: HttpRequest,
  now: number,
): HttpResponse {
  const file = requestPath(req).split('/').pop() ?? ''
  const dot = file.lastIndexOf('.')
  const type = (dot >= 0 && TYPES[file.slice(dot + 1).toLowerCase()]) || 'text/html'
  const headers: [string, string][] = [
    ['Date', httpDate(now)],
    ['Content-Type', type],
    ['Content-Length', String(utf8Length(text))],
    ['Connection', 'keep-alive'],
  ]
  const reason = status === 304 ? 'Not Modified' : ''
  const body = req.method === 'HEAD' || status === 304 ? '' : text
  return { status, reason, headers, body }
}
