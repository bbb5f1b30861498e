// Checks about objects in the cluster after the command: existence, counts, JSONPath fields, and
// Endpoints that follow the ready pods. JSONPath is kubectl's own (the simulator's evaluator).
import type { KubeObject, Pod } from '../../sim/objects/types'
import { findJsonPathValues } from '../../sim/kubectl/printers/jsonpath'
import { matchesSelector } from '../../sim/objects/selectors'
import { listObjects, type ClusterState } from '../../sim/state'
import { endpointIPs, endpointPairs, isPodReady, podIP } from '../checks'
import type { FieldRef, FieldTest, ObjectRef, PodFilter } from './check-schema'
import { compiled } from './regex'

const CLUSTER_SCOPED = new Set(['Namespace', 'Node'])

/** Objects `ref` names: one by name, or all carrying its labels (namespace default `default`). */
export function objectsOf(s: ClusterState, ref: ObjectRef): KubeObject[] {
  const ns = CLUSTER_SCOPED.has(ref.kind) ? undefined : (ref.namespace ?? 'default')
  return listObjects(s, ref.kind, ns).filter(
    (o) =>
      (ref.name === undefined || o.metadata.name === ref.name) &&
      matchesSelector(o.metadata.labels, ref.selector),
  )
}

export function podMatches(p: Pod, f: PodFilter): boolean {
  if (f.name !== undefined && p.metadata.name !== f.name) return false
  if (f.namespace !== undefined && p.metadata.namespace !== f.namespace) return false
  if (!matchesSelector(p.metadata.labels, f.selector)) return false
  if (f.image !== undefined && !p.spec.containers.some((c) => c.image === f.image)) return false
  return f.ready === undefined || isPodReady(p) === f.ready
}

export function podsOf(s: ClusterState, f: PodFilter): Pod[] {
  const pods = objectsOf(s, { kind: 'Pod', namespace: f.namespace, selector: f.selector }) as Pod[]
  return pods.filter((p) => podMatches(p, { ...f, namespace: undefined }))
}

export function inRange(
  n: number,
  r: { atLeast?: number; atMost?: number },
  defaultAtLeast = 1,
): boolean {
  return (
    n >= (r.atLeast ?? (r.atMost === undefined ? defaultAtLeast : 0)) &&
    (r.atMost === undefined || n <= r.atMost)
  )
}

const template = (path: string) =>
  path.includes('{') ? path : `{${path.startsWith('.') ? '' : '.'}${path}}`

/** Every value the path finds in the objects `ref` names, flattened. */
export function fieldValues(s: ClusterState, ref: FieldRef): unknown[] {
  const out: unknown[] = []
  for (const o of objectsOf(s, ref))
    for (const list of findJsonPathValues(template(ref.path), o)) out.push(...list)
  return out.filter((v) => v !== undefined && v !== null)
}

/** A path the simulator's JSONPath cannot parse, as a sentence (checked when a lab is saved). */
export function jsonPathProblem(path: string): string | undefined {
  try {
    findJsonPathValues(template(path), {})
    return undefined
  } catch (e) {
    return `JSONPath ${path} does not parse: ${(e as Error).message}.`
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' || typeof b === 'number') return String(a) === String(b)
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) =>
    deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
const isEmpty = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length === 0

export function testField(s: ClusterState, t: FieldTest): boolean {
  const values = fieldValues(s, t)
  if (t.absent) return values.every(isEmpty)
  const one = values.length === 1 ? values[0] : values
  if (t.equals !== undefined && !deepEqual(one, t.equals)) return false
  if (t.oneOf !== undefined && !t.oneOf.some((x) => deepEqual(one, x))) return false
  if (t.matches !== undefined) {
    const re = compiled(t.matches)
    if (values.length === 0 || !values.every((v) => re.test(text(v)))) return false
  }
  if (t.count !== undefined) return inRange(values.length, t.count)
  return values.length > 0
}

/** Endpoints `service` list exactly the ready pods carrying `selector` (on `port`, if given). */
export function endpointsMatchPods(
  s: ClusterState,
  t: {
    service: string
    namespace?: string
    selector: Record<string, string>
    port?: number
    atLeast?: number
  },
): boolean {
  const ns = t.namespace ?? 'default'
  const want = podsOf(s, { namespace: ns, selector: t.selector, ready: true })
    .map(podIP)
    .filter((ip): ip is string => ip !== undefined)
    .map((ip) => (t.port === undefined ? ip : `${ip}:${t.port}`))
  const have = new Set(
    t.port === undefined ? endpointIPs(s, t.service, ns) : endpointPairs(s, t.service, ns),
  )
  return (
    want.length >= (t.atLeast ?? 1) && have.size === want.length && want.every((x) => have.has(x))
  )
}

/** How many of `values` the text shows as whole words (an IP is not found inside a longer one). */
export function countMentioned(output: string, values: string[]): number {
  const esc = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return values.filter((v) => new RegExp(`(^|[^\\w.])${esc(v)}($|[^\\w])`).test(output)).length
}

export const valueTexts = (values: unknown[]) => [...new Set(values.map(text))]
