// Which pod `kubectl exec|logs|port-forward TYPE/NAME` talks to (kubectl polymorphichelpers
// attachablepodforobject.go, GetFirstPod with ActivePods order): a pod as is; for a Deployment,
// ReplicaSet or Service the best pod its selector matches (ready and running first, then newest).

import type { KubeObject, LabelSelector, Pod } from '../objects/types'
import { getObject, listObjects, parseTimestamp } from '../state'
import type { Kind } from '../objects/resources'
import type { ApiError } from '../objects/types'
import type { Invocation } from './invocation'
import { notFound } from './api'
import { resolveTypes } from './resource-args'

export type PodLookup =
  { ok: true; pod: Pod; matched: number } | { ok: false; api?: ApiError; text?: string }

function matches(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(sel).every(([k, v]) => (labels ?? {})[k] === v)
}

function selectorOf(obj: KubeObject): Record<string, string> | string {
  if (obj.kind === 'Service') {
    const sel = (obj.spec as { selector?: Record<string, string> }).selector
    return sel && Object.keys(sel).length > 0
      ? sel
      : "invalid service '" + obj.metadata.name + "': Service is defined without a selector"
  }
  const sel = (obj.spec as { selector?: LabelSelector }).selector
  return sel?.matchLabels ?? {}
}

function rank(p: Pod): number[] {
  const ready = (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  const phase = p.status.phase === 'Running' ? 2 : p.status.phase === 'Pending' ? 1 : 0
  const deleting = p.metadata.deletionTimestamp ? 0 : 1
  return [
    p.spec.nodeName ? 1 : 0,
    phase,
    ready ? 1 : 0,
    deleting,
    parseTimestamp(p.metadata.creationTimestamp),
  ]
}

function better(a: Pod, b: Pod): boolean {
  const ra = rank(a)
  const rb = rank(b)
  for (let i = 0; i < ra.length; i++)
    if ((ra[i] as number) !== (rb[i] as number)) return (ra[i] as number) > (rb[i] as number)
  return false
}

/** Resolves `x`, `pod/x`, `deploy/x`, `svc/x` to one pod in the command's namespace. */
export function podForArgument(inv: Invocation, arg: string): PodLookup {
  const slash = arg.indexOf('/')
  let kind: Kind = 'Pod'
  let name = arg
  if (slash >= 0) {
    const r = resolveTypes(arg.slice(0, slash))
    if ('unknown' in r)
      return { ok: false, text: `the server doesn't have a resource type "${r.unknown}"` }
    kind = r.kinds[0] as Kind
    name = arg.slice(slash + 1)
  }
  const obj = getObject<KubeObject>(inv.ctx.s, kind, inv.namespace, name)
  if (!obj) return { ok: false, api: notFound(kind, name) }
  if (obj.kind === 'Pod') return { ok: true, pod: obj as Pod, matched: 1 }
  if (!['Deployment', 'ReplicaSet', 'Service'].includes(obj.kind))
    return {
      ok: false,
      text: `cannot attach to *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`,
    }
  const sel = selectorOf(obj)
  if (typeof sel === 'string') return { ok: false, text: `cannot attach to *v1.Service: ${sel}` }
  let best: Pod | undefined
  let matched = 0
  for (const p of listObjects<Pod>(inv.ctx.s, 'Pod', inv.namespace)) {
    if (!matches(sel, p.metadata.labels)) continue
    matched++
    if (!best || better(p, best)) best = p
  }
  if (!best) return { ok: false, text: 'timed out waiting for the condition' }
  return { ok: true, pod: best, matched }
}
