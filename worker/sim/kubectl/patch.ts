// `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]` (kubectl pkg/cmd/patch): the
// patch applied to the live object and written back through the API server's validation;
// `service/web patched` or `patched (no change)`. Tutorials use it to switch a Service's type.

import { parse } from 'yaml'
import type { ProcessResult } from '../context'
import { sameJSONUnordered } from '../objects/json-equal'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import type { Invocation } from './invocation'
import { notFound, updateObject } from './api'
import { asPatchError } from './patch-errors'
import { clientError, printApiError } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { applyPatchBody, PATCH_REJECTED, type PatchFormat } from './patch-apply'
import type { SmpError } from './patch-strategic'
import { resolveTargets } from './targets'

const TYPES = ['json', 'merge', 'strategic']

function readPatch(inv: Invocation): { value: unknown } | { fail: ProcessResult } {
  const text = inv.flags.str('patch')
  const file = inv.flags.str('patch-file')
  const fail = (msg: string) => ({ fail: clientError(msg) })
  if (text && file) return fail('cannot specify --patch and --patch-file together')
  if (file) return fail(`unable to read patch file: open ${file}: no such file or directory`)
  if (!text)
    return fail('must specify --patch or --patch-file containing the contents of the patch')
  const type = inv.flags.str('type', 'strategic').toLowerCase()
  if (!TYPES.includes(type))
    return fail(`--type must be one of [json merge strategic], not "${inv.flags.str('type')}"`)
  try {
    return { value: parse(text) as unknown }
  } catch (e) {
    return fail(`unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`)
  }
}

type Patched = { obj: KubeObject } | { error: ProcessResult }

// the apiserver's 422 without kind or name: kubectl's checkErr prints it with no `error: `
// prefix (kubectl pkg/cmd/util/helpers.go, the isInvalidReasonStatusError branch)
const REJECTED = `The request is invalid: ${PATCH_REJECTED.message}\n`

/** How kubectl prints a patch the apiserver could not apply. */
function patchFailure(e: SmpError, stdout: string): ProcessResult {
  const stderr =
    e.code === 422
      ? REJECTED
      : e.code === 400
        ? `Error from server (BadRequest): ${e.message}\n`
        : `Error from server: ${e.message}\n`
  return { stdout, stderr, exitCode: 1 }
}

function patched(obj: KubeObject, patch: unknown, type: PatchFormat, stdout: string): Patched {
  const r = applyPatchBody(obj, type, patch)
  return r.ok ? { obj: r.value as KubeObject } : { error: patchFailure(r.error, stdout) }
}

/** `kubectl patch ...`. */
export function patchVerb(inv: Invocation): ProcessResult {
  const read = readPatch(inv)
  if ('fail' in read) return read.fail
  const patch = read.value
  const output = inv.flags.str('output')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  const found = resolveTargets(inv, {})
  if (!found.ok) return clientError(found.error)
  const type = inv.flags.str('type', 'strategic').toLowerCase() as PatchFormat
  let stdout = ''
  for (const t of found.targets) {
    const obj = getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (!obj) return printApiError(notFound(t.kind, t.name), {}, stdout)
    const p = patched(obj, patch, type, stdout)
    if ('error' in p) return p.error
    const next = p.obj
    // as kubectl's reflect.DeepEqual of the object before and after: key order does not count
    const changed = !sameJSONUnordered(next, obj)
    let result = next
    if (changed && dry.value === 'none') {
      const r = updateObject(inv.ctx.s, next, { now: inv.ctx.now })
      if (!r.ok) return printApiError(asPatchError(r.error), {}, stdout)
      result = r.value
      recordChange(inv.ctx, result, 'configured')
      settleCluster(inv.ctx)
    }
    const op = withDryRun(changed ? 'patched' : 'patched (no change)', dry.value)
    if (printsObjects(output)) stdout += renderObjects([result], output)
    else stdout += nameLine(result.kind, result.metadata.name, output === 'name' ? undefined : op)
  }
  return { stdout, stderr: dry.warning, exitCode: 0 }
}
