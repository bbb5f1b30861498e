// route(): one HTTP request walked through the simulated network as packets would go
// (DESIGN.md "The network"): origin, DNS, kube-proxy, the pod, and the image's answer, with
// hops for the map and a learner-readable diagnosis whenever something fails or surprises.

import type { ClusterState } from '../state'
import type { HttpRequest, Origin, RouteResult } from './types'
import { apiServerAnswer } from './api-server'
import { listeningContainer, serveHttp } from './images'
import { explainRefused } from './refused'
import { isIngressNginxArrival, serveIngress } from './ingress-proxy'
import { failure, podRef, walkTo } from './start'
import { podLabel, type Arrival, type Walk } from './walk'

export interface RouteOptions {
  now: number
  /** grading and health probes: no randomness drawn, no log lines, no affinity written */
  probe?: boolean
}

type PodArrival = Arrival & { kind: 'pod' }

/**
 * Sends `request` from `origin` and returns what happened. Never throws for bad input. Leaves
 * out TLS details (any https listener but the API server is `tls: 'plain-server'`), IPv6, UDP.
 */
export function route(
  s: ClusterState,
  origin: Origin,
  request: HttpRequest,
  opts: RouteOptions,
): RouteResult {
  const walked = walkTo(s, origin, request.host, request.port, opts)
  if ('done' in walked) return walked.done
  const { w, base, arrival } = walked
  if (arrival.kind === 'fail') return { ...base, ...failure(arrival) }
  if (arrival.kind === 'apiserver') return { ...base, ...fromApiServer(w, arrival, request) }
  return { ...base, ...fromPod(w, arrival, request) }
}

function fromApiServer(
  w: Walk,
  arrival: Arrival & { kind: 'apiserver' },
  req: HttpRequest,
): Partial<RouteResult> {
  const result: Partial<RouteResult> = {
    outcome: 'answered',
    response: apiServerAnswer(req, w.now),
    timeMs: arrival.ms,
    clientIP: arrival.sourceIP,
  }
  if (req.scheme === 'https') return { ...result, tls: 'ok' }
  return {
    ...result,
    cause: 'plain-http-to-https',
    diagnosis:
      'kube-apiserver speaks only HTTPS: a plain http:// request gets 400. Use https:// (curl -k, since its certificate is signed by the cluster CA).',
  }
}

function fromPod(w: Walk, arrival: PodArrival, req: HttpRequest): Partial<RouteResult> {
  if (isIngressNginxArrival(arrival)) return serveIngress(w, arrival, req)
  const { pod, port } = arrival
  const https = req.scheme === 'https'
  const opts = { now: w.now, clientIP: arrival.sourceIP, probe: w.probe }
  // one catalogue lookup per request: serveHttp finds the listener itself
  const served = https ? listenerOnly(arrival) : serveHttp(w.s, pod, port, req, opts)
  if (!served && arrival.forwardedFrom) {
    // kubectl accepted the local connection; the pod side failed: curl sees an empty reply
    w.hops.push({
      kind: 'pod',
      label: podLabel(pod, port),
      object: podObject(arrival),
      ok: false,
      detail: 'connection refused',
    })
    return {
      outcome: 'answered',
      pod: podRef(arrival),
      ...explainRefused(w, arrival),
      timeMs: arrival.ms,
    }
  }
  if (!served) {
    w.hops.push({
      kind: 'pod',
      label: podLabel(pod, port),
      object: podObject(arrival),
      ok: false,
      detail: 'connection refused',
    })
    return {
      outcome: 'refused',
      pod: podRef(arrival),
      ...explainRefused(w, arrival),
      timeMs: arrival.ms,
    }
  }
  const detail = `container ${served.container}`
  w.hops.push({
    kind: 'pod',
    label: podLabel(pod, port),
    object: podObject(arrival),
    ok: true,
    detail,
  })
  const result: Partial<RouteResult> = {
    outcome: 'answered',
    pod: podRef(arrival),
    timeMs: arrival.ms + 1,
    clientIP: arrival.sourceIP,
  }
  if (https) {
    const diagnosis = `${pod.metadata.name} serves plain HTTP on port ${port}; an https:// request fails the TLS handshake. Use http://.`
    return { ...result, tls: 'plain-server', cause: 'https-to-http', diagnosis }
  }
  if (!served.response) {
    const diagnosis = `Port ${port} of ${pod.metadata.name} is not an HTTP server; it closed the connection without an HTTP answer.`
    return { ...result, cause: 'not-http', diagnosis }
  }
  return { ...result, response: served.response, diagnosis: balancingNote(w, arrival) }
}

function listenerOnly(arrival: PodArrival): { container: string; response: undefined } | undefined {
  const found = listeningContainer(arrival.pod, arrival.port)
  return found ? { container: found.container.name, response: undefined } : undefined
}

function podObject(a: PodArrival): { kind: string; namespace?: string; name: string } {
  return { kind: 'Pod', namespace: a.pod.metadata.namespace, name: a.pod.metadata.name }
}

/** Worth telling on success: affinity pinning, or which of several endpoints answered. */
function balancingNote(w: Walk, arrival: PodArrival): string | undefined {
  const via = arrival.via
  if (!via) return undefined
  const svc = via.svc.metadata.name
  const pod = arrival.pod.metadata.name
  if (via.pinned) {
    return `Service ${svc} has sessionAffinity: ClientIP, so every connection from ${w.clientIP} goes to the same endpoint (${pod}) while the affinity lasts.`
  }
  if (via.choices < 2 || w.probe) return undefined
  return `Service ${svc} sent this connection to ${pod} (${arrival.pod.status?.podIP}:${arrival.port}), picked at random among ${via.choices} ready endpoints; the next request may reach another pod.`
}
