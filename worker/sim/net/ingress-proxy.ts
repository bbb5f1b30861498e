// A request that reached the ingress-nginx controller pod on :80/:443: nginx picks server and
// location from the served Ingresses, and proxies to one READY pod IP of the backend Service
// (round robin, the Lua balancer's default), from the controller pod's own IP (I25); or answers
// with its own 404/503 (I23, I24). Adds the ingress, service (endpoints) and backend pod hops.

import type { Pod } from '../objects/types'
import type { HttpRequest, HttpResponse, RouteResult } from './types'
import { listeningContainer } from './images'
import { podRef } from './start'
import { randomHex } from '../state'
import { header } from '../images/http-util'
import { podLabel, type Arrival, type Walk } from './walk'
import { buildIngressConfig, type IngressConfig, type IngressLocation } from './ingress-config'
import {
  normalizeHost,
  requestHost,
  requestPath,
  selectLocation,
  selectServer,
} from './ingress-match'
import { controllerPage, plainHttpToHttpsPort } from './ingress-pages'
import { explainNotFound, explainUpstream } from './ingress-explain'
import { resolveUpstream } from './ingress-backend'
import { proxyTo } from './ingress-upstream'
import { writeAccessLog } from './ingress-access-log'
import { locationRedirect, serverRedirect } from './ingress-redirect-answers'

type PodArrival = Arrival & { kind: 'pod' }

/** The ports where the controller's nginx answers (http, https, the default server). */
const NGINX_PORTS = new Set([80, 443, 8181])

/** Whether this arrival is for ingress-nginx's nginx rather than an image's fixed answer. */
export function isIngressNginxArrival(arrival: PodArrival): boolean {
  if (!NGINX_PORTS.has(arrival.port)) return false
  return listeningContainer(arrival.pod, arrival.port)?.image.server === 'ingress-nginx'
}

/** nginx inside the controller pod answering `req` (never throws). */
export function serveIngress(w: Walk, arrival: PodArrival, req: HttpRequest): Partial<RouteResult> {
  const controller = arrival.pod
  nodeHop(w, controller)
  w.hops.push({
    kind: 'pod',
    label: podLabel(controller, arrival.port),
    object: {
      kind: 'Pod',
      namespace: controller.metadata.namespace,
      name: controller.metadata.name,
    },
    ok: true,
    detail: 'ingress-nginx controller (nginx)',
  })
  const base: Partial<RouteResult> = {
    outcome: 'answered',
    pod: podRef(arrival),
    timeMs: arrival.ms + 1,
    clientIP: arrival.sourceIP,
  }
  const https = req.scheme === 'https'
  if (https && arrival.port !== 443) {
    const diagnosis = `Port ${arrival.port} of the ingress-nginx controller is plain HTTP; https goes to port 443.`
    return { ...base, tls: 'plain-server', cause: 'https-to-http', diagnosis }
  }
  if (!https && arrival.port === 443) return { ...base, response: plainHttpToHttpsPort(req, w.now) }
  const tls = https ? { tls: 'self-signed' as const } : {}
  if (arrival.port === 8181) return { ...base, ...tls, response: controllerPage(404, req, w.now) }
  const out = route(w, arrival, req)
  if (https && out.response) out.response = withHsts(out.response)
  return { ...base, ...tls, ...out }
}

/**
 * Every answer over https gets HSTS from ingress-nginx's header filter (lua_ingress.header: hsts,
 * hsts-max-age 31536000, hsts-include-subdomains are on by default; its certificate check is
 * the function itself, not a call, so it always passes), after the other headers.
 */
function withHsts(res: HttpResponse): HttpResponse {
  const value = 'max-age=31536000; includeSubDomains'
  return { ...res, headers: [...res.headers, ['Strict-Transport-Security', value]] }
}

/**
 * The load balancer hands the packet to a node with a controller pod (externalTrafficPolicy: Local
 * in the cloud manifest): shown as its own hop, so the trace reads LB -> node -> pod.
 */
function nodeHop(w: Walk, pod: Pod): void {
  if (w.hops[w.hops.length - 1]?.kind !== 'loadbalancer') return
  const node = w.v.nodes.find((n) => n.name === pod.spec?.nodeName)
  if (!node) return
  w.hops.push({
    kind: 'network',
    label: `node ${node.name} (${node.ip})`,
    object: { kind: 'Node', name: node.name },
    ok: true,
    detail: 'a node that runs the controller pod',
  })
}

