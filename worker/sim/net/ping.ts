// ping(): ICMP echo. Pod IPs and node IPs answer from inside; virtual IPs (ClusterIPs,
// LoadBalancer IPs) are only iptables DNAT rules for TCP/UDP ports, so nobody answers an echo
// (100% packet loss). From the workstation only node IPs answer. No internet.

import type { ClusterState } from '../state'
import type { Hop, Origin } from './types'
import { isLoopback } from './ip'
import { sendTo } from './reach'
import { resolveTarget, startWalk } from './start'
import { findNodeByIP, findPod } from './view'
import type { Pod } from '../objects/types'
import type { Walk } from './walk'

export interface PingResult {
  outcome: 'reply' | 'loss' | 'nxdomain'
  ip?: string
  fqdn?: string
  cname?: string
  tried?: string[]
  /** the TTL replies arrive with (64 minus routing hops) */
  ttl?: number
  /** a typical round trip in ms for this path (deterministic) */
  rttMs?: number
  hops: Hop[]
  cause?: string
  diagnosis?: string
}

type Echo = Pick<PingResult, 'outcome' | 'ttl' | 'rttMs' | 'cause' | 'diagnosis'>

/** Pings `host` from `origin`; draws no randomness and changes nothing. */
export function ping(
  s: ClusterState,
  origin: Origin,
  host: string,
  opts: { now: number },
): PingResult {
  const w = startWalk(s, origin, opts.now, true)
  const target = resolveTarget(w, host)
  if (!target.ok) {
    const { hops, cause, diagnosis, tried, cname } = target.result
    return { outcome: 'nxdomain', hops, cause, diagnosis, tried, cname }
  }
  const { ip, fqdn, cname, tried } = target
  return { ip, fqdn, cname, tried, hops: w.hops, ...echo(w, ip) }
}

function echo(w: Walk, ip: string): Echo {
  if (isLoopback(ip)) return { outcome: 'reply', ttl: 64, rttMs: 0.04 }
  const inside = w.origin.kind !== 'workstation'
  const lb = w.v.lbByIP.get(ip)
  const svc = lb ?? (inside ? w.v.servicesByIP.get(ip) : undefined)
  if (svc) {
    w.hops.push({ kind: 'network', label: `${ip}: no ICMP`, ok: false })
    const what = lb ? 'LoadBalancer IP' : 'ClusterIP'
    const diagnosis = `${ip} is the ${what} of Service ${svc.metadata.name}: a virtual IP that exists only as kube-proxy rules for its TCP/UDP ports, so nothing answers ping (100% packet loss). Test it with curl or nc on a Service port instead.`
    return { outcome: 'loss', cause: 'ping-clusterip', diagnosis }
  }
  const node = findNodeByIP(w.v, ip)
  if (node && (node.ip === ip || inside)) {
    w.hops.push({ kind: 'network', label: `${node.name} (${ip})`, ok: true })
    return { outcome: 'reply', ttl: 64, rttMs: 0.08 }
  }
  const pod = w.v.podsByIP.get(ip)
  if (pod && inside) {
    const object = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }
    w.hops.push({ kind: 'pod', label: `${pod.metadata.name} (${ip})`, object, ok: true })
    const hops = routingHops(w, pod)
    return { outcome: 'reply', ttl: 64 - hops, rttMs: hops > 1 ? 0.12 : 0.06 }
  }
  if (pod) return podFromOutside(w, ip, pod)
  const lost = sendTo(w, ip, 1)
  if (lost.kind !== 'fail') return { outcome: 'loss', cause: 'no-route' }
  return { outcome: 'loss', cause: lost.cause, diagnosis: lost.diagnosis }
}

/** ICMP has no port to forward: the way to ping a pod IP is from inside the cluster. */
function podFromOutside(w: Walk, ip: string, pod: Pod): Echo {
  w.hops.push({ kind: 'network', label: ip, ok: false, detail: 'no route' })
  const diagnosis = `${ip} is the IP of pod ${pod.metadata.name}. Pod IPs are routable only inside the cluster, so from your workstation the echo requests go nowhere. Ping it from inside: kubectl exec into a pod whose image has ping (e.g. kubectl exec <pod> -- ping -c 1 ${ip}).`
  return { outcome: 'loss', cause: 'podip-from-outside', diagnosis }
}

/** Routers between origin and a pod: each node forwarding the packet decrements the TTL. */
function routingHops(w: Walk, target: Pod): number {
  const podNode = target.spec?.nodeName
  if (w.origin.kind === 'node') return w.origin.name === podNode ? 0 : 1
  if (w.origin.kind !== 'pod') return 2
  const from = findPod(w.v, w.origin.namespace, w.origin.name)
  if (from === target) return 0
  return from?.spec?.nodeName === podNode ? 1 : 2
}
