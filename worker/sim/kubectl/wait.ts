// `kubectl wait --for=condition=Ready|delete|jsonpath=... pod/x` (kubectl pkg/cmd/wait): the simulated cluster does
// not move while a command runs, so the condition is checked once, as it stands now: met ->
// `pod/x condition met`; not met -> what kubectl says when its --timeout runs out.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import { RESOURCES, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import { notFound } from './api'
import { clientError, renderApiError } from './errors'
import { nameLine } from './names'
import { resolveTargets, targetsError } from './targets'
import { findJsonPathValues, relaxedJsonPath, valueText } from './printers/jsonpath'

/** met, not met (a timeout), or an error that waiting cannot end */
type Check = (obj: KubeObject | undefined) => boolean | string

/**
 * `--for=jsonpath='{.status.phase}'=Running` (wait.go processJSONPathInput): the expression
 * (relaxed, as get's), then `=value`; without a value, that the field is there (whatever it holds).
 * The expression must match one value, and only a value that is not a list or map is compared.
 */
function jsonPathCheck(input: string): Check | string {
  const text = input.trim()
  if (text === '') return 'jsonpath expression cannot be empty'
  const end = text.lastIndexOf('}')
  const split = end >= 0 ? end + 1 : text.indexOf('=') < 0 ? text.length : text.indexOf('=')
  const rest = text.slice(split)
  if (rest !== '' && !rest.startsWith('=')) return `unrecognized condition: "jsonpath=${input}"`
  const want = rest === '' ? undefined : rest.slice(1)
  const relaxed = relaxedJsonPath(text.slice(0, split))
  if ('error' in relaxed) return relaxed.error
  return (obj) => {
    if (!obj) return false
    let results: unknown[][]
    try {
      results = findJsonPathValues(relaxed.path, obj)
    } catch {
      return false
    }
    // json.go checkCondition, verifyParsedJSONPath, compareResults
    if (results.length === 0 || results[0]?.length === 0) return false
    if (results.length > 1) return 'given jsonpath expression matches more than one list'
    if ((results[0]?.length ?? 0) > 1)
      return 'given jsonpath expression matches more than one value'
    const value = results[0]?.[0]
    if (want === undefined) return true
    if (value !== null && typeof value === 'object')
      return 'jsonpath leads to a nested object or list which is not supported'
    return valueText(value).trim() === want.trim()
  }
}

function conditionCheck(forFlag: string): Check | string {
  if (forFlag === 'delete') return (obj) => obj === undefined
  if (/^jsonpath=/i.test(forFlag)) return jsonPathCheck(forFlag.slice('jsonpath='.length))
  const m = /^condition=([^=]+)(?:=(.*))?$/i.exec(forFlag)
  if (!m) return `unrecognized condition: "${forFlag}"`
  const type = (m[1] as string).toLowerCase()
  const want = (m[2] ?? 'true').toLowerCase()
  return (obj) => {
    const conds =
      (obj?.status as { conditions?: { type: string; status: string }[] } | undefined)
        ?.conditions ?? []
    return conds.some((c) => c.type.toLowerCase() === type && c.status.toLowerCase() === want)
  }
}

/** `kubectl wait --for=condition=X|delete TYPE/NAME ...`, answered from the current state. */
export function waitVerb(inv: Invocation): ProcessResult {
  const check = conditionCheck(inv.flags.str('for'))
  if (typeof check === 'string') return clientError(check)
  const found = resolveTargets(inv, {
    selector: inv.flags.str('selector') !== '',
    all: inv.flags.bool('all'),
    allowEmptySelector: false,
  })
  if (!found.ok) return targetsError(found)
  // waiting for a deletion: nothing to wait for is success, printed as nothing (wait.go)
  const forDelete = inv.flags.str('for') === 'delete'
  if (found.targets.length === 0 && !forDelete) return clientError('no matching resources found')
  let stdout = ''
  // each object is waited for in turn; the failures are printed together at the end
  const errors: string[] = []
  for (const t of found.targets) {
    const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (!obj && forDelete) continue
    if (!obj) return { stdout, stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
    const met = check(obj)
    if (typeof met === 'string') errors.push(met)
    else if (!met)
      errors.push(
        `timed out waiting for the condition on ${RESOURCES[t.kind as Kind].plural}/${t.name}`,
      )
    else stdout += nameLine(t.kind, t.name, 'condition met')
  }
  if (errors.length === 1) return clientError(errors[0]!, stdout)
  if (errors.length > 1)
    return { stdout, stderr: errors.map((e) => `${e}\n`).join(''), exitCode: 1 }
  return { stdout, stderr: '', exitCode: 0 }
}
