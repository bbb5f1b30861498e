// NodePort and LoadBalancer rules of kube-proxy (iptables mode, KUBERNETES-FACTS C4-C6): the same
// nodePort on every node; externalTrafficPolicy Local DROPs external traffic on nodes without a
// local ready endpoint and keeps the client address; Cluster masquerades to the node.

import type { Service } from '../objects/types'
import { endpointsFor, type Endpoint } from './endpoints'
import { whyNoEndpoints } from './why-no-endpoints'
import {
  chooseEndpoint,
  findServicePort,
  isControlPlane,
  portList,
  ref,
  toEndpoint,
} from './kube-proxy'
import { fail, type Arrival, type Walk } from './walk'
import type { NodeInfo } from './view'

/** A packet to nodeIP:port: a nodePort rule, the API server on the control plane, or a closed port. */
export function viaNodePort(w: Walk, node: NodeInfo, port: number): Arrival {
  if (port === 6443 && isControlPlane(node)) {
    w.hops.push({ kind: 'network', label: `kube-apiserver (${node.ip}:6443)`, ok: true })
    return { kind: 'apiserver', port, sourceIP: w.clientIP, ms: 2 }
  }
  const label = `${node.name} ${node.ip}:${port}`
  const svc = w.v.services.find(
    (s) => (s.spec.ports ?? []).some((p) => p.nodePort === port) && hasNodePorts(s),
  )
  const sp = svc?.spec.ports?.find((p) => p.nodePort === port)
  if (!svc || !sp) {
    w.hops.push({ kind: 'nodeport', label, ok: false, detail: 'nothing listens: RST' })
    return closedNodePort(w, node, port)
  }
  const eps = endpointsFor(w.v, svc, sp)
  if (eps.usable.length === 0) {
    w.hops.push({
      kind: 'nodeport',
      label,
      object: ref(svc),
      ok: false,
      detail: 'no endpoints: REJECT',
    })
    const why = whyNoEndpoints(w.v, svc, sp, eps)
    return fail('refused', why.cause, why.diagnosis)
  }
  const local = svc.spec.externalTrafficPolicy === 'Local' && isExternalTo(w, node)
  const pool = local ? eps.usable.filter((e) => endpointNode(w, e) === node.name) : eps.usable
  if (pool.length === 0) {
    w.hops.push({
      kind: 'nodeport',
      label,
      object: ref(svc),
      ok: false,
      detail: 'no local endpoints: DROP',
    })
    const where = [...new Set(eps.usable.map((e) => endpointNode(w, e) ?? '?'))].join(', ')
    return fail(
      'timeout',
      'external-traffic-local',
      `Service ${svc.metadata.name} has externalTrafficPolicy: Local, so node ${node.name} only forwards to ready endpoints on itself, and it has none: kube-proxy drops the packets. Its endpoints run on ${where}; use one of those nodes' IPs, or set externalTrafficPolicy: Cluster.`,
    )
  }
  const { ep, pinned } = chooseEndpoint(w, svc, sp, pool, w.clientIP)
  const detail = `${svc.metadata.name} nodePort ${port} -> ${ep.ip}:${ep.port}${local ? ' (Local: client address kept)' : ''}`
  w.hops.push({ kind: 'nodeport', label, object: ref(svc), ok: true, detail })
  const sourceIP = local ? w.clientIP : masquerade(w, node, ep)
  return toEndpoint(w, ep, { svc, sp, choices: pool.length, pinned }, sourceIP, 3)
}

/** A packet to a LoadBalancer ingress IP: the provider sends it to a node, which applies the Service rule. */
export function viaLoadBalancer(w: Walk, svc: Service, ip: string, port: number): Arrival {
  const label = `${svc.metadata.name} ${ip}:${port}`
  const sp = findServicePort(svc, port)
  if (!sp) {
    w.hops.push({
      kind: 'loadbalancer',
      label,
      object: ref(svc),
      ok: false,
      detail: 'no listener for this port',
    })
    return fail(
      'timeout',
      'port-not-on-service',
      `The load balancer ${ip} of Service ${svc.metadata.name} listens on port ${portList(svc)}, not ${port}; the packets are dropped (timeout).`,
    )
  }
  const eps = endpointsFor(w.v, svc, sp)
  if (eps.usable.length === 0) {
    w.hops.push({
      kind: 'loadbalancer',
      label,
      object: ref(svc),
      ok: false,
      detail: 'no endpoints: REJECT',
    })
    const why = whyNoEndpoints(w.v, svc, sp, eps)
    return fail('refused', why.cause, why.diagnosis)
  }
  const local = svc.spec.externalTrafficPolicy === 'Local' && w.origin.kind === 'workstation'
  const { ep, pinned } = chooseEndpoint(w, svc, sp, eps.usable, w.clientIP)
  w.hops.push({
    kind: 'loadbalancer',
    label,
    object: ref(svc),
    ok: true,
    detail: `-> ${ep.ip}:${ep.port}`,
  })
  const epNode = w.v.nodes.find((n) => n.name === endpointNode(w, ep))
  const sourceIP = local || !epNode ? w.clientIP : masquerade(w, epNode, ep)
  return toEndpoint(w, ep, { svc, sp, choices: eps.usable.length, pinned }, sourceIP, 4)
}

function hasNodePorts(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer'
}

/** kube-proxy treats traffic from pods (cluster CIDR) and from the node itself as internal. */
function isExternalTo(w: Walk, node: NodeInfo): boolean {
  if (w.origin.kind === 'workstation') return true
  return w.origin.kind === 'node' && w.origin.name !== node.name
}

function endpointNode(w: Walk, e: Endpoint): string | undefined {
  return e.nodeName ?? w.v.podsByIP.get(e.ip)?.spec?.nodeName
}

/** MASQUERADE: the endpoint sees the node's address (its pod-network gateway when local). */
function masquerade(w: Walk, node: NodeInfo, ep: Endpoint): string {
  return endpointNode(w, ep) === node.name && node.gateway ? node.gateway : node.ip
}

function closedNodePort(w: Walk, node: NodeInfo, port: number): Arrival {
  const head = `Nothing listens on node ${node.name} (${node.ip}) port ${port}, so it refuses the connection.`
  const byPort = w.v.services.find((s) =>
    (s.spec.ports ?? []).some((p) => p.port === port || p.targetPort === port),
  )
  if (byPort) {
    const sp = byPort.spec.ports?.find((p) => p.port === port || p.targetPort === port)
    const name = byPort.metadata.name
    const hint = sp?.nodePort
      ? `its nodePort is ${sp.nodePort}: use ${node.ip}:${sp.nodePort}.`
      : `it is type ${byPort.spec.type ?? 'ClusterIP'} and opens no port on the nodes; make it type NodePort to reach it from a node IP.`
    return fail(
      'refused',
      'nodeport-on-clusterip',
      `${head} Port ${port} belongs to Service ${name} on its ClusterIP, but ${hint}`,
    )
  }
  const open = w.v.services.flatMap((s) =>
    (s.spec.ports ?? [])
      .filter((p) => p.nodePort && hasNodePorts(s))
      .map((p) => `${p.nodePort} (${s.metadata.name})`),
  )
  const tail =
    open.length > 0
      ? ` NodePorts open on every node: ${open.join(', ')}.`
      : ' No Service of type NodePort or LoadBalancer exists.'
  return fail('refused', 'node-port-closed', head + tail)
}
