// What the `ingress` lab's checks read: requests from the workstation that went through the
// ingress-nginx load balancer, the Ingress rule each matched (looked up from the hop's object and
// field path, not from text), the backend Service and the controller's own answers (cause ids).

import type { Ingress, Service } from '../sim/objects/types'
import type { Hop } from '../sim/net/types'
import { getObject, objectsOfKind, type ClusterState } from '../sim/state'
import { fromWorkstation, memAdd, memList, memoryForThisCluster, requestsOf } from './checks'
import type { SeenRequest } from './checks'
import type { CheckContext } from './types'

export const CONTROLLER_SVC = 'ingress-nginx-controller'
export const CONTROLLER_NS = 'ingress-nginx'

/** The controller's EXTERNAL-IP, once the load balancer has one. */
export function controllerLB(s: ClusterState): string | undefined {
  const svc = getObject<Service>(s, 'Service', CONTROLLER_NS, CONTROLLER_SVC)
  return svc?.status?.loadBalancer?.ingress?.[0]?.ip
}

/** The request came in through the controller's LoadBalancer IP. */
export function viaControllerLB(r: SeenRequest): boolean {
  return r.hops.some((h) => h.ok && h.kind === 'loadbalancer' && h.object?.name === CONTROLLER_SVC)
}

export interface MatchedRule {
  ingress: string
  host: string
  path: string
  service: string
}

/** The rule the controller matched for this request, read back from the Ingress object. */
export function matchedRule(s: ClusterState, r: SeenRequest): MatchedRule | undefined {
  const hop = r.hops.find((h: Hop) => h.ok && h.kind === 'ingress')
  if (!hop?.object) return undefined
  const ing = getObject<Ingress>(s, 'Ingress', hop.object.namespace ?? 'default', hop.object.name)
  const m = /^spec\.rules\[(\d+)\]\.http\.paths\[(\d+)\]$/.exec(hop.detail ?? '')
  if (!ing || !m) return undefined
  const rule = ing.spec.rules?.[Number(m[1])]
  const path = rule?.http?.paths[Number(m[2])]
  const service = path?.backend.service?.name
  if (!rule || !path || !service) return undefined
  return { ingress: ing.metadata.name, host: rule.host ?? '', path: path.path ?? '', service }
}

/** Requests of the command just run that reached a backend pod through a rule, from outside. */
export function routedFromOutside(ctx: CheckContext): MatchedRule[] {
  const out: MatchedRule[] = []
  for (const r of requestsOf(ctx.last)) {
    if (!fromWorkstation(r) || !viaControllerLB(r) || r.outcome !== 'answered') continue
    const last = r.hops[r.hops.length - 1]
    if (last?.kind !== 'pod' || !last.ok) continue
    const rule = matchedRule(ctx.state, r)
    if (rule) out.push(rule)
  }
  return out
}

/** A request the controller answered itself with one of these causes (its 404/503). */
export function controllerAnswered(ctx: CheckContext, causes: string[]): boolean {
  return requestsOf(ctx.last).some(
    (r) => r.outcome === 'answered' && viaControllerLB(r) && causes.includes(r.cause ?? ''),
  )
}

/** Ingresses nothing serves because they have no class (noted while they exist). */
function classless(s: ClusterState): string[] {
  return objectsOfKind<Ingress>(s, 'Ingress')
    .filter(
      (i) => !i.spec?.ingressClassName && !i.metadata.annotations?.['kubernetes.io/ingress.class'],
    )
    .map((i) => i.metadata.name)
}

/** Notes what the tasks compare across commands: rules reached, Ingresses seen ignored. */
export function observeIngress(ctx: CheckContext): void {
  memoryForThisCluster(ctx, ['ingress.routes', 'ingress.ignored'])
  for (const rule of routedFromOutside(ctx))
    memAdd(ctx.memory, 'ingress.routes', `${rule.host}|${rule.path}|${rule.service}`)
  const ignored = classless(ctx.state)
  if (ignored.length) memAdd(ctx.memory, 'ingress.ignored', ...ignored)
}

export interface Route {
  host: string
  path: string
  service: string
}

export function routesSeen(memory: Record<string, unknown>): Route[] {
  return memList(memory, 'ingress.routes').map((k) => {
    const [host = '', path = '', service = ''] = k.split('|')
    return { host, path, service }
  })
}

/** Two Services reached through rules of two different hosts. */
export function twoHostsTwoServices(routes: Route[]): boolean {
  const named = routes.filter((r) => r.host !== '')
  return named.some((a) => named.some((b) => a.host !== b.host && a.service !== b.service))
}

/** Two Services reached through two paths of the same host. */
export function twoPathsOneHost(routes: Route[]): boolean {
  return routes.some((a) =>
    routes.some((b) => a.host === b.host && a.path !== b.path && a.service !== b.service),
  )
}
