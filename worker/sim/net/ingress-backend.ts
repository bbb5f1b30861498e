// The upstream of one Ingress backend as ingress-nginx builds it (INGRESS-FACTS I24, I25; NX
// controller.go createUpstreams/serviceEndpoints, endpointslices.go): the Service's port matched by
// port number, targetPort or name; its EndpointSlices' READY addresses with the target port, i.e.
// pod IPs, never the ClusterIP (headless Services work the same). No endpoint -> 503.
// Left out: ExternalName Services (ingress-nginx resolves them; here they get no endpoints) and
// the service-upstream annotation.

import type { IngressServiceBackend, Service, ServicePort } from '../objects/types'
import { endpointsFor, type Endpoint, type ServicePortEndpoints } from './endpoints'
import { findService, type NetView } from './view'

export type Upstream =
  | { ok: true; svc: Service; sp: ServicePort; name: string; endpoints: Endpoint[] }
  | {
      ok: false
      problem: 'missing' | 'no-port' | 'external-name' | 'no-endpoints'
      svc?: Service
      sp?: ServicePort
      eps?: ServicePortEndpoints
      name: string
    }

/** `default-web-80`: the upstream name in nginx.conf and the access log. */
export function upstreamName(namespace: string, b: IngressServiceBackend): string {
  const port = b.port?.number ?? b.port?.name ?? ''
  return `${namespace}-${b.name}-${port}`
}

/** The Service port a backend names: by port, targetPort, or port name (createUpstreams). */
export function backendServicePort(
  svc: Service,
  b: IngressServiceBackend,
): ServicePort | undefined {
  const want = String(b.port?.number ?? b.port?.name ?? '')
  return (svc.spec.ports ?? []).find(
    (p) =>
      String(p.port) === want ||
      (p.targetPort !== undefined && String(p.targetPort) === want) ||
      (p.name !== undefined && p.name === want),
  )
}

/** Resolves a backend of an Ingress in `namespace` to its ready endpoints. */
export function resolveUpstream(v: NetView, namespace: string, b: IngressServiceBackend): Upstream {
  const name = upstreamName(namespace, b)
  const svc = findService(v, namespace, b.name)
  if (!svc) return { ok: false, problem: 'missing', name }
  if (svc.spec.type === 'ExternalName') return { ok: false, problem: 'external-name', svc, name }
  const sp = backendServicePort(svc, b)
  if (!sp) return { ok: false, problem: 'no-port', svc, name }
  const eps = endpointsFor(v, svc, sp)
  const ready = eps.all.filter((e) => e.ready && !e.terminating)
  const seen = new Set<string>()
  const endpoints = ready.filter((e) => {
    const k = `${e.ip}:${e.port}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
  if (endpoints.length === 0) return { ok: false, problem: 'no-endpoints', svc, sp, eps, name }
  return { ok: true, svc, sp, name, endpoints }
}
