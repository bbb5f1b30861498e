// The warnings ingress-nginx logs while it builds its upstreams on every sync (INGRESS-FACTS I24;
// NX controller-v1.12.1 controller.go createUpstreams :1002-1135, serviceEndpoints :1180-1228):
// a backend Service that does not exist, or one with no ready endpoint, is named in the log each
// time the configuration is synced, which is where a learner looks after a 503. A backend port that
// matches no Service port is silent (the endpoint loop just finds nothing).
// Synced here: when a served Ingress was (re)synced, or when these warnings would change
// (endpoints came or went). Left out: the syncs other endpoint changes cause, which log the same
// lines again.
// TLS: this cluster has no Secrets, so every tls secretName is missing; the controller says so
// when it reads the Ingress (store backend_ssl.go syncSecret) and, on every sync, for each host it
// gives the default certificate instead (controller.go createServers, extractTLSSecretName).

import type { Ingress, IngressServiceBackend } from '../objects/types'
import type { ClusterState } from '../state'
import { buildView, type NetView } from '../net/view'
import { resolveUpstream, upstreamName } from '../net/ingress-backend'
import { byIngressStoreOrder } from './ingress-nginx-class'

/** One backend's warnings as klog bodies (`controller.go:1219] ...`), if any. */
function backendWarnings(
  v: NetView,
  ns: string,
  b: IngressServiceBackend,
  isDefault: boolean,
): string[] {
  const up = resolveUpstream(v, ns, b)
  if (up.ok) return []
  const key = `${ns}/${b.name}`
  if (up.problem === 'missing') {
    const err = `no object matching key "${key}" in local store`
    return isDefault
      ? [
          `controller.go:1049] Error creating upstream "${up.name}": ${err}`,
          `controller.go:1055] Error obtaining Service "${key}": ${err}`,
        ]
      : [`controller.go:1113] Error obtaining Endpoints for Service "${key}": ${err}`]
  }
  if (up.problem === 'no-endpoints')
    return [`controller.go:1219] Service "${key}" does not have any active Endpoint.`]
  return []
}

/** The store's lines when it reads an Ingress whose tls names a Secret (none exists here). */
export function secretWarnings(ing: Ingress): string[] {
  const ns = ing.metadata.namespace ?? 'default'
  const names = new Set((ing.spec?.tls ?? []).map((t) => t.secretName ?? '').filter(Boolean))
  return [...names].map(
    (n) =>
      `backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key "${ns}/${n}" in local store`,
  )
}

const notFound = (key: string) => `local SSL certificate ${key} was not found`

/** createServers' certificate loop: the first Ingress with tls for a host decides its certificate. */
function certificateWarnings(served: Ingress[]): string[] {
  const done = new Set<string>(['_'])
  const out: string[] = []
  for (const ing of served) {
    const ns = ing.metadata.namespace ?? 'default'
    const tls = ing.spec?.tls ?? []
    for (const rule of ing.spec?.rules ?? []) {
      const host = rule.host || '_'
      if (done.has(host) || tls.length === 0) continue
      done.add(host)
      const listed = tls.find((t) => (t.hosts ?? []).some((h) => h.toLowerCase() === host))
      if (listed) {
        const key = `${ns}/${listed.secretName}`
        if (listed.secretName)
          out.push(
            `controller.go:1441] Error getting SSL certificate "${key}": ${notFound(key)}. Using default certificate`,
          )
        continue
      }
      for (const t of tls)
        if (t.secretName) {
          const key = `${ns}/${t.secretName}`
          out.push(`controller.go:1720] Error getting SSL certificate "${key}": ${notFound(key)}`)
        }
    }
  }
  return out
}

/** The warnings of one sync over the served Ingresses: upstreams, then servers (store order). */
export function upstreamWarnings(s: ClusterState, unsorted: Ingress[]): string[] {
  if (unsorted.length === 0) return []
  const served = [...unsorted].sort(byIngressStoreOrder)
  const v = buildView(s)
  const seen = new Set<string>()
  const out: string[] = []
  for (const ing of served) {
    const ns = ing.metadata.namespace ?? 'default'
    const def = ing.spec?.defaultBackend?.service
    if (def) {
      seen.add(upstreamName(ns, def))
      out.push(...backendWarnings(v, ns, def, true))
    }
    for (const rule of ing.spec?.rules ?? [])
      for (const p of rule.http?.paths ?? []) {
        const b = p.backend?.service
        if (!b || seen.has(upstreamName(ns, b))) continue
        seen.add(upstreamName(ns, b))
        out.push(...backendWarnings(v, ns, b, false))
      }
  }
  return [...out, ...certificateWarnings(served)]
}
