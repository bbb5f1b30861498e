// Shared vocabulary for task checks: what the command just run sent through the network (read
// from its trace), which pods and endpoints the cluster holds, and a little memory between
// commands. Checks judge behaviour (a request answered, an address reached), not command text.

import type { Endpoints, Pod, Service } from '../sim/objects/types'
import type { Hop, Origin, Outcome, TraceEntry } from '../sim/net/types'
import { getObject, listObjects, type ClusterState } from '../sim/state'
import type { CheckContext, CheckedCommand, LabTask } from './types'

export interface ObjectRef {
  namespace?: string
  name: string
}

/** One request of the command just run, as the checks see it. */
export interface SeenRequest {
  from: Origin
  /** `dns` for a bare lookup (nslookup, dig, host), `http` for curl/wget */
  kind: 'http' | 'dns'
  /** the host as typed: a name or an IP */
  host: string
  port?: number
  outcome: Outcome
  cause?: string
  /** the pod that answered (or refused) the request, when one was reached */
  pod?: ObjectRef
  /** Services the request passed: the name DNS answered for, a ClusterIP, NodePort or LB rule */
  services: ObjectRef[]
  /** the hop kinds passed successfully, e.g. ['client', 'dns', 'service', 'pod'] */
  via: Hop['kind'][]
  hops: Hop[]
}

