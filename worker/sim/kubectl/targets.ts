// Turning resource arguments (or -f manifests, or -l/--all) into the objects a verb acts on,
// as the Builder's visitors do: named targets are not fetched first (the verb's own call reports
// NotFound); bulk targets are listed and filtered by label selector.

import type { KubeObject } from '../objects/types'
import { RESOURCES, type Kind } from '../objects/resources'
import { listObjects } from '../state'
import type { Invocation } from './invocation'
import { matchesRequirements, parseLabelSelector } from './api'
import { selectResources, type SelectionOptions } from './resource-args'
import type { ProcessResult } from '../context'
import { clientError } from './errors'
import { matchesFields, parseFieldSelector, unsupportedField } from './printers/field-selector'
import { listSelectorError } from './printers/get-fetch'

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
  | { ok: true; targets: Target[]; bulk: boolean }
  /** `fromServer`: the error is the API server's Status line, printed as it is */
  | { ok: false; error: string; fromServer?: boolean }

/** A failed selection as kubectl prints it: a server error as it is, else `error: <text>`. */
export function targetsError(r: { error: string; fromServer?: boolean }): ProcessResult {
  return r.fromServer ? { stdout: '', stderr: `${r.error}\n`, exitCode: 1 } : clientError(r.error)
}

function nsFor(kind: Kind, ns: string): string | undefined {
  return RESOURCES[kind].namespaced ? ns : undefined
}

/** Objects of the given kinds matching -l/--field-selector, in one namespace or all (-A). */
export function listTargets(inv: Invocation, kinds: Kind[], allNamespaces: boolean): TargetsResult {
  const sel = parseLabelSelector(inv.flags.str('selector'))
  if ('error' in sel) return { ok: false, error: sel.error }
  const fieldText = inv.flags.str('field-selector')
  const fields = parseFieldSelector(fieldText)
  const targets: Target[] = []
  for (const kind of kinds) {
    // the server parses the field selector and knows which fields each kind indexes
    const bad = 'error' in fields ? fields.error : unsupportedField(kind, fields.requirements)
    if (bad) {
      const error = listSelectorError(kind, inv.flags.str('selector'), fieldText, bad)
      return { ok: false, error, fromServer: true }
    }
    const ns = allNamespaces ? undefined : nsFor(kind, inv.namespace)
    for (const obj of listObjects(inv.ctx.s, kind, ns)) {
      if (!matchesRequirements(sel.requirements, obj.metadata.labels)) continue
      if ('requirements' in fields && !matchesFields(obj, fields.requirements)) continue
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
