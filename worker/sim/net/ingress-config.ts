// The nginx configuration ingress-nginx renders from the Ingresses it serves, reduced to what
// routing needs (INGRESS-FACTS I20-I22, I27; NX controller.go createServers, location.go,
// template.go buildLocation): one server per host (host-less rules in the catch-all `_`),
// locations per path, an implicit root location per server, regex mode per host.

import type { Ingress, IngressBackend, IngressPathType } from '../objects/types'
import type { ClusterState } from '../state'
import {
  allIngresses,
  byIngressStoreOrder,
  servedByNginx,
  type ServedVerdict,
} from '../controllers/ingress-nginx-class'
import { parseGoBool } from '../go-bool'

export const REWRITE_TARGET = 'nginx.ingress.kubernetes.io/rewrite-target'
export const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex'

export interface IngressRef {
  namespace: string
  name: string
}

export interface IngressLocation {
  /** the path as written (ImplementationSpecific's empty path becomes `/`) */
  path: string
  /** the pathType as written */
  pathType: IngressPathType
  /** how nginx matches it: `= path`, a prefix (`path/` plus `= path`), or `~* "^path"` */
  match: 'exact' | 'prefix' | 'regex'
  /** undefined: the controller's default backend (its 404) */
  backend?: IngressBackend
  ingress?: IngressRef
  rule?: number
  index?: number
  rewriteTarget?: string
  /** the root location every server gets (`location /` -> default backend) */
  implicit?: boolean
}

export interface IngressServer {
  /** the host, or `_` for the catch-all default server */
  name: string
  wildcard: boolean
  /** rewrite-target or use-regex on any of its Ingresses: every location is a regex (I21) */
  regex: boolean
  locations: IngressLocation[]
  /** the Ingresses that contributed rules, oldest first */
  ingresses: IngressRef[]
  /** spec.defaultBackend of the first Ingress with rules for this host (I22) */
  fallback?: { backend: IngressBackend; ingress: IngressRef }
}

export interface IngressConfig {
  servers: IngressServer[]
  /** Ingresses the controller does not serve, with why */
  ignored: { ingress: Ingress; verdict: ServedVerdict & { served: false } }[]
  served: Ingress[]
}

function refOf(ing: Ingress): IngressRef {
  return { namespace: ing.metadata.namespace ?? 'default', name: ing.metadata.name }
}

/** The configuration of the served Ingresses in store order (a duplicate host+path keeps the first). */
export function buildIngressConfig(s: ClusterState): IngressConfig {
  const config: IngressConfig = { servers: [], ignored: [], served: [] }
  const byName = new Map<string, IngressServer>()
  const server = (name: string) => {
    let srv = byName.get(name)
    if (!srv) {
      srv = { name, wildcard: name.startsWith('*.'), regex: false, locations: [], ingresses: [] }
      byName.set(name, srv)
    }
    return srv
  }
  server('_')
  for (const ing of [...allIngresses(s)].sort(byIngressStoreOrder)) {
    const verdict = servedByNginx(s, ing)
    if (!verdict.served) config.ignored.push({ ingress: ing, verdict })
    else {
      config.served.push(ing)
      addIngress(ing, server)
    }
  }
  for (const srv of byName.values()) addRoot(srv, byName.get('_') as IngressServer)
  // ingress-nginx sorts servers by hostname; regex server names are tried in that order
  config.servers = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  return config
}

function addIngress(ing: Ingress, server: (name: string) => IngressServer): void {
  const ref = refOf(ing)
  const annotations = ing.metadata.annotations ?? {}
  const rewriteTarget = annotations[REWRITE_TARGET]
  // GetBoolAnnotation reads it with Go's ParseBool: "True" and "1" turn it on too
  const regex = parseGoBool(annotations[USE_REGEX]) === true || rewriteTarget !== undefined
  const rules = ing.spec?.rules ?? []
  const catchAll = server('_')
  if (rules.length === 0 && ing.spec?.defaultBackend && !catchAll.fallback)
    catchAll.fallback = { backend: ing.spec.defaultBackend, ingress: ref }
  rules.forEach((rule, ri) => {
    const srv = server(rule.host || '_')
    // createServers: the first Ingress naming a host builds its root location, fallback or not
    const first = srv.ingresses.length === 0
    if (!srv.ingresses.some((r) => r.namespace === ref.namespace && r.name === ref.name))
      srv.ingresses.push(ref)
    if (regex) srv.regex = true
    if (first && ing.spec?.defaultBackend && srv.name !== '_')
      srv.fallback = { backend: ing.spec.defaultBackend, ingress: ref }
    ;(rule.http?.paths ?? []).forEach((p, pi) => {
      // SetDefaultNGINXPathType: ImplementationSpecific is stored as Prefix, '' as '/'
      const path = p.path || '/'
      const exact = p.pathType === 'Exact'
      if (srv.locations.some((l) => l.path === path && (l.match === 'exact') === exact)) return
      srv.locations.push({
        path,
        pathType: p.pathType,
        match: exact ? 'exact' : 'prefix',
        backend: p.backend,
        ingress: ref,
        rule: ri,
        index: pi,
        rewriteTarget,
      })
    })
  })
}

/** Every server gets `location /` -> its fallback (or the catch-all's, for `_`), else the 404. */
function addRoot(srv: IngressServer, catchAll: IngressServer): void {
  if (srv.regex) for (const l of srv.locations) l.match = 'regex'
  if (srv.locations.some((l) => l.path === '/' && l.match !== 'exact')) return
  const fallback = srv.name === '_' ? catchAll.fallback : srv.fallback
  srv.locations.push({
    path: '/',
    pathType: 'Prefix',
    match: srv.regex ? 'regex' : 'prefix',
    backend: fallback?.backend,
    ingress: fallback?.ingress,
    implicit: true,
  })
}