const URL_RE = /^\s*([A-Z]+)\s+(?:(https?):\/\/)?(\[[^\]]*\]|[^/:\s?#]+)(?::(\d+))?/
const LOOKUP_RE = /^\s*(?:nslookup|dig|host|getent\s+\w+|ping)\s+(?:-\S+\s+)*([^\s]+)/

function parseRequest(text: string): { kind: 'http' | 'dns'; host: string; port?: number } {
  const lookup = LOOKUP_RE.exec(text)
  if (lookup) return { kind: 'dns', host: (lookup[1] ?? '').toLowerCase() }
  const m = URL_RE.exec(text)
  if (!m) return { kind: 'http', host: '' }
  const scheme = m[2] ?? 'http'
  const port = m[4] !== undefined ? Number(m[4]) : scheme === 'https' ? 443 : 80
  return { kind: 'http', host: (m[3] ?? '').toLowerCase(), port }
}

function toSeen(t: TraceEntry): SeenRequest {
  const parsed = parseRequest(t.request)
  const hops = t.hops ?? []
  const last = [...hops].reverse().find((h) => h.kind === 'pod')
  const services: ObjectRef[] = []
  for (const h of hops) {
    if (h.ok && h.object?.kind === 'Service')
      services.push({ namespace: h.object.namespace, name: h.object.name })
  }
  return {
    from: t.from,
    ...parsed,
    outcome: t.outcome,
    cause: t.cause,
    pod: last?.object ? { namespace: last.object.namespace, name: last.object.name } : undefined,
    services,
    via: hops.filter((h) => h.ok).map((h) => h.kind),
    hops,
  }
}

/** Every request the command just run sent, oldest first. */
export function requestsOf(last: CheckedCommand): SeenRequest[] {
  return (last.trace ?? []).map(toSeen)
}

/** The address a request was forwarded to and that nobody answered (a stale endpoint), if any. */
export function deadEndpoint(r: SeenRequest): string | undefined {
  for (const h of r.hops) {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(h.label)
    if (!h.ok && h.kind === 'network' && m) return m[1]
  }
  return undefined
}

export function fromPod(r: SeenRequest, namespace?: string, name?: string): boolean {
  if (r.from.kind !== 'pod') return false
  return (
    (namespace === undefined || r.from.namespace === namespace) &&
    (name === undefined || r.from.name === name)
  )
}

export function fromWorkstation(r: SeenRequest): boolean {
  return r.from.kind === 'workstation'
}

/** The request was answered after passing Service `name` (in `namespace`, default `default`). */
export function answeredVia(r: SeenRequest, name: string, namespace = 'default'): boolean {
  return (
    r.outcome === 'answered' &&
    r.services.some((s) => s.name === name && (s.namespace ?? 'default') === namespace)
  )
}

export function sameRef(a: ObjectRef | undefined, b: ObjectRef): boolean {
  return (
    a !== undefined &&
    a.name === b.name &&
    (a.namespace ?? 'default') === (b.namespace ?? 'default')
  )
}

export function isPodReady(p: Pod): boolean {
  if (p.metadata.deletionTimestamp) return false
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

function matches(
  labels: Record<string, string> | undefined,
  selector: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v)
}

/** Pods in `namespace` whose labels carry every `selector` pair. */
export function podsWith(
  s: ClusterState,
  namespace: string,
  selector: Record<string, string>,
): Pod[] {
  return listObjects<Pod>(s, 'Pod', namespace).filter((p) => matches(p.metadata.labels, selector))
}

export function readyPodsWith(
  s: ClusterState,
  namespace: string,
  selector: Record<string, string>,
): Pod[] {
  return podsWith(s, namespace, selector).filter(isPodReady)
}

export function podIP(p: Pod): string | undefined {
  return p.status?.podIP || undefined
}

/** The pod that has `ip` now, if any. */
export function podByIP(s: ClusterState, ip: string): Pod | undefined {
  return listObjects<Pod>(s, 'Pod').find((p) => p.status?.podIP === ip)
}

export function findPod(s: ClusterState, ref: ObjectRef | undefined): Pod | undefined {
  if (!ref) return undefined
  return getObject<Pod>(s, 'Pod', ref.namespace ?? 'default', ref.name)
}

export function service(s: ClusterState, name: string, namespace = 'default'): Service | undefined {
  return getObject<Service>(s, 'Service', namespace, name)
}

/** Ready addresses of Endpoints `name`, as `ip:port` pairs. */
export function endpointPairs(s: ClusterState, name: string, namespace = 'default'): string[] {
  const ep = getObject<Endpoints>(s, 'Endpoints', namespace, name)
  const out: string[] = []
  for (const sub of ep?.subsets ?? []) {
    for (const a of sub.addresses ?? [])
      for (const p of sub.ports ?? []) out.push(`${a.ip}:${p.port}`)
  }
  return out
}

export function endpointIPs(s: ClusterState, name: string, namespace = 'default'): string[] {
  return [...new Set(endpointPairs(s, name, namespace).map((p) => p.slice(0, p.lastIndexOf(':'))))]
}

/** True when no pod has `ip` any more (a recreated pod got another address). */
export function isStalePodIP(s: ClusterState, ip: string): boolean {
  return /^10\.244\./.test(ip) && podByIP(s, ip) === undefined
}

export function isIPv4(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(text)
}

/** How many of `needles` appear in the command's output (as whole addresses). */
export function countMentioned(last: CheckedCommand, needles: string[]): number {
  const text = `${last.stdout}\n${last.stderr}`
  return needles.filter((n) =>
    new RegExp(`(^|[^\\d.])${n.replace(/\./g, '\\.')}($|[^\\d])`).test(text),
  ).length
}

/** A string list kept in the lab memory (first-seen order, no duplicates). */
export function memList(memory: Record<string, unknown>, key: string): string[] {
  const v = memory[key]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

export function memAdd(
  memory: Record<string, unknown>,
  key: string,
  ...values: string[]
): string[] {
  const list = memList(memory, key)
  for (const v of values) if (!list.includes(v)) list.push(v)
  memory[key] = list
  return list
}

export function memString(memory: Record<string, unknown>, key: string): string | undefined {
  const v = memory[key]
  return typeof v === 'string' ? v : undefined
}

/** Runs a lab's `observe` (memory notes, idempotent) before each of its checks. */
export function observing(observe: (ctx: CheckContext) => void, tasks: LabTask[]): LabTask[] {
  return tasks.map((t) => ({
    ...t,
    check: (ctx: CheckContext) => {
      observe(ctx)
      return t.check(ctx)
    },
  }))
}

/**
 * Forgets `keys` when the learner's cluster was rebuilt (reset) since they were noted: memory
 * survives a reset, but an IP seen in the old cluster says nothing about the new one.
 */
export function memoryForThisCluster(ctx: CheckContext, keys: string[]): void {
  if (ctx.memory['cluster.createdAt'] === ctx.state.createdAt) return
  for (const k of keys) delete ctx.memory[k]
  ctx.memory['cluster.createdAt'] = ctx.state.createdAt
}
