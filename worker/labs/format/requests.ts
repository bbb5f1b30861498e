// Checks about requests: the ones the command just run sent through the simulated network (read
// from its trace), the ones seen since the lab began (kept in the learner's lab memory), and
// probes the grader sends itself without disturbing the cluster.
import type { Pod, Service } from '../../sim/objects/types'
import type { Origin } from '../../sim/net/types'
import { getObject, type ClusterState } from '../../sim/state'
import { deadEndpoint, findPod, isIPv4, requestsOf, type SeenRequest } from '../checks'
import type { CheckContext } from '../types'
import type { ProbeTest, RequestTest } from './check-schema'
import { inRange, podMatches } from './objects'
import { compiled } from './regex'

function fromMatches(s: ClusterState, r: SeenRequest, from: RequestTest['from']): boolean {
  if (from === undefined) return true
  if (from === 'workstation') return r.from.kind === 'workstation'
  if (from === 'pod') return r.from.kind === 'pod'
  if ('node' in from)
    return r.from.kind === 'node' && (from.node === '*' || r.from.name === from.node)
  if (r.from.kind !== 'pod') return false
  if (from.namespace !== undefined && r.from.namespace !== from.namespace) return false
  if (from.pod !== undefined && r.from.name !== from.pod) return false
  if (from.selector === undefined) return true
  const pod = getObject<Pod>(s, 'Pod', r.from.namespace, r.from.name)
  return pod !== undefined && podMatches(pod, { selector: from.selector })
}

function serviceHops(r: SeenRequest, name: string | undefined, ns: string) {
  return r.hops.filter(
    (h) =>
      h.object?.kind === 'Service' &&
      (name === undefined || (h.object.name === name && (h.object.namespace ?? 'default') === ns)),
  )
}

function toMatches(s: ClusterState, r: SeenRequest, to: NonNullable<RequestTest['to']>): boolean {
  const ns = to.namespace ?? 'default'
  if (to.host !== undefined && r.host !== to.host.toLowerCase()) return false
  if (to.port !== undefined && r.port !== to.port) return false
  if (to.podIP !== undefined && to.podIP !== (isIPv4(r.host) && r.host.startsWith('10.244.')))
    return false
  const hops = serviceHops(r, to.service, ns)
  if ((to.service !== undefined || to.via !== undefined) && hops.length === 0) return false
  switch (to.via) {
    case 'name':
      return !isIPv4(r.host)
    case 'clusterIP':
      return hops.some((h) => {
        const svc = getObject<Service>(
          s,
          'Service',
          h.object?.namespace ?? 'default',
          h.object?.name ?? '',
        )
        return svc?.spec.clusterIP === r.host
      })
    case 'nodePort':
      return hops.some((h) => h.kind === 'nodeport')
    case 'loadBalancer':
      return hops.some((h) => h.kind === 'loadbalancer')
    default:
      return true
  }
}

function staleEndpoint(s: ClusterState, r: SeenRequest): boolean {
  const released = s.runtime.releasedPodIPs
  const dead = deadEndpoint(r)
  return (
    (dead !== undefined && released.includes(dead)) || (isIPv4(r.host) && released.includes(r.host))
  )
}

function requestMatches(s: ClusterState, r: SeenRequest, t: RequestTest): boolean {
  if (!fromMatches(s, r, t.from)) return false
  if (t.kind !== undefined && r.kind !== t.kind) return false
  if (t.to !== undefined && !toMatches(s, r, t.to)) return false
  const outcomes =
    t.outcome === undefined ? undefined : Array.isArray(t.outcome) ? t.outcome : [t.outcome]
  if (outcomes !== undefined && !outcomes.includes(r.outcome)) return false
  if (t.staleEndpoint !== undefined && staleEndpoint(s, r) !== t.staleEndpoint) return false
  if (t.answeredBy !== undefined) {
    const pod = r.outcome === 'answered' ? findPod(s, r.pod) : undefined
    if (!pod || !podMatches(pod, t.answeredBy)) return false
  }
  return true
}

/** What a request check saw: how many requests matched and which pods answered them. */
export interface Seen {
  n: number
  pods: string[]
}

/** The requests of the command just run that match `t`. */
export function seenInCommand(ctx: CheckContext, t: RequestTest): Seen {
  const matched = requestsOf(ctx.last).filter((r) => requestMatches(ctx.state, r, t))
  const pods = matched
    .filter((r) => r.outcome === 'answered' && r.pod)
    .map((r) => `${r.pod?.namespace ?? 'default'}/${r.pod?.name}`)
  return { n: matched.length, pods: [...new Set(pods)] }
}

export function judgeSeen(seen: Seen, t: RequestTest): boolean {
  if (!inRange(seen.n, t.count ?? {})) return false
  return t.distinctPods === undefined || inRange(seen.pods.length, t.distinctPods)
}

function originOf(from: ProbeTest['from']): Origin {
  if (from === 'workstation') return { kind: 'workstation' }
  if ('node' in from) return { kind: 'node', name: from.node }
  return { kind: 'pod', namespace: from.namespace ?? 'default', name: from.pod }
}

/** Sends the probe (no PRNG draw, no log line: see route()'s `probe`) and judges its answer. */
export function probeAnswers(ctx: CheckContext, t: ProbeTest): boolean {
  const res = ctx.probe(originOf(t.from), { host: t.host, port: t.port, path: t.path ?? '/' })
  if (res.outcome !== t.outcome) return false
  if (t.status !== undefined && res.response?.status !== t.status) return false
  if (t.bodyMatches !== undefined && !compiled(t.bodyMatches).test(res.response?.body ?? ''))
    return false
  if (t.answeredBy === undefined) return true
  const pod = res.pod
    ? getObject<Pod>(ctx.state, 'Pod', res.pod.namespace, res.pod.name)
    : undefined
  return pod !== undefined && podMatches(pod, t.answeredBy)
}
