// The proxied leg of an Ingress request: the Lua balancer's round robin over the upstream's ready
// pod IPs, the request nginx sends (INGRESS-FACTS I26 headers, I27 rewrite-target), from the
// controller pod's IP, and the backend's answer re-emitted by nginx; 502 when nothing listens on
// the endpoint's port, 504 when no pod has the endpoint's IP any more.

import type { Pod } from '../objects/types'
import type { HttpRequest, HttpResponse } from './types'
import { serveHttp } from './images'
import { podLabel, type Arrival, type Walk } from './walk'
import type { Endpoint } from './endpoints'
import type { IngressLocation } from './ingress-config'
import type { Upstream } from './ingress-backend'
import { rewritePath } from './ingress-match'
import { controllerPage, proxiedResponse } from './ingress-pages'
import { header } from '../images/http-util'

export interface Proxied {
  response: HttpResponse
  upstreamAddr: string
  backend?: { pod: Pod; port: number }
  why?: { cause: string; diagnosis: string }
}

/** Round robin per upstream (resty.roundrobin); probes take the first endpoint and remember nothing. */
function pick(w: Walk, up: Upstream & { ok: true }): Endpoint {
  const n = up.endpoints.length
  if (w.probe) return up.endpoints[0] as Endpoint
  w.s.runtime.ingressNginx ??= { synced: {}, ignored: {}, rr: {} }
  const rr = w.s.runtime.ingressNginx.rr
  const i = (rr[up.name] ?? 0) % n
  rr[up.name] = (i + 1) % n
  return up.endpoints[i] as Endpoint
}

/** The request the backend receives: Host and the client's headers kept, nginx's X-* added (I26). */
export function upstreamRequest(
  req: HttpRequest,
  loc: IngressLocation,
  remoteAddr: string,
  requestId: string,
  ep: Endpoint,
): HttpRequest {
  const host = header(req, 'Host') ?? req.host
  const headers: Record<string, string> = {
    Host: host,
    'X-Request-ID': requestId,
    'X-Real-IP': remoteAddr,
    'X-Forwarded-For': remoteAddr,
    'X-Forwarded-Host': host,
    'X-Forwarded-Port': req.scheme === 'https' ? '443' : '80',
    'X-Forwarded-Proto': req.scheme ?? 'http',
    'X-Forwarded-Scheme': req.scheme ?? 'http',
    'X-Scheme': req.scheme ?? 'http',
  }
  const xff = header(req, 'X-Forwarded-For')
  if (xff !== undefined) headers['X-Original-Forwarded-For'] = xff
  const replaced = new Set(
    [...Object.keys(headers), 'Connection', 'Proxy'].map((k) => k.toLowerCase()),
  )
  for (const [k, v] of Object.entries(req.headers))
    if (!replaced.has(k.toLowerCase())) headers[k] = v
  return {
    ...req,
    host: ep.ip,
    port: ep.port,
    path: rewritePath(loc, req),
    headers,
    scheme: 'http',
  }
}

/** Sends the request on to one endpoint of `up`, adding the Service and backend pod hops. */
export function proxyTo(
  w: Walk,
  arrival: Arrival & { kind: 'pod' },
  req: HttpRequest,
  loc: IngressLocation,
  up: Upstream & { ok: true },
  requestId: string,
): Proxied {
  const ep = pick(w, up)
  const n = up.endpoints.length
  w.hops.push({
    kind: 'service',
    label: `${up.svc.metadata.name} endpoints -> ${ep.ip}:${ep.port}`,
    object: { kind: 'Service', namespace: up.svc.metadata.namespace, name: up.svc.metadata.name },
    ok: true,
    detail: `upstream ${up.name}: ${n} ready endpoint${n === 1 ? '' : 's'} (pod IPs; the ClusterIP is not used)`,
  })
  const upstreamAddr = `${ep.ip}:${ep.port}`
  const pod = w.v.podsByIP.get(ep.ip)
  const controllerIP = arrival.pod.status?.podIP ?? ''
  if (!pod) {
    w.hops.push({ kind: 'network', label: upstreamAddr, ok: false, detail: 'no such pod' })
    const diagnosis = `ingress-nginx tried ${upstreamAddr}, an address no pod has any more, and gave up after proxy_connect_timeout: 504.`
    const response = controllerPage(504, req, w.now)
    return { response, upstreamAddr, why: { cause: 'ingress-upstream-timeout', diagnosis } }
  }
  const forward = upstreamRequest(req, loc, arrival.sourceIP, requestId, ep)
  const opts = { now: w.now, clientIP: controllerIP, probe: w.probe }
  const served = serveHttp(w.s, pod, ep.port, forward, opts)
  const podObj = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }
  if (!served?.response) {
    const what = served ? 'is not an HTTP server' : 'has nothing listening (connection refused)'
    w.hops.push({
      kind: 'pod',
      label: podLabel(pod, ep.port),
      object: podObj,
      ok: false,
      detail: what,
    })
    const diagnosis = `ingress-nginx connected to ${pod.metadata.name} at ${upstreamAddr}, but that port ${what}, so nginx answered 502 Bad Gateway. The Service's targetPort must be the port the container listens on.`
    const response = controllerPage(502, req, w.now)
    return { response, upstreamAddr, why: { cause: 'ingress-upstream-refused', diagnosis } }
  }
  w.hops.push({
    kind: 'pod',
    label: podLabel(pod, ep.port),
    object: podObj,
    ok: true,
    detail: `container ${served.container}; client ${controllerIP} (the controller pod)`,
  })
  const response = proxiedResponse(served.response, w.now)
  return { response, upstreamAddr, backend: { pod, port: ep.port } }
}