function route(w: Walk, arrival: PodArrival, req: HttpRequest): Partial<RouteResult> {
  const config = buildIngressConfig(w.s)
  const requestId = header(req, 'X-Request-ID') ?? (w.probe ? '0'.repeat(32) : randomHex(w.s, 32))
  const logged = { ...req, headers: { ...req.headers, 'X-Request-ID': requestId } }
  const host = normalizeHost(requestHost(req))
  const uri = requestPath(req)
  const server = selectServer(config, host)
  const early = serverRedirect(config, server, req, host, uri, w.now)
  const loc = early ? undefined : selectLocation(server, uri)
  const redirected = early ?? locationRedirect(config, server, loc, req, host, w.now)
  if (redirected) {
    const { response, upstream, why } = redirected
    const to = response.headers.find(([k]) => k === 'Location')?.[1] ?? ''
    w.hops.push({
      kind: 'ingress',
      label: `${host}${uri}: ${response.status}${to ? ` to ${to}` : ''}`,
      object: loc?.ingress ? { kind: 'Ingress', ...loc.ingress } : undefined,
      ok: true,
      detail: why.cause,
    })
    return answer(w, arrival, logged, response, [upstream, ''], why)
  }
  const ing = loc?.ingress
  const b = loc?.backend?.service
  if (!loc || !ing || !b) {
    w.hops.push({
      kind: 'ingress',
      label: `${host}${uri}: no rule`,
      ok: false,
      detail: server.name === '_' ? 'default server _' : `server ${server.name}`,
    })
    const why = explainNotFound(config, server, host, uri)
    const res = controllerPage(404, req, w.now)
    return answer(w, arrival, logged, res, ['upstream-default-backend', '127.0.0.1:8181'], why)
  }
  w.hops.push(ruleHop(loc, server.name, b.name, b.port?.number ?? b.port?.name))
  const up = resolveUpstream(w.v, ing.namespace, b)
  if (!up.ok) {
    const why = explainUpstream(w.v, ing.name, ing.namespace, b, up)
    w.hops.push({
      kind: 'service',
      label: `${b.name}: no endpoints`,
      object: up.svc ? { kind: 'Service', namespace: ing.namespace, name: b.name } : undefined,
      ok: false,
      detail: why.cause,
    })
    return answer(w, arrival, logged, controllerPage(503, req, w.now), [up.name, ''], why)
  }
  const proxied = proxyTo(w, arrival, req, loc, up, requestId)
  const why = proxied.why ?? addressNote(config, ing)
  const upstream: [string, string] = [up.name, proxied.upstreamAddr]
  return answer(w, arrival, logged, proxied.response, upstream, why, proxied.backend)
}

function ruleHop(
  loc: IngressLocation,
  server: string,
  svc: string,
  port: number | string | undefined,
) {
  const where = loc.implicit ? 'defaultBackend' : `${loc.path} (${loc.pathType})`
  return {
    kind: 'ingress' as const,
    label: `${loc.ingress?.name}: ${server === '_' ? '*' : server} ${where} -> ${svc}:${port ?? '?'}`,
    object: { kind: 'Ingress', namespace: loc.ingress?.namespace, name: loc.ingress?.name ?? '' },
    ok: true,
    detail: loc.implicit
      ? 'spec.defaultBackend'
      : `spec.rules[${loc.rule}].http.paths[${loc.index}]`,
  }
}

/** A served Ingress whose ADDRESS is still blank: worth saying on success (I19). */
function addressNote(config: IngressConfig, ref: { namespace: string; name: string }) {
  const ing = config.served.find(
    (i) => i.metadata.name === ref.name && (i.metadata.namespace ?? 'default') === ref.namespace,
  )
  if (!ing || (ing.status?.loadBalancer?.ingress ?? []).length > 0) return undefined
  return {
    cause: 'ingress-address-pending',
    diagnosis: `Ingress ${ref.name} already routes (nginx reloads as soon as it is synced), but its ADDRESS is still empty: ingress-nginx writes the load balancer's IP into Ingress status on its next status sync, every 60 seconds.`,
  }
}

function answer(
  w: Walk,
  arrival: PodArrival,
  req: HttpRequest,
  response: HttpResponse,
  [upstream, upstreamAddr]: [string, string],
  why: { cause: string; diagnosis: string } | undefined,
  backend?: { pod: Pod; port: number },
): Partial<RouteResult> {
  if (!w.probe) writeAccessLog(w, arrival, req, response, { upstream, upstreamAddr })
  const out: Partial<RouteResult> = { response, ...(why ?? {}) }
  if (backend) {
    const pod = backend.pod
    out.pod = {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      ip: pod.status?.podIP ?? '',
      port: backend.port,
    }
    out.timeMs = arrival.ms + 2
  }
  return out
}
