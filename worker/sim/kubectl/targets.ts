// Turning resource arguments (or -f manifests, or -l/--all) into the objects a verb acts on,
// as the Builder's visitors do: named targets are not fetched first (the verb's own call reports
// NotFound); bulk targets are listed and filtered by label selector.

import type { KubeObject } from '../objects/types'
import { RESOURCES, type Kind } from '../objects/resources'
import { listObjects } from '../state'
import type { Invocation } from './invocation'
import { matchesRequirements, parseLabelSelector } from './api'
import { selectResources, type SelectionOptions } from './resource-args'

export interface Target {
  kind: Kind
  namespace: string | undefined
  name: string
  /** `STDIN` when it came from -f - */
  source?: string
  /** the object as listed, for bulk targets */
  object?: KubeObject
}

export type TargetsResult =
  { ok: true; targets: Target[]; bulk: boolean } | { ok: false; error: string }

function nsFor(kind: Kind, ns: string): string | undefined {
  return RESOURCES[kind].namespaced ? ns : undefined
}

function fieldMatches(obj: KubeObject, fieldSelector: string): boolean {
  for (const term of fieldSelector.split(',').filter((t) => t !== '')) {
    const m = /^([\w.]+)\s*(==|!=|=)\s*(.*)$/.exec(term)
    if (!m) continue
    const [, field, op, value] = m as unknown as [string, string, string, string]
    const actual =
      field === 'metadata.name'
        ? obj.metadata.name
        : field === 'metadata.namespace'
          ? obj.metadata.namespace
          : undefined
    if (actual === undefined) continue
    if ((op === '!=') === (actual === value)) return false
  }
  return true
}

/** Objects of the given kinds matching -l/--field-selector, in one namespace or all (-A). */
export function listTargets(inv: Invocation, kinds: Kind[], allNamespaces: boolean): TargetsResult {
  const sel = parseLabelSelector(inv.flags.str('selector'))
  if ('error' in sel) return { ok: false, error: sel.error }
  const fieldSelector = inv.flags.str('field-selector')
  const targets: Target[] = []
  for (const kind of kinds) {
    const ns = allNamespaces ? undefined : nsFor(kind, inv.namespace)
    for (const obj of listObjects(inv.ctx.s, kind, ns)) {
      if (!matchesRequirements(sel.requirements, obj.metadata.labels)) continue
      if (!fieldMatches(obj, fieldSelector)) continue
      targets.push({
        kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        object: obj,
      })
    }
  }
  return { ok: true, targets, bulk: true }
}

/** The targets named by positional arguments, or selected by -l/--all. */
export function resolveTargets(
  inv: Invocation,
  opts: SelectionOptions & { allNamespaces?: boolean },
): TargetsResult {
  const sel = selectResources(inv.args, opts)
  if (!sel.ok) return sel
  if (sel.value.mode === 'bulk')
    return listTargets(inv, sel.value.kinds, opts.allNamespaces ?? false)
  if (opts.allNamespaces)
    return { ok: false, error: 'a resource cannot be retrieved by name across all namespaces' }
  const targets = sel.value.refs.map((r) => ({
    kind: r.kind,
    name: r.name,
    namespace: nsFor(r.kind, inv.namespace),
  }))
  return { ok: true, targets, bulk: false }
}
