// `kubectl wait --for=condition=Ready pod/x` (kubectl pkg/cmd/wait): the simulated cluster does
// not move while a command runs, so the condition is checked once, as it stands now: met ->
// `pod/x condition met`; not met -> what kubectl says when its --timeout runs out.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import { qualifiedResource, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import { notFound } from './api'
import { clientError, renderApiError } from './errors'
import { nameLine } from './names'
import { resolveTargets, targetsError } from './targets'

type Check = (obj: KubeObject | undefined) => boolean

function conditionCheck(forFlag: string): Check | string {
  if (forFlag === 'delete') return (obj) => obj === undefined
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
  if (found.targets.length === 0) return clientError('no matching resources found')
  let stdout = ''
  for (const t of found.targets) {
    const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (!obj && inv.flags.str('for') !== 'delete')
      return { stdout, stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
    if (!check(obj))
      return clientError(
        `timed out waiting for the condition on ${qualifiedResource(t.kind as Kind)}/${t.name}`,
        stdout,
      )
    stdout += nameLine(
      t.kind,
      t.name,
      inv.flags.str('for') === 'delete' ? 'condition met' : 'condition met',
    )
  }
  return { stdout, stderr: '', exitCode: 0 }
}
