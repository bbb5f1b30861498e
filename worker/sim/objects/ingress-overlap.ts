// The webhook's overlap check (NX controller.go getBackendServers → updateServerLocations →
// checkOverlap/ingressForHostPath, INGRESS-FACTS I28): the nginx servers and locations the served
// Ingresses plus the new one would make, then who already owns the new Ingress's host+path.
// Kept faithful to upstream's quirks: the first service path that any Ingress owns decides
// (later paths are not looked at), and a path owned with another pathType does not clash.

import type { Ingress } from './ingress-types'

interface Location {
  path: string
  pathType: string
  owner?: Ingress
  /** still the server's default-backend location (no Ingress configured it) */
  def: boolean
}

type Servers = Map<string, Location[]>

const DEFAULT_SERVER = '_'
const CANARY = 'nginx.ingress.kubernetes.io/canary'

const rootLocation = (): Location => ({ path: '/', pathType: 'Prefix', def: true })

/** SetDefaultNGINXPathType: ImplementationSpecific (or none) is handled as Prefix. */
const nginxPathType = (t: string | undefined) => (t === 'Exact' ? 'Exact' : 'Prefix')

/** createServers: one server per host (`_` for rules without one); a rule-less defaultBackend owns `_` /. */
function createServers(ings: Ingress[]): Servers {
  const servers: Servers = new Map([[DEFAULT_SERVER, [rootLocation()]]])
  for (const ing of ings) {
    const root = servers.get(DEFAULT_SERVER)?.[0]
    if (ing.spec.defaultBackend?.service && !(ing.spec.rules ?? []).length && root?.def) {
      root.def = false
      root.owner = ing
    }
    for (const rule of ing.spec.rules ?? []) {
      const host = rule.host || DEFAULT_SERVER
      if (!servers.has(host)) servers.set(host, [rootLocation()])
    }
  }
  return servers
}

/** getBackendServers' location loop: the first Ingress to configure a path+pathType owns it. */
function addLocations(servers: Servers, ings: Ingress[]) {
  for (const ing of ings)
    for (const rule of ing.spec.rules ?? []) {
      if (!rule.http) continue
      const locs = servers.get(rule.host || DEFAULT_SERVER) ?? []
      for (const p of rule.http.paths ?? []) {
        if (!p.backend?.service) continue
        const path = p.path || '/'
        const pathType = nginxPathType(p.pathType)
        const same = locs.find((l) => l.path === path)
        if (!same || same.pathType !== pathType)
          locs.push({ path, pathType, owner: ing, def: false })
        else if (same.def) Object.assign(same, { owner: ing, def: false })
      }
    }
}

/** updateServerLocations: Prefix `/foo` becomes Exact `/foo` plus Prefix `/foo/` (I21). */
function splitPrefixLocations(locs: Location[]): Location[] {
  const exact = new Set(locs.filter((l) => l.pathType === 'Exact').map((l) => l.path))
  return locs.flatMap((l) => {
    if (l.path === '/' || l.pathType !== 'Prefix' || l.path.endsWith('/') || exact.has(l.path))
      return [l]
    return [
      { ...l, pathType: 'Exact' },
      { ...l, path: `${l.path}/` },
    ]
  })
}

/** GetBoolAnnotation("canary"): missing, true, or anything else. */
function canary(ing: Ingress): 'missing' | boolean {
  const v = ing.metadata.annotations?.[CANARY]
  if (v === undefined) return 'missing'
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)
}

const sameIngress = (a: Ingress, b: Ingress) =>
  a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name

/**
 * checkOverlap for `ing` against the configuration of `ings` (the served Ingresses in store order,
 * `ing` last): the denial text, or undefined.
 */
export function findOverlap(ing: Ingress, ings: Ingress[]): string | undefined {
  const servers = createServers(ings)
  addLocations(servers, ings)
  for (const [host, locs] of servers) servers.set(host, splitPrefixLocations(locs))
  for (const rule of ing.spec.rules ?? []) {
    if (!rule.http) continue
    const host = rule.host || DEFAULT_SERVER
    for (const p of rule.http.paths ?? []) {
      if (!p.backend?.service) continue
      const path = p.path || '/'
      const owners = (servers.get(host) ?? [])
        .filter((l) => l.path === path && !l.def && l.owner)
        .map((l) => l.owner as Ingress)
      if (owners.length === 0) continue
      if (owners.some((o) => sameIngress(o, ing))) return undefined
      const mine = canary(ing)
      for (const o of owners) {
        const theirs = canary(o)
        if ((mine === true && theirs === true) || (mine === 'missing' && theirs === 'missing'))
          return `host "${host}" and path "${path}" is already defined in ingress ${o.metadata.namespace}/${o.metadata.name}`
      }
      return undefined
    }
  }
  return undefined
}
