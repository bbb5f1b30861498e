// How nginx picks a server and a location for a request (INGRESS-FACTS I20, I21): the Host
// lower-cased without port and trailing dot; exact names, then `*.` wildcards (exactly one label),
// then the default server `_`; inside it `=` locations first, then the longest prefix, or in regex
// mode the first `~* "^path"` in ingress-nginx's order (longest path first).
// Left out: percent-decoding and `/./` `/../` resolution of the URI (nginx does both).

import type { HttpRequest } from './types'
import type { IngressConfig, IngressLocation, IngressServer } from './ingress-config'

/** The Host nginx selects the server by: `FOO.Example:80.` -> `foo.example`. */
export function normalizeHost(raw: string): string {
  let host = raw.trim().toLowerCase()
  const colon = host.lastIndexOf(':')
  if (colon >= 0 && /^\d*$/.test(host.slice(colon + 1))) host = host.slice(0, colon)
  return host.replace(/\.$/, '')
}

/** The Host header as the client sent it (curl always sends one), else the URL's host. */
export function requestHost(req: HttpRequest): string {
  for (const [k, v] of Object.entries(req.headers)) if (k.toLowerCase() === 'host') return v
  return req.host
}

/** The URI path nginx matches locations against: no query, no fragment, merged slashes. */
export function requestPath(req: HttpRequest): string {
  const path = req.path.split(/[?#]/)[0] || '/'
  return path.replace(/\/{2,}/g, '/')
}

function wildcardMatches(name: string, host: string): boolean {
  const suffix = name.slice(1) // `.foo.example`
  if (!host.endsWith(suffix)) return false
  return /^[\w-]+$/.test(host.slice(0, host.length - suffix.length))
}

/** The server nginx chooses for `host` (already normalised). */
export function selectServer(config: IngressConfig, host: string): IngressServer {
  const exact = config.servers.find((s) => !s.wildcard && s.name !== '_' && s.name === host)
  if (exact) return exact
  const wild = config.servers.find((s) => s.wildcard && wildcardMatches(s.name, host))
  if (wild) return wild
  return config.servers.find((s) => s.name === '_') as IngressServer
}

/** nginx's own location string length for prefix locations: `/foo` is rendered `/foo/`. */
function prefixLocation(l: IngressLocation): string {
  return l.implicit || l.path.endsWith('/') ? l.path : `${l.path}/`
}

function regexOf(path: string): RegExp | undefined {
  try {
    return new RegExp(`^${path}`, 'i')
  } catch {
    return undefined
  }
}

/** ingress-nginx's location order: longer paths first, then reverse lexical (controller.go). */
function regexOrder(a: IngressLocation, b: IngressLocation): number {
  if (a.path.length !== b.path.length) return b.path.length - a.path.length
  return a.path < b.path ? 1 : a.path > b.path ? -1 : 0
}

/** The location nginx runs for `uri` in `server`; undefined only if the server has no root. */
export function selectLocation(server: IngressServer, uri: string): IngressLocation | undefined {
  if (server.regex) {
    return [...server.locations].sort(regexOrder).find((l) => regexOf(l.path)?.test(uri))
  }
  const exact = server.locations.find((l) => l.match === 'exact' && l.path === uri)
  if (exact) return exact
  // Prefix `/foo` also renders `= /foo` (location.go), unless an Exact `/foo` has it
  const added = server.locations.find(
    (l) => l.match === 'prefix' && !l.implicit && !l.path.endsWith('/') && l.path === uri,
  )
  if (added) return added
  let best: IngressLocation | undefined
  let bestLen = -1
  for (const l of server.locations) {
    if (l.match !== 'prefix') continue
    const loc = prefixLocation(l)
    if (uri.startsWith(loc) && loc.length > bestLen) {
      best = l
      bestLen = loc.length
    }
  }
  return best
}

/** The path the backend receives: rewrite-target replaces the whole URI (I27), keeping the query. */
export function rewritePath(loc: IngressLocation, req: HttpRequest): string {
  if (loc.rewriteTarget === undefined || loc.implicit) return req.path
  const [uri = '/', ...rest] = req.path.split('?')
  const query = rest.length ? `?${rest.join('?')}` : ''
  let re: RegExp
  try {
    re = new RegExp(loc.path, 'i')
  } catch {
    return req.path
  }
  const m = re.exec(uri)
  if (!m) return req.path
  const target = loc.rewriteTarget.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '')
  return target.endsWith('?') ? target.slice(0, -1) : target + query
}
