// `kubectl expose (deployment|rs|pod|svc) NAME` (kubectl pkg/cmd/expose/expose.go and
// polymorphichelpers, KUBERNETES-FACTS T20): selector, port(s), protocols and labels read from the
// exposed object; `service/<name> exposed`. Leaves out ReplicationControllers and --overrides.

import type { ProcessResult } from '../context'
import type { Container, KubeObject, LabelSelector } from '../objects/types'
import { getObject } from '../state'
import { RESOURCES, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import { notFound } from './api'
import { clientError, printApiError } from './errors'
import { submitGenerated } from './generated'
import { resolveTargets } from './targets'

type Labels = Record<string, string>
const EXPOSABLE = new Set<string>(['Service', 'Pod', 'Deployment', 'ReplicaSet'])

function podSpecOf(obj: KubeObject): { containers?: Container[] } {
  if (obj.kind === 'Pod') return (obj.spec ?? {}) as { containers?: Container[] }
  const spec = obj.spec as { template?: { spec?: { containers?: Container[] } } } | undefined
  return spec?.template?.spec ?? {}
}

/** polymorphichelpers.MapBasedSelectorForObject. */
function selectorOf(obj: KubeObject): Labels | string {
  if (obj.kind === 'Pod') {
    const l = obj.metadata.labels ?? {}
    return Object.keys(l).length > 0 ? l : 'the pod has no labels and cannot be exposed'
  }
  if (obj.kind === 'Service') {
    const sel = (obj.spec as { selector?: Labels }).selector
    return sel ?? 'the service has no pod selector set'
  }
  const sel = (obj.spec as { selector?: LabelSelector }).selector
  const kind = obj.kind === 'Deployment' ? 'deployment' : 'replicaset'
  if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0)
    return `invalid ${kind}: no selectors, therefore cannot be exposed`
  if ((sel.matchExpressions ?? []).length > 0)
    return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`
  return sel.matchLabels ?? {}
}

/** polymorphichelpers.PortsForObject + ProtocolsForObject: unique ports, first protocol seen last wins. */
function portsOf(obj: KubeObject): { port: string; protocol: string }[] {
  const seen = new Map<string, string>()
  const add = (p: number, proto: string | undefined) => {
    const key = String(p)
    seen.set(key, proto || 'TCP')
  }
  if (obj.kind === 'Service')
    for (const p of (obj.spec as { ports?: { port: number; protocol?: string }[] }).ports ?? [])
      add(p.port, p.protocol)
  else
    for (const c of podSpecOf(obj).containers ?? [])
      for (const p of c.ports ?? []) add(p.containerPort, p.protocol)
  return [...seen].map(([port, protocol]) => ({ port, protocol }))
}

/** expose.go parseLabels: `k=v,k2=v2` with its error texts. */
function parseLabelSpec(spec: string): Labels | string {
  const out: Labels = {}
  for (const part of spec.split(',')) {
    const kv = part.split('=')
    if (kv.length !== 2) return `unexpected label spec: ${part}`
    if (kv[0] === '') return 'unexpected empty label key'
    out[kv[0] as string] = kv[1] as string
  }
  return out
}

function buildService(inv: Invocation, obj: KubeObject): KubeObject | string {
  const f = inv.flags
  const selector: Labels | string = f.str('selector')
    ? parseLabelSpec(f.str('selector'))
    : selectorOf(obj)
  if (typeof selector === 'string')
    return f.str('selector')
      ? selector
      : `couldn't retrieve selectors via --selector flag or introspection: ${selector}`
  const headless = f.str('cluster-ip') === 'None'
  const found = portsOf(obj)
  const wanted = f.str('port') ? [{ port: f.str('port'), protocol: '' }] : found
  if (wanted.length === 0 && !headless) return "couldn't find port via --port flag or introspection"
  const ports: Record<string, unknown>[] = []
  for (const [i, w] of wanted.entries()) {
    if (!/^[-+]?\d+$/.test(w.port)) return `strconv.Atoi: parsing "${w.port}": invalid syntax`
    const port = Number(w.port)
    const protocol =
      f.str('protocol') || found.find((p) => p.port === String(port))?.protocol || 'TCP'
    const entry: Record<string, unknown> = {}
    if (wanted.length > 1) entry.name = `port-${i + 1}`
    entry.protocol = protocol
    entry.port = port
    const target = f.str('target-port')
    entry.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : port
    ports.push(entry)
  }
  const labels = f.str('labels') ? parseLabelSpec(f.str('labels')) : obj.metadata.labels
  if (typeof labels === 'string') return labels
  const metadata: Record<string, unknown> = {
    name: f.str('name') || obj.metadata.name.slice(0, 63),
  }
  if (inv.namespaceGiven) metadata.namespace = inv.namespace
  metadata.creationTimestamp = null
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels
  const spec: Record<string, unknown> = { ports, selector }
  if (f.str('cluster-ip')) spec.clusterIP = f.str('cluster-ip')
  if (f.str('type')) spec.type = f.str('type')
  if (f.str('external-ip')) spec.externalIPs = [f.str('external-ip')]
  const affinity = f.str('session-affinity')
  if (affinity && affinity !== 'None' && affinity !== 'ClientIP')
    return `unknown session affinity: ${affinity}`
  if (affinity) spec.sessionAffinity = affinity
  if (f.str('type') === 'LoadBalancer' && f.str('load-balancer-ip'))
    spec.loadBalancerIP = f.str('load-balancer-ip')
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata,
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject
}

/** `kubectl expose ...`. */
export function exposeVerb(inv: Invocation): ProcessResult {
  if (inv.flags.list('filename').length > 0)
    return clientError(
      'expose -f is not supported in this lab terminal: name the object, e.g. kubectl expose deployment web --port=80',
    )
  const found = resolveTargets(inv, {})
  if (!found.ok) return clientError(found.error)
  let stdout = ''
  let stderr = ''
  for (const t of found.targets) {
    const obj = getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (!obj) return printApiError(notFound(t.kind, t.name), {}, stdout)
    if (!EXPOSABLE.has(t.kind)) {
      const g = RESOURCES[t.kind as Kind].group
      return clientError(`cannot expose a ${t.kind}${g ? `.${g}` : ''}`, stdout)
    }
    const svc = buildService(inv, obj)
    if (typeof svc === 'string') return clientError(svc, stdout)
    const r = submitGenerated(inv, svc, { op: 'exposed', namespaced: true, untypedAnswer: true })
    stdout += r.stdout
    stderr += r.stderr
    if (r.exitCode !== 0) return { stdout, stderr, exitCode: r.exitCode }
  }
  return { stdout, stderr, exitCode: 0 }
}
