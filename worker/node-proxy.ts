// The Node entry behind a reverse proxy (nginx, Caddy, a cloud load balancer) that ends TLS: the
// request the app sees is http://127.0.0.1:8787/..., while the browser is on https://lab.example.org.
// Trusting the proxy (TRUST_PROXY=N, the number of proxies in front), the app takes the scheme and
// host the browser used from X-Forwarded-Proto and X-Forwarded-Host (their first values, as
// Express does), so that the same-origin check passes, the session cookie is Secure and a
// kubeconfig names the public https URL; and the client's address from X-Forwarded-For (the N-th
// entry from the right: the one the outermost trusted proxy saw; entries left of it are whatever
// the client sent), so that rate limits count each learner and not the proxy. Without it these
// headers are ignored: anyone could send them.
import type { Context } from 'hono'

/** TRUST_PROXY's value: how many proxies are in front (0: none, the headers are not read). */
export function parseTrustProxy(value: string | undefined): number {
  const v = (value ?? '').trim().toLowerCase()
  if (v === '' || v === '0' || v === 'false' || v === 'no') return 0
  if (v === 'true' || v === 'yes') return 1
  if (/^[1-9]\d?$/.test(v)) return Number(v)
  throw new Error(
    `TRUST_PROXY must be a number of proxies in front of this server (1 for one nginx or Caddy), or true/false; got ${JSON.stringify(value)}`,
  )
}

const firstValue = (header: string | undefined) => header?.split(',')[0]?.trim() ?? ''

/** host or host:port, a name or an IPv4/IPv6 address: nothing that could change the URL's shape */
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/

/** The origin the browser used, as the proxy forwarded it; the request's own URL where it did not say. */
export function forwardedOrigin(c: Context): URL {
  const url = new URL(c.req.url)
  const proto = firstValue(c.req.header('x-forwarded-proto')).toLowerCase()
  const host = firstValue(c.req.header('x-forwarded-host'))
  // built whole: URL's host and protocol setters keep the request's port (127.0.0.1:8787's)
  const scheme = proto === 'http' || proto === 'https' ? `${proto}:` : url.protocol
  return new URL(`${scheme}//${HOST.test(host) ? host : url.host}${url.pathname}${url.search}`)
}

/**
 * The client's address behind `trust` proxies: the `trust`-th address of X-Forwarded-For counted
 * from the right, or the socket's peer when the header has fewer (a request that came past them).
 */
export function forwardedClientAddress(c: Context, trust: number, socketAddress: string): string {
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
  return hops[hops.length - trust] ?? socketAddress
}
