// The controller's access log line for every request nginx answered (kubectl logs of the
// controller pod shows who asked, which upstream and which pod served it).

import type { HttpRequest, HttpResponse } from './types'
import type { Arrival, Walk } from './walk'
import { appendLog } from './images'
import { accessLogLine } from '../controllers/ingress-nginx-log'
import { header } from '../images/http-util'
import { utf8Length } from '../utf8'

/** Appends the upstreaminfo line for `req` to the controller container's log. */
export function writeAccessLog(
  w: Walk,
  arrival: Arrival & { kind: 'pod' },
  req: HttpRequest,
  res: HttpResponse,
  up: { upstream: string; upstreamAddr: string },
): void {
  const requestLine = `${req.method} ${req.path} HTTP/1.1`
  let requestLength = requestLine.length + 4
  for (const [k, v] of Object.entries(req.headers)) requestLength += k.length + v.length + 4
  const line = accessLogLine({
    remoteAddr: arrival.sourceIP,
    at: w.now,
    requestLine,
    status: res.status,
    bodyBytes: utf8Length(res.body),
    referer: header(req, 'Referer') ?? '-',
    userAgent: header(req, 'User-Agent') ?? '-',
    requestLength,
    upstream: up.upstream,
    upstreamAddr: up.upstreamAddr,
    upstreamStatus: String(res.status),
    requestId: header(req, 'X-Request-ID') ?? '-',
  })
  appendLog(w.s, arrival.pod.metadata.uid, 'controller', line)
}
