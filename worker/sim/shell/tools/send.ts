// Sending a request through the simulated network and recording it in the line's trace.

import type { HttpRequest, Origin, RouteResult } from '../../net/types'
import type { Proc } from '../host'
import { connect } from '../../net/connect'
import { route } from '../../net/route'
import { hostsFileAddress } from './hosts-file'

/** Routes one HTTP request from the host the program runs on; the trace gets one entry. */
export function sendHttp(p: Proc, req: HttpRequest): RouteResult {
  // /etc/hosts comes before DNS: connect to its address, the Host header keeps the name
  const pinned = hostsFileAddress(p, req.host)
  const sent = pinned ? { ...req, host: pinned } : req
  let r = route(p.ctx.s, p.host.origin, sent, { now: p.ctx.now })
  if (pinned) r = { ...r, fqdn: req.host, addresses: [pinned] }
  const port = req.port === (req.scheme === 'https' ? 443 : 80) ? '' : `:${req.port}`
  traceEntry(
    p,
    p.host.origin,
    `${req.method} ${req.scheme ?? 'http'}://${req.host}${port}${req.path}`,
    r,
  )
  return r
}

/**
 * Opens one TCP connection from the host the program runs on (`nc`), /etc/hosts before DNS as for
 * HTTP; the trace gets one entry.
 */
export function connectTcp(p: Proc, host: string, port: number) {
  const pinned = hostsFileAddress(p, host)
  const r = connect(p.ctx.s, p.host.origin, pinned ?? host, port, { now: p.ctx.now })
  traceEntry(p, p.host.origin, `TCP ${host}:${port}`, r)
  return r
}

/** Adds one request (HTTP, DNS, ping, TCP) to the line's trace for the map and the grader. */
export function traceEntry(
  p: Proc,
  from: Origin,
  request: string,
  r: Pick<RouteResult, 'outcome' | 'hops' | 'diagnosis' | 'cause'>,
): void {
  p.ctx.trace.push({
    from,
    request,
    outcome: r.outcome,
    hops: r.hops,
    diagnosis: r.diagnosis,
    cause: r.cause,
  })
}
