// Which redirect the controller's nginx answers before proxying, in nginx's phase order: the
// server's app-root `if` (server rewrite), the 301 of a location ending in `/` (find config), the
// location's `return` of temporal-/permanent-redirect (rewrite), then ingress-nginx's Lua
// ssl-redirect (end of rewrite). Each with the upstream name the access log shows.

import type { HttpRequest, HttpResponse } from './types'
import type { IngressConfig, IngressLocation, IngressServer } from './ingress-config'
import { redirectPage, slashRedirectTarget, sslRedirectTarget } from './ingress-redirect'
import { annotationRedirect, appRootTarget } from './ingress-annotation-redirects'
import { upstreamName } from './ingress-backend'

export interface Redirected {
  response: HttpResponse
  upstream: string
  why: { cause: string; diagnosis: string }
}

const where = (server: IngressServer) =>
  server.name === '_' ? 'the default server' : `host ${server.name}`

/** app-root and the trailing-slash 301: decided before a location is chosen. */
export function serverRedirect(
  config: IngressConfig,
  server: IngressServer,
  req: HttpRequest,
  host: string,
  uri: string,
  now: number,
): Redirected | undefined {
  const root = appRootTarget(config, server, req)
  if (root) {
    const diagnosis = `ingress-nginx answered 302 to ${root}: an Ingress of ${where(server)} has the annotation nginx.ingress.kubernetes.io/app-root, which sends a request for / there.`
    const response = redirectPage(302, root, req, now)
    return { response, upstream: '-', why: { cause: 'ingress-app-root', diagnosis } }
  }
  const slash = slashRedirectTarget(server, uri)
  if (!slash) return undefined
  const query = req.path.includes('?') ? req.path.slice(req.path.indexOf('?')) : ''
  const to = `${req.scheme ?? 'http'}://${host}${slash}${query}`
  const diagnosis = `nginx answered 301: ${uri} matches no location of ${where(server)}, but a path ${slash} does (an Ingress path ending in /), so nginx redirects to it. Write the path without the trailing / to match both.`
  const response = redirectPage(301, to, req, now, true)
  return { response, upstream: '-', why: { cause: 'ingress-slash-redirect', diagnosis } }
}

/** A redirect annotation of the location's Ingress, then ssl-redirect. */
export function locationRedirect(
  config: IngressConfig,
  server: IngressServer,
  loc: IngressLocation | undefined,
  req: HttpRequest,
  host: string,
  now: number,
): Redirected | undefined {
  const b = loc?.backend?.service
  const upstream =
    b && loc?.ingress ? upstreamName(loc.ingress.namespace, b) : 'upstream-default-backend'
  const annotated = annotationRedirect(config, server, loc)
  if (annotated) {
    const diagnosis = `ingress-nginx answered ${annotated.status} to ${annotated.url} without asking a backend: the Ingress has the annotation nginx.ingress.kubernetes.io/${annotated.status === 301 || annotated.status === 308 ? 'permanent' : 'temporal'}-redirect.`
    const response = redirectPage(annotated.status, annotated.url, req, now)
    return { response, upstream, why: { cause: 'ingress-annotation-redirect', diagnosis } }
  }
  const https = sslRedirectTarget(config, server, loc, req, host)
  if (!https) return undefined
  const diagnosis = `ingress-nginx answered 308 Permanent Redirect to ${https}: it sends plain http for a host with TLS (a tls section in its Ingress, even without its Secret) or with force-ssl-redirect to https. curl -L follows it (add -k for the controller's fake certificate); the annotation nginx.ingress.kubernetes.io/ssl-redirect: "false" turns it off.`
  const response = redirectPage(308, https, req, now)
  return { response, upstream, why: { cause: 'ingress-ssl-redirect', diagnosis } }
}
