// `kubectl set selector TYPE NAME EXPRESSIONS` (kubectl pkg/cmd/set/set_selector.go): the last
// argument replaces a Service's whole spec.selector; `service/web selector updated`, printed even
// when nothing changed (upstream always sends the patch). Leaves out -f, --local, --resource-version.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import type { Invocation } from './invocation'
import { notFound, parseLabelSelector, updateObject } from './api'
import { clientError, renderApiError } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { MISSING_RESOURCE_ERROR } from './resource-args'
import { resolveTargets } from './targets'

const OPERATORS: Record<string, string> = {
  in: 'In',
  notin: 'NotIn',
  exists: 'Exists',
  '!': 'DoesNotExist',
}

interface ParsedSelector {
  labels: Record<string, string>
  /** set-based terms parse, but updateSelectorForObject refuses them on a Service */
  exprError?: string
}

/** metav1.ParseToLabelSelector: equality terms become matchLabels, set-based ones expressions. */
function parseSelectorArg(text: string): ParsedSelector | string {
  const parsed = parseLabelSelector(text)
  if ('error' in parsed) return `couldn't parse the selector string "${text}": ${parsed.error}`
  const labels: Record<string, string> = {}
  const exprs: string[] = []
  for (const r of parsed.requirements) {
    if (r.op === '=' || r.op === '==') labels[r.key] = r.values[0] ?? ''
    else if (r.op === '>' || r.op === '<')
      return `"${r.op === '>' ? 'gt' : 'lt'}" isn't supported in label selectors`
    else if (r.op === '!=') return `"!=" is not a valid label selector operator`
    else exprs.push(`{${r.key} ${OPERATORS[r.op]} [${[...r.values].sort().join(' ')}]}`)
  }
  if (exprs.length === 0) return { labels }
  return { labels, exprError: `match expression [${exprs.join(' ')}] not supported on this object` }
}

/** `kubectl set selector ...`. */
export function setSelectorVerb(inv: Invocation): ProcessResult {
  const last = inv.args[inv.args.length - 1]
  if (last === undefined) return clientError('one selector is required')
  const resources = inv.args.slice(0, -1)
  const bad = outputError(inv.flags.str('output'))
  if (bad) return clientError(bad)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  const selector = parseSelectorArg(last)
  if (typeof selector === 'string') return clientError(selector)
  if (resources.length === 0) return clientError(MISSING_RESOURCE_ERROR)
  const found = resolveTargets({ ...inv, args: resources }, { all: inv.flags.bool('all') })
  if (!found.ok) return clientError(found.error)
  const output = inv.flags.str('output')
  let stdout = ''
  const objs: KubeObject[] = []
  for (const t of found.targets) {
    const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (!obj) return { stdout, stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
    if (obj.kind !== 'Service')
      return clientError('setting a selector is only supported for Services', stdout)
    if (selector.exprError) return clientError(selector.exprError, stdout)
    const next = JSON.parse(JSON.stringify(obj)) as KubeObject
    const spec = next.spec as { selector?: Record<string, string> }
    if (Object.keys(selector.labels).length > 0) spec.selector = { ...selector.labels }
    else delete spec.selector
    let shown = next
    if (dry.value === 'none') {
      const r = updateObject(inv.ctx.s, next, { now: inv.ctx.now })
      if (!r.ok) return { stdout, stderr: renderApiError(r.error), exitCode: 1 }
      recordChange(inv.ctx, r.value, 'configured')
      shown = r.value
    }
    objs.push(shown)
    if (!printsObjects(output))
      stdout += nameLine(
        shown.kind,
        shown.metadata.name,
        output === 'name' ? undefined : withDryRun('selector updated', dry.value),
      )
  }
  if (printsObjects(output) && objs.length > 0) stdout += renderObjects(objs, output)
  if (dry.value === 'none' && objs.length > 0) settleCluster(inv.ctx)
  return { stdout, stderr: dry.warning, exitCode: 0 }
}
