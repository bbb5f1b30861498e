// The load-balancer controller of a kind cluster (cloud-provider-kind's service controller):
// a LoadBalancer Service gets status.loadBalancer.ingress [{ip, ipMode: VIP}] from
// 172.18.255.200-250 (lowest free first). With the controller switched off the status stays
// empty and kubectl shows <pending>. A Service that stops being a LoadBalancer loses it.

import { objectsOf } from './util'
import type { Service } from '../objects/types'
import { putObject, type ClusterState } from '../state'
import { recordEvent } from './events'

const SOURCE = { component: 'service-controller' }

function freeIP(taken: Set<string>): string | undefined {
  for (let n = 200; n <= 250; n++) if (!taken.has(`172.18.255.${n}`)) return `172.18.255.${n}`
  return undefined
}

/** Assigns or clears load-balancer ingress; returns true when anything was written. */
export function reconcileLoadBalancers(s: ClusterState, now: number): boolean {
  const services = objectsOf<Service>(s, 'Service')
  const taken = new Set<string>()
  for (const svc of services)
    for (const i of svc.status?.loadBalancer?.ingress ?? []) if (i.ip) taken.add(i.ip)
  let changed = false
  for (const svc of services) {
    const ingress = svc.status?.loadBalancer?.ingress ?? []
    if (svc.spec.type !== 'LoadBalancer') {
      if (ingress.length === 0) continue
      svc.status = { loadBalancer: {} }
      putObject(s, svc)
      changed = true
      continue
    }
    if (ingress.length > 0 || !s.runtime.loadBalancerController) continue
    const wanted = svc.spec.loadBalancerIP
    const ip =
      wanted && /^172\.18\.255\.(2[0-4]\d|250)$/.test(wanted) && !taken.has(wanted)
        ? wanted
        : freeIP(taken)
    if (!ip) continue
    taken.add(ip)
    recordEvent(
      s,
      svc,
      {
        type: 'Normal',
        reason: 'EnsuringLoadBalancer',
        message: 'Ensuring load balancer',
        source: SOURCE,
      },
      now,
    )
    svc.status = { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } }
    putObject(s, svc)
    recordEvent(
      s,
      svc,
      {
        type: 'Normal',
        reason: 'EnsuredLoadBalancer',
        message: 'Ensured load balancer',
        source: SOURCE,
      },
      now,
    )
    changed = true
  }
  return changed
}
