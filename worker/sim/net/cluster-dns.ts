// The cluster.local zone as CoreDNS's kubernetes plugin serves it (plugin/kubernetes/kubernetes.go
// Records): Service A records, headless endpoint addresses, ExternalName CNAMEs, `pods insecure` pod
// records and hostname records of headless Services. Leaves out SRV/PTR and wildcard queries.

import type { DnsTarget, FqdnAnswer } from './dns'
import { CLUSTER_DOMAIN, isIPv4 } from './ip'
import { findService, type NetView } from './view'
import { headlessAddresses } from './endpoints'

export type ClusterAnswer = FqdnAnswer | { kind: 'cname'; cname: string; target: DnsTarget }

/** Answers one name inside `cluster.local` (already lower-case, no trailing dot). */
export function lookupClusterName(v: NetView, fqdn: string): ClusterAnswer {
  const rest = fqdn === CLUSTER_DOMAIN ? '' : fqdn.slice(0, -(CLUSTER_DOMAIN.length + 1))
  const labels = rest === '' ? [] : rest.split('.')
  const zone = labels[labels.length - 1]
  if (zone === 'svc' && labels.length === 3)
    return serviceRecord(v, fqdn, labels[1] ?? '', labels[0] ?? '')
  if (zone === 'svc' && labels.length === 4) {
    return hostnameRecord(v, fqdn, labels[2] ?? '', labels[1] ?? '', labels[0] ?? '')
  }
  if (zone === 'pod' && labels.length === 3)
    return podRecord(v, fqdn, labels[1] ?? '', labels[0] ?? '')
  return { kind: 'NXDOMAIN' }
}

function serviceRecord(v: NetView, fqdn: string, namespace: string, name: string): ClusterAnswer {
  const svc = findService(v, namespace, name)
  if (!svc) return { kind: 'NXDOMAIN' }
  if (svc.spec.type === 'ExternalName') {
    const cname = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '')
    if (cname === '') return { kind: 'NXDOMAIN' }
    return { kind: 'cname', cname, target: { kind: 'service', namespace, name, headless: false } }
  }
  const ip = svc.spec.clusterIP
  if (ip === 'None') {
    const ips = headlessAddresses(v, svc)
    if (ips.length === 0) return { kind: 'NXDOMAIN' }
    return { kind: 'A', ips, fqdn, target: { kind: 'service', namespace, name, headless: true } }
  }
  if (!ip) return { kind: 'NXDOMAIN' }
  return {
    kind: 'A',
    ips: [ip],
    fqdn,
    target: { kind: 'service', namespace, name, headless: false },
  }
}

/** `<hostname>.<svc>.<ns>.svc.cluster.local`: a pod with spec.hostname + spec.subdomain behind a headless Service. */
function hostnameRecord(
  v: NetView,
  fqdn: string,
  namespace: string,
  svcName: string,
  host: string,
): ClusterAnswer {
  const svc = findService(v, namespace, svcName)
  if (!svc || svc.spec.clusterIP !== 'None') return { kind: 'NXDOMAIN' }
  const ready = new Set(headlessAddresses(v, svc))
  const pod = v.pods.find(
    (p) =>
      p.metadata.namespace === namespace &&
      p.spec?.subdomain === svcName &&
      (p.spec?.hostname ?? '') === host &&
      ready.has(p.status?.podIP ?? ''),
  )
  const ip = pod?.status?.podIP
  if (!pod || !ip) return { kind: 'NXDOMAIN' }
  return {
    kind: 'A',
    ips: [ip],
    fqdn,
    target: { kind: 'hostname', namespace, name: pod.metadata.name },
  }
}

/** `pods insecure` (kind's Corefile): `10-244-1-5.<ns>.pod.cluster.local` answers 10.244.1.5 unchecked. */
function podRecord(v: NetView, fqdn: string, namespace: string, dashed: string): ClusterAnswer {
  const ip = dashed.replace(/-/g, '.')
  if (!isIPv4(ip) || !v.namespaces.has(namespace)) return { kind: 'NXDOMAIN' }
  return { kind: 'A', ips: [ip], fqdn, target: { kind: 'pod-record', namespace } }
}
