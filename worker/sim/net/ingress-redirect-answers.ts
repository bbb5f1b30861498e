// Which redirect the controller's nginx answers before proxying, in nginx's phase order: the
// server's app-root `if` (server rewrite), the 301 of a location ending in `/` (find config), the
// location's `return` of temporal-/permanent-redirect (rewrite), then ingress-nginx's Lua
// ssl-redirect (end of rewrite). Each with the upstream name the access log shows.

import type { HttpRequest, HttpResponse } from './types'
import type { IngressConfig, IngressLocation, IngressServer } from './ingress-config'
import { redirectPage, slashRedirectTarget, sslRedirectTarget } from './ingress-redirect'
import {
  annotationRedirect,
  appRootTarget,
  isLocationCode,
  returnTextPage,
} from './ingress-annotation-redirects'
import { upstreamName } from './ingress-backend'
import type { AnnotatedRedirect } from '../controllers/ingress-nginx-annotations'

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
  if (annotated) return annotatedAnswer(annotated, req, host, upstream, now)
  const https = sslRedirectTarget(config, server, loc, req, host)
  if (!https) return undefined
  const diagnosis = `ingress-nginx answered 308 Permanent Redirect to ${https}: it sends plain http for a host with TLS (a tls section in its Ingress, even without its Secret) or with force-ssl-redirect to https. curl -L follows it (add -k for the controller's fake certificate); the annotation nginx.ingress.kubernetes.io/ssl-redirect: "false" turns it off.`
  const response = redirectPage(308, https, req, now)
  return { response, upstream, why: { cause: 'ingress-ssl-redirect', diagnosis } }
}

/**
 * `return <code> URL`: a redirect page with Location for the redirect codes (a URL starting with
 * `/` made absolute by nginx with the request's host, absolute_redirect being on), else the URL as
 * the body.
 */
function annotatedAnswer(
  annotated: AnnotatedRedirect,
  req: HttpRequest,
  host: string,
  upstream: string,
  now: number,
): Redirected {
  const { status, url } = annotated
  if (!isLocationCode(status)) {
    const diagnosis = `ingress-nginx answered ${status} without asking a backend: the Ingress has the annotation nginx.ingress.kubernetes.io/${annotated.annotation} with a code nginx does not redirect with (only 301, 302, 303, 307 and 308 send a Location), so the URL ${url} is sent as the body.`
    const response = returnTextPage(status, url, req, now)
    return { response, upstream, why: { cause: 'ingress-annotation-redirect', diagnosis } }
  }
  const relative = url.startsWith('/')
  const to = relative ? `${req.scheme ?? 'http'}://${host}${url}` : url
  const diagnosis = `ingress-nginx answered ${status} to ${to} without asking a backend: the Ingress has the annotation nginx.ingress.kubernetes.io/${annotated.annotation}.`
  const response = redirectPage(status, to, req, now, relative)
  return { response, upstream, why: { cause: 'ingress-annotation-redirect', diagnosis } }
}
