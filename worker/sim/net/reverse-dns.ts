// PTR answers of CoreDNS's kubernetes plugin (kind's Corefile serves in-addr.arpa): a ClusterIP
// maps to its Service name, an endpoint address to `<dashed-ip>.<svc>.<ns>.svc.cluster.local`
// (or the endpoint's hostname). Other addresses fall through upstream and are NXDOMAIN here.

import type { ClusterState } from '../state'
import { CLUSTER_DOMAIN, isIPv4 } from './ip'
import { buildView } from './view'
import { headlessAddresses } from './endpoints'

/** `10.2.96.10.in-addr.arpa` for 10.96.2.10 (what nslookup/dig -x print). */
export function arpaName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`
}

/** The names an IP maps back to in cluster DNS, first one first; empty when NXDOMAIN. */
export function reverseLookup(s: ClusterState, ip: string): string[] {
  if (!isIPv4(ip)) return []
  const v = buildView(s)
  const svc = v.servicesByIP.get(ip)
  if (svc) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`]
  const out: string[] = []
  for (const service of v.services) {
    if (service.spec.type === 'ExternalName') continue
    if (!headlessAddresses(v, service).includes(ip)) continue
    const pod = v.podsByIP.get(ip)
    const host =
      pod?.spec?.subdomain === service.metadata.name && pod.spec.hostname
        ? pod.spec.hostname
        : ip.replace(/\./g, '-')
    out.push(`${host}.${service.metadata.name}.${service.metadata.namespace}.svc.${CLUSTER_DOMAIN}`)
  }
  return out
}
