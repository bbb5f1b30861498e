// kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go, KUBERNETES-FACTS C6) for ClusterIPs:
// no rule for an unknown port (DROP by nobody -> timeout), REJECT when a port has no endpoints
// (refused), else DNAT to a random endpoint per connection or the one ClientIP affinity remembers.
// Leaves out UDP/SCTP, internalTrafficPolicy Local and topology-aware routing.

import type { Service, ServicePort } from '../objects/types'
import { randomInt } from '../state'
import { endpointsFor, type Endpoint } from './endpoints'
import { whyNoEndpoints } from './why-no-endpoints'
import { fail, type Arrival, type Via, type Walk } from './walk'
import { findNodeByIP, nsName } from './view'

/** A packet to ClusterIP:port from inside the cluster. */
export function viaClusterIP(w: Walk, svc: Service, ip: string, port: number): Arrival {
  const name = svc.metadata.name
  const sp = findServicePort(svc, port)
  if (!sp) {
    w.hops.push({ kind: 'service', label: `${name} ${ip}:${port}`, object: ref(svc), ok: false, detail: 'no rule for this port' })
    return missingPort(svc, ip, port)
  }
  const eps = endpointsFor(w.v, svc, sp)
  if (eps.usable.length === 0) {
    w.hops.push({ kind: 'service', label: `${name} ${ip}:${port}`, object: ref(svc), ok: false, detail: 'no endpoints: REJECT' })
    const why = whyNoEndpoints(w.v, svc, sp, eps)
    return fail('refused', why.cause, why.diagnosis)
  }
  const { ep, pinned } = chooseEndpoint(w, svc, sp, eps.usable, w.clientIP)
  const detail = pinned
    ? `sessionAffinity ClientIP keeps ${w.clientIP} on ${ep.ip}:${ep.port}`
    : `chose ${ep.ip}:${ep.port} out of ${eps.usable.length} endpoint${eps.usable.length === 1 ? '' : 's'}`
  w.hops.push({ kind: 'service', label: `${name} ${ip}:${port}`, object: ref(svc), ok: true, detail })
  const via: Via = { svc, sp, choices: eps.usable.length, pinned }
  return toEndpoint(w, ep, via, sourceFor(w, ep), 2)
}

export function findServicePort(svc: Service, port: number): ServicePort | undefined {
  return (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP')
}

export function ref(svc: Service): { kind: string; namespace?: string; name: string } {
  return { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name }
}

export function portList(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none'
}

function missingPort(svc: Service, ip: string, port: number): Arrival {
  const name = svc.metadata.name
  const ports = svc.spec.ports ?? []
  const np = ports.find((p) => p.nodePort === port)
  const tail = 'kube-proxy has no rule for it, so the packets are dropped (timeout).'
  if (np) {
    return fail(
      'timeout',
      'nodeport-on-clusterip',
      `Port ${port} is the nodePort of Service ${name}; a nodePort is opened on the node IPs, not on the ClusterIP ${ip}. On the ClusterIP use port ${np.port}; ${tail}`,
    )
  }
  const tp = ports.find((p) => (p.targetPort ?? p.port) === port)
  if (tp) {
    return fail(
      'timeout',
      'port-not-on-service',
      `Port ${port} is the targetPort of Service ${name} (the pods' side). The Service itself listens on port ${tp.port} and forwards it to ${port}: use ${ip}:${tp.port}. Nothing answers ${ip}:${port}: ${tail}`,
    )
  }
  return fail(
    'timeout',
    'port-not-on-service',
    `Service ${name} (${ip}) defines port ${portList(svc)}, not ${port}: ${tail}`,
  )
}

/** Random endpoint per connection (probes: the first), or the one ClientIP affinity remembers. */
export function chooseEndpoint(
  w: Walk,
  svc: Service,
  sp: ServicePort,
  usable: Endpoint[],
  clientIP: string,
): { ep: Endpoint; pinned: boolean } {
  const first = usable[0] as Endpoint
  if (svc.spec.sessionAffinity !== 'ClientIP') return { ep: draw(w, usable) ?? first, pinned: false }
  const key = `${nsName(svc.metadata.namespace, svc.metadata.name)}:${sp.port}|${clientIP}`
  const timeoutMs = (svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) * 1000
  const mem = w.s.runtime.affinity[key]
  if (mem && w.now - mem.at <= timeoutMs) {
    const kept = usable.find((e) => `${e.ip}:${e.port}` === mem.endpoint)
    if (kept) {
      if (!w.probe) mem.at = w.now
      return { ep: kept, pinned: true }
    }
  }
  const ep = draw(w, usable) ?? first
  if (!w.probe) w.s.runtime.affinity[key] = { endpoint: `${ep.ip}:${ep.port}`, at: w.now }
  return { ep, pinned: false }
}

function draw(w: Walk, usable: Endpoint[]): Endpoint | undefined {
  if (w.probe || usable.length === 1) return usable[0]
  return usable[randomInt(w.s, usable.length)]
}

/** The source address the endpoint sees: pods keep theirs; node traffic leaves from the node. */
function sourceFor(w: Walk, ep: Endpoint): string {
  if (w.origin.kind !== 'node') return w.clientIP
  const origin = w.v.nodes.find((n) => n.name === (w.origin.kind === 'node' ? w.origin.name : ''))
  const epNode = ep.nodeName ?? w.v.podsByIP.get(ep.ip)?.spec?.nodeName
  if (origin && epNode === origin.name && origin.gateway) return origin.gateway
  return w.clientIP
}

/** After DNAT: the packet travels to the endpoint's IP, which may be a pod, a node, or nobody. */
export function toEndpoint(w: Walk, ep: Endpoint, via: Via, sourceIP: string, ms: number): Arrival {
  const pod = w.v.podsByIP.get(ep.ip)
  if (pod) return { kind: 'pod', pod, port: ep.port, sourceIP, via, ms }
  const node = findNodeByIP(w.v, ep.ip)
  if (node && ep.port === 6443 && isControlPlane(node.node.metadata.labels)) {
    w.hops.push({ kind: 'network', label: `kube-apiserver (${ep.ip}:${ep.port})`, ok: true })
    return { kind: 'apiserver', port: ep.port, sourceIP, ms: ms + 1 }
  }
  w.hops.push({ kind: 'network', label: `${ep.ip}:${ep.port}`, ok: false, detail: 'no such host' })
  const name = via.svc.metadata.name
  const manual = !via.svc.spec.selector || Object.keys(via.svc.spec.selector).length === 0
  if (manual) {
    return fail(
      'timeout',
      'manual-endpoints-stale',
      `Service ${name} has no selector; its hand-written Endpoints send traffic to ${ep.ip}:${ep.port}, an address no pod has (pods get a new IP when they are recreated). kube-proxy forwarded the connection there and nobody answered. Update Endpoints ${name} with current pod IPs (kubectl get pods -o wide), or give the Service a selector.`,
    )
  }
  return fail(
    'timeout',
    'stale-pod-ip',
    `Service ${name} sent the connection to ${ep.ip}:${ep.port}, an address no pod has any more; nobody answered.`,
  )
}

export function isControlPlane(labels: Record<string, string> | undefined): boolean {
  return labels !== undefined && 'node-role.kubernetes.io/control-plane' in labels
}
