// The redirect annotations tutorials copy (NX controller-v1.12.1 nginx.tmpl :961-965, :1375-1377;
// annotations/rewrite app-root, annotations/redirect): `app-root: /app` answers a request for `/`
// on that host with `302` to `$scheme://$http_host/app` (a server-level `if`, so before any
// location); `temporal-redirect: URL` (302, or temporal-redirect-code 300-307) and
// `permanent-redirect: URL` (301, or permanent-redirect-code 300-308) answer every request of the
// Ingress's locations with `return <code> URL`, before ssl-redirect and the backend.

import type { HttpRequest } from './types'
import type { IngressConfig, IngressLocation, IngressServer } from './ingress-config'
import { locationAnnotations } from './ingress-redirect'
import { requestHost, requestPath } from './ingress-match'

const P = 'nginx.ingress.kubernetes.io/'

/** The app-root redirect for `req`, if an Ingress of this host sets a valid one. */
export function appRootTarget(
  config: IngressConfig,
  server: IngressServer,
  req: HttpRequest,
): string | undefined {
  if (server.name === '_' || requestPath(req) !== '/') return undefined
  for (const ref of server.ingresses) {
    const ing = config.served.find(
      (i) => i.metadata.name === ref.name && (i.metadata.namespace ?? 'default') === ref.namespace,
    )
    const root = ing?.metadata.annotations?.[`${P}app-root`]
    // ParseRequestURI and "only allows absolute paths"
    if (root && root.startsWith('/') && !/\s/.test(root))
      return `${req.scheme ?? 'http'}://${requestHost(req)}${root}`
  }
  return undefined
}

function code(v: string | undefined, max: number, fallback: number): number {
  const n = v !== undefined && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : NaN
  return n >= 300 && n <= max ? n : fallback
}

/** redirect.go isValidURL: an absolute URL with a scheme and a host. */
function validURL(u: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+/i.test(u)
}

/** `return <code> URL` of the location's Ingress, if it sets temporal- or permanent-redirect. */
export function annotationRedirect(
  config: IngressConfig,
  server: IngressServer,
  loc: IngressLocation | undefined,
): { status: number; url: string } | undefined {
  const anns = locationAnnotations(config, server, loc)
  const temporal = anns[`${P}temporal-redirect`]
  if (temporal)
    return validURL(temporal)
      ? { status: code(anns[`${P}temporal-redirect-code`], 307, 302), url: temporal }
      : undefined
  const permanent = anns[`${P}permanent-redirect`]
  if (permanent && validURL(permanent))
    return { status: code(anns[`${P}permanent-redirect-code`], 308, 301), url: permanent }
  return undefined
}
