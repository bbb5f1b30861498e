// The warnings ingress-nginx logs while it builds its upstreams on every sync (INGRESS-FACTS I24;
// NX controller-v1.12.1 controller.go createUpstreams :1002-1135, serviceEndpoints :1180-1228):
// a backend Service that does not exist, or one with no ready endpoint, is named in the log each
// time the configuration is synced, which is where a learner looks after a 503. A backend port that
// matches no Service port is silent (the endpoint loop just finds nothing).
// Synced here: when a served Ingress was (re)synced, or when these warnings would change
// (endpoints came or went). Left out: the syncs other endpoint changes cause, which log the same
// lines again.
// TLS: the certificate warnings of the same sync come after these (ingress-nginx-certs.ts).

import type { Ingress, IngressServiceBackend } from '../objects/types'
import type { ClusterState, IngressNginxMemory } from '../state'
import { buildView, type NetView } from '../net/view'
import { resolveUpstream, upstreamName } from '../net/ingress-backend'
import { byIngressStoreOrder } from './ingress-nginx-class'
import { certificateWarnings } from './ingress-nginx-certs'

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

/** The warnings of one sync over the served Ingresses: upstreams, then servers (store order). */
export function upstreamWarnings(
  s: ClusterState,
  unsorted: Ingress[],
  mem: IngressNginxMemory,
  now: number,
): string[] {
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
  return [...out, ...certificateWarnings(mem, served, now)]
}
