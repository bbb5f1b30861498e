// kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go, KUBERNETES-FACTS C6) for ClusterIPs:
// no rule for an unknown port (DROP by nobody -> timeout), REJECT when a port has no endpoints
// (refused), else DNAT to a random endpoint per connection or the one ClientIP affinity remembers.
// Leaves out UDP/SCTP and topology-aware routing.

import type { Service, ServicePort } from '../objects/types'
import { randomInt } from '../state'
import { endpointsFor, type Endpoint } from './endpoints'
import { whyNoEndpoints } from './why-no-endpoints'
import { fail, type Arrival, type Via, type Walk } from './walk'
import { findNodeByIP, nsName, type NodeInfo } from './view'

/** The Service's hop of a walk (not a closure per packet: bundled, each costs a defineProperty). */
function serviceHop(w: Walk, svc: Service, ip: string, port: number, ok: boolean, detail: string) {
  w.hops.push({
    kind: 'service',
    label: `${svc.metadata.name} ${ip}:${port}`,
    object: ref(svc),
    ok,
    detail,
  })
}

/** A packet to ClusterIP:port from inside the cluster. */
export function viaClusterIP(w: Walk, svc: Service, ip: string, port: number): Arrival {
  const sp = findServicePort(svc, port)
  if (!sp) {
    serviceHop(w, svc, ip, port, false, 'no rule for this port')
    return missingPort(svc, ip, port)
  }
  const eps = endpointsFor(w.v, svc, sp)
  if (eps.usable.length === 0) {
    serviceHop(w, svc, ip, port, false, 'no endpoints: REJECT')
    const why = whyNoEndpoints(w.v, svc, sp, eps)
    return fail('refused', why.cause, why.diagnosis)
  }
  const local = svc.spec.internalTrafficPolicy === 'Local'
  const pool = local ? localEndpoints(w, eps.usable) : eps.usable
  if (pool.length === 0) {
    serviceHop(w, svc, ip, port, false, 'no local endpoints: DROP')
    return fail(
      'timeout',
      'internal-traffic-local',
      `Service ${svc.metadata.name} has internalTrafficPolicy: Local, so traffic from ${originNode(w) ?? 'this node'} only goes to ready endpoints on the same node, and there are none: the packets are dropped. Its endpoints are on other nodes; set internalTrafficPolicy: Cluster.`,
    )
  }
  const { ep, pinned } = chooseEndpoint(w, svc, sp, pool, w.clientIP)
  const n = pool.length
  serviceHop(
    w,
    svc,
    ip,
    port,
    true,
    pinned
      ? `sessionAffinity ClientIP keeps ${w.clientIP} on ${ep.ip}:${ep.port}`
      : `chose ${ep.ip}:${ep.port} out of ${n} endpoint${n === 1 ? '' : 's'}`,
  )
  return toEndpoint(w, ep, { svc, sp, choices: n, pinned }, sourceFor(w, ep), 2)
}

/** The Service port a TCP connection to `port` on the VIP matches (iptables matches port + protocol). */
export function findServicePort(svc: Service, port: number): ServicePort | undefined {
  return (svc.spec.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP')
}

/** The hop's object reference for a Service. */
export function ref(svc: Service): { kind: string; namespace?: string; name: string } {
  return { kind: 'Service', namespace: svc.metadata.namespace, name: svc.metadata.name }
}

/** `8080/TCP, 9090/TCP` as kubectl lists a Service's ports. */
export function portList(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none'
}

function missingPort(svc: Service, ip: string, port: number): Arrival {
  const name = svc.metadata.name
  const ports = svc.spec.ports ?? []
  const dropped = `Nothing answers ${ip}:${port}: kube-proxy has no rule for that port, so the packets are dropped (timeout).`
  const np = ports.find((p) => p.nodePort === port)
  if (np) {
    return fail(
      'timeout',
      'nodeport-on-clusterip',
      `Port ${port} is the nodePort of Service ${name}: it is opened on the node IPs, not on the ClusterIP. ${dropped} On the ClusterIP use port ${np.port} (${ip}:${np.port}).`,
    )
  }
  const tp = ports.find((p) => (p.targetPort ?? p.port) === port)
  if (tp) {
    return fail(
      'timeout',
      'port-not-on-service',
      `Port ${port} is the targetPort of Service ${name} (the pods' side); the Service itself listens on port ${tp.port} and forwards it to ${port}. ${dropped} Use ${ip}:${tp.port}.`,
    )
  }
  return fail(
    'timeout',
    'port-not-on-service',
    `Service ${name} (${ip}) defines port ${portList(svc)}, not ${port}. ${dropped}`,
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
  if (svc.spec.sessionAffinity !== 'ClientIP')
    return { ep: draw(w, usable) ?? first, pinned: false }
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
  if (!w.probe) {
    forgetExpired(w)
    w.s.runtime.affinity[key] = { endpoint: `${ep.ip}:${ep.port}`, at: w.now }
  }
  return { ep, pinned: false }
}

/** Drops affinity entries older than the longest allowed timeout (86400 s), keeping the document small. */
function forgetExpired(w: Walk): void {
  const memory = w.s.runtime.affinity
  for (const key of Object.keys(memory)) {
    const at = memory[key]?.at ?? 0
    if (w.now - at > 86_400_000) delete memory[key]
  }
}

function draw(w: Walk, usable: Endpoint[]): Endpoint | undefined {
  if (w.probe || usable.length === 1) return usable[0]
  return usable[randomInt(w.s, usable.length)]
}

/** The node the walk starts on (the pod's node for pods). */
function originNode(w: Walk): string | undefined {
  if (w.origin.kind === 'node') return w.origin.name
  if (w.origin.kind === 'pod') return w.v.podsByIP.get(w.clientIP)?.spec?.nodeName
  return undefined
}

function localEndpoints(w: Walk, usable: Endpoint[]): Endpoint[] {
  const here = originNode(w)
  return usable.filter((e) => (e.nodeName ?? w.v.podsByIP.get(e.ip)?.spec?.nodeName) === here)
}

/**
 * The source address the endpoint sees: pods keep theirs, except a pod reaching itself through
 * its Service (hairpin, masqueraded to its node's gateway); node traffic leaves from the node.
 */
function sourceFor(w: Walk, ep: Endpoint): string {
  const here = w.v.nodes.find((n) => n.name === originNode(w))
  if (w.origin.kind === 'pod')
    return ep.ip === w.clientIP && here?.gateway ? here.gateway : w.clientIP
  const epNode = ep.nodeName ?? w.v.podsByIP.get(ep.ip)?.spec?.nodeName
  if (w.origin.kind === 'node' && here && epNode === here.name && here.gateway) return here.gateway
  return w.clientIP
}

/** After DNAT: the packet travels to the endpoint's IP, which may be a pod, a node, or nobody. */
export function toEndpoint(w: Walk, ep: Endpoint, via: Via, sourceIP: string, ms: number): Arrival {
  const pod = w.v.podsByIP.get(ep.ip)
  if (pod) return { kind: 'pod', pod, port: ep.port, sourceIP, via, ms }
  const node = findNodeByIP(w.v, ep.ip)
  if (node && ep.port === 6443 && isControlPlane(node)) {
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

/** The node running kube-apiserver (kubeadm's control-plane role label). */
export function isControlPlane(node: NodeInfo): boolean {
  const labels = node.node.metadata.labels ?? {}
  return 'node-role.kubernetes.io/control-plane' in labels || node.name.endsWith('control-plane')
}
