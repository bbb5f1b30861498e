// The two redirects the controller's nginx answers before any backend is asked:
// - nginx's own 301 for a location that ends in `/` (auto_redirect, set by proxy_pass): `/foo` with
//   only `location /foo/` (Prefix or Exact `/foo/`) -> `Location: http://<host>/foo/` (INGRESS-FACTS
//   I21; nginx ngx_http_core_find_static_location, ngx_http_header_filter: absolute_redirect,
//   server_name_in_redirect and port_in_redirect off in ingress-nginx's nginx.tmpl).
// - ingress-nginx's 308 to https for a host that has a certificate, i.e. a host named in the rules
//   of an Ingress with a `tls` section, missing Secret or not (controller.go createServers falls
//   back to the default certificate), unless the location's Ingress says ssl-redirect: "false";
//   force-ssl-redirect: "true" redirects without TLS too (NX controller-v1.12.1 lua_ingress.lua
//   rewrite/redirect_to_https, certificate.lua get_pem_cert_uid). The trailing `/` of the request
//   URI is dropped (preserve-trailing-slash is false), the Host loses its port.

import type { HttpRequest, HttpResponse } from './types'
import type { IngressConfig, IngressLocation, IngressServer } from './ingress-config'
import { httpDate } from '../images/http-util'
import { nginxErrorPage } from '../images/pages'
import { utf8Length } from '../utf8'
import { requestHost } from './ingress-match'
import { parseGoBool } from '../go-bool'

export const SSL_REDIRECT = 'nginx.ingress.kubernetes.io/ssl-redirect'
export const FORCE_SSL_REDIRECT = 'nginx.ingress.kubernetes.io/force-ssl-redirect'
export const PRESERVE_TRAILING_SLASH = 'nginx.ingress.kubernetes.io/preserve-trailing-slash'

/** The location name nginx redirects `uri` to (`/foo` -> `/foo/`), if it does. */
export function slashRedirectTarget(server: IngressServer, uri: string): string | undefined {
  if (server.regex || uri.endsWith('/')) return undefined
  // an exact location for the URI itself wins (Exact /foo, or the `= /foo` a Prefix /foo adds)
  if (server.locations.some((l) => l.path === uri && !l.implicit)) return undefined
  const want = `${uri}/`
  return server.locations.some((l) => !l.implicit && l.path === want) ? want : undefined
}

/** The hosts with a certificate: every rule host of a served Ingress that has `spec.tls`. */
function certifiedHosts(config: IngressConfig): Set<string> {
  const hosts = new Set<string>()
  for (const ing of config.served) {
    if ((ing.spec?.tls ?? []).length === 0) continue
    for (const rule of ing.spec?.rules ?? []) if (rule.host) hosts.add(rule.host.toLowerCase())
  }
  return hosts
}

function hasCertificate(config: IngressConfig, host: string): boolean {
  const hosts = certifiedHosts(config)
  if (hosts.has(host)) return true
  const dot = host.indexOf('.')
  return dot > 0 && hosts.has(`*${host.slice(dot)}`)
}

/** The annotations that shape a location: its own Ingress's, or for a host's root its first Ingress's. */
export function locationAnnotations(
  config: IngressConfig,
  server: IngressServer,
  loc: IngressLocation | undefined,
): Record<string, string> {
  // the catch-all's own root keeps a zero Rewrite config (no redirect of any kind)
  if (server.name === '_' && (!loc || loc.implicit)) return { [SSL_REDIRECT]: 'false' }
  const ref = loc && !loc.implicit ? loc.ingress : server.ingresses[0]
  if (!ref) return {}
  const ing = config.served.find(
    (i) => i.metadata.name === ref.name && (i.metadata.namespace ?? 'default') === ref.namespace,
  )
  return ing?.metadata.annotations ?? {}
}

/** The https URL ingress-nginx redirects an http request to, if it does. */
export function sslRedirectTarget(
  config: IngressConfig,
  server: IngressServer,
  loc: IngressLocation | undefined,
  req: HttpRequest,
  host: string,
): string | undefined {
  if (req.scheme === 'https') return undefined
  const anns = locationAnnotations(config, server, loc)
  const force = parseGoBool(anns[FORCE_SSL_REDIRECT]) ?? false
  const ssl = parseGoBool(anns[SSL_REDIRECT]) ?? true
  if (!force && !(ssl && hasCertificate(config, host))) return undefined
  let uri = req.path || '/'
  if (!(parseGoBool(anns[PRESERVE_TRAILING_SLASH]) ?? false) && uri.endsWith('/'))
    uri = uri.slice(0, -1)
  const best = requestHost(req)
  return `https://${best.split(':')[0] ?? ''}${uri}`
}

const REASONS: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Moved Temporarily',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
}

/**
 * nginx's redirect page (301: 162 bytes, 308: 164; a 302's status line says `Moved Temporarily`,
 * its page `302 Found`: ngx_http_status_lines, ngx_http_error_302_page). nginx writes a Location it made absolute itself (the 301 of a
 * location ending in `/`: `relative`) before Connection, one it was given (return, Lua) after it.
 */
export function redirectPage(
  status: number,
  location: string,
  req: HttpRequest,
  now: number,
  relative = false,
): HttpResponse {
  const reason = REASONS[status] ?? ''
  const body = nginxErrorPage(status, status === 302 ? 'Found' : reason, 'nginx')
  const headers: [string, string][] = [
    ['Date', httpDate(now)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(utf8Length(body))],
  ]
  if (relative) headers.push(['Location', location], ['Connection', 'keep-alive'])
  else headers.push(['Connection', 'keep-alive'], ['Location', location])
  return { status, reason, headers, body: req.method === 'HEAD' ? '' : body }
}
