// The first two hops of every walk: who is asking (client address) and what the host name
// resolves to from there.

import type { ClusterState } from '../state'
import type { Origin, RouteResult } from './types'
import { WORKSTATION_IP, isIPv4, isLoopback } from './ip'
import { resolveNameIn } from './dns'
import { explainNxdomain } from './nxdomain'
import { buildView, findNode, findPod, findService } from './view'
import type { Arrival, Walk } from './walk'
import { sendTo } from './reach'

/** The client hop: the origin's own address (pod IP, node IP, the workstation's 172.18.0.1). */
export function startWalk(s: ClusterState, origin: Origin, now: number, probe: boolean): Walk {
  const v = buildView(s)
  const w: Walk = { s, v, origin, clientIP: WORKSTATION_IP, now, probe, hops: [] }
  if (origin.kind === 'workstation') {
    w.hops.push({ kind: 'client', label: 'workstation', ok: true })
  } else if (origin.kind === 'pod') {
    const pod = findPod(v, origin.namespace, origin.name)
    w.clientIP = pod?.status?.podIP ?? '0.0.0.0'
    w.hops.push({
      kind: 'client',
      label: `${origin.name} (${w.clientIP})`,
      object: { kind: 'Pod', namespace: origin.namespace, name: origin.name },
      ok: pod !== undefined,
    })
  } else {
    const node = findNode(v, origin.name)
    w.clientIP = node?.ip ?? '0.0.0.0'
    w.hops.push({
      kind: 'client',
      label: `${origin.name} (${w.clientIP})`,
      object: { kind: 'Node', name: origin.name },
      ok: node !== undefined,
    })
  }
  return w
}

export type Target =
  | { ok: true; ip: string; fqdn?: string; cname?: string; addresses?: string[]; tried?: string[] }
  | { ok: false; result: RouteResult }

/** Resolves the host as typed (IP literal, name, `[::1]`-less), adding the DNS hop. */
export function resolveTarget(w: Walk, rawHost: string): Target {
  const host = rawHost.trim().toLowerCase()
  if (isIPv4(host)) return { ok: true, ip: host }
  const answer = resolveNameIn(w.v, w.origin, host)
  if (answer.kind === 'NXDOMAIN') {
    w.hops.push({
      kind: 'dns',
      label: answer.noServer ? `${host}: no answer from the cluster DNS` : `${host}: NXDOMAIN`,
      ok: false,
      detail: answer.tried.join(', '),
    })
    const why = explainNxdomain(w, host, answer)
    return {
      ok: false,
      result: {
        outcome: 'nxdomain',
        hops: w.hops,
        cause: why.cause,
        diagnosis: why.diagnosis,
        tried: answer.tried,
        cname: answer.cname,
      },
    }
  }
  const ip = answer.ips[0] ?? ''
  const t = answer.target
  if (t.kind === 'service' && t.headless) w.headless = findService(w.v, t.namespace, t.name)
  const object =
    t.kind === 'service' ? { kind: 'Service', namespace: t.namespace, name: t.name } : undefined
  const cname = answer.cname ? ` (CNAME ${answer.cname})` : ''
  w.hops.push({
    kind: 'dns',
    label: `${host} -> ${answer.ips.join(', ')}`,
    object,
    ok: true,
    detail: `${answer.fqdn}${cname}`,
  })
  return {
    ok: true,
    ip,
    fqdn: answer.fqdn,
    cname: answer.cname,
    addresses: answer.ips,
    tried: answer.tried,
  }
}

export type Walked = { done: RouteResult } | { w: Walk; base: RouteResult; arrival: Arrival }

/** The shared walk of route() and connect(): origin, DNS, then the packet to ip:port. */
export function walkTo(
  s: ClusterState,
  origin: Origin,
  host: string,
  port: number,
  opts: { now: number; probe?: boolean },
): Walked {
  const w = startWalk(s, origin, opts.now, opts.probe === true)
  const target = resolveTarget(w, host)
  if (!target.ok) return { done: target.result }
  const { ip, fqdn, cname, addresses, tried } = target
  const localIP = isLoopback(ip) ? '127.0.0.1' : w.clientIP
  const base: RouteResult = {
    outcome: 'timeout',
    hops: w.hops,
    ip,
    fqdn,
    cname,
    addresses,
    tried,
    localIP,
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    const diagnosis = `${port} is not a TCP port (1-65535).`
    return { done: { ...base, outcome: 'refused', cause: 'bad-port', diagnosis, timeMs: 0 } }
  }
  return { w, base, arrival: sendTo(w, ip, port) }
}

/** The result fields of a walk that failed before reaching a server. */
export function failure(arrival: Arrival & { kind: 'fail' }): Partial<RouteResult> {
  const { outcome, cause, diagnosis, ms } = arrival
  return { outcome, cause, diagnosis, timeMs: ms }
}

/** The `pod` field of a result. */
export function podRef(a: Arrival & { kind: 'pod' }): NonNullable<RouteResult['pod']> {
  const meta = a.pod.metadata
  return {
    namespace: meta.namespace ?? 'default',
    name: meta.name,
    ip: a.pod.status?.podIP ?? '',
    port: a.port,
  }
}
