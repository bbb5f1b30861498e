// `kubectl apply -f` (client-side apply, kubectl pkg/cmd/apply/apply.go applyOneObject): create
// when missing, else patch; per-object `created|configured|unchanged` lines; errors collected and
// printed at the end (one as checkErr prints it, several as an aggregate). Leaves out -k, --prune,
// --server-side.

import type { ProcessResult } from '../context'
import type { ApiError, KubeObject } from '../objects/types'
import { getObject } from '../state'
import { isKind, qualifiedResource, RESOURCES, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import { applyObject } from './api'
import { sentApplyPatch } from '../objects/apply'
import { discardNulls } from './patch-strategic-values'
import { asPatchError } from './patch-errors'
import { clientError, renderApiError, renderWarnings } from './errors'
import { dryRunOf } from './dry-run'
import { builderError, loadManifests, type Manifest } from './manifests'
import { nameLine, withDryRun, type DryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { LAST_APPLIED, withSavedConfig } from './saved-config'

/** A failure of one object: an API status (with where it came from) or a plain client error. */
export type ObjectError = { api: ApiError; source: string; verb: string } | { text: string }

/** Prints collected errors like checkErr: one alone, several as MultipleErrors (no `error: ` there). */
export function renderErrors(errs: ObjectError[]): string {
  if (errs.length === 1) {
    const e = errs[0] as ObjectError
    return 'api' in e
      ? renderApiError(e.api, { source: e.source, verb: e.verb })
      : `error: ${e.text}\n`
  }
  return errs
    .map((e) =>
      'api' in e
        ? renderApiError(e.api, { source: e.source, verb: e.verb, multi: true })
        : `${e.text}\n`,
    )
    .join('')
}

/** cli-runtime Info.ObjectName(): the bare plural, no group (`deployments/web`, measured). */
function missingAnnotationWarning(kind: Kind, name: string): string {
  return `Warning: resource ${RESOURCES[kind].plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`
}

/** AddSourceToErr's verb for a failed patch (apply.go:751): the patch, the target, then `for:`. */
function patchVerb(m: Manifest, kind: Kind, patch: string): string {
  const r = qualifiedResource(kind).split('.')
  const gv = `${RESOURCES[kind].group}/${RESOURCES[kind].version}`
  return `applying patch:\n${patch}\nto:\nResource: "${gv}, Resource=${r[0]}", GroupVersionKind: "${gv}, Kind=${kind}"\nName: "${m.name}", Namespace: "${m.namespace ?? ''}"\nfor:`
}

/** A failed apply over `live`: the apiserver's error, or kubectl's own when it could not diff. */
function patchError(m: Manifest, kind: Kind, live: KubeObject, err: ApiError): ObjectError {
  const sent = sentApplyPatch(live, m.object, m.namespace)
  const verb = patchVerb(m, kind, sent.ok ? sent.patch : '')
  const inner = `error when patching "${m.source}": `
  if (!sent.ok) return { text: `error when ${verb} "${m.source}": ${inner}${sent.error}` }
  const patchErr = asPatchError(err)
  return { api: { ...patchErr, message: inner + patchErr.message }, source: m.source, verb }
}

interface Applied {
  object?: KubeObject
  line: string
  warning: string
  error?: ObjectError
}

function applyOne(inv: Invocation, m: Manifest, dryRun: DryRun): Applied {
  const kind = m.kind as Kind
  const existing = isKind(kind) ? getObject(inv.ctx.s, kind, m.namespace, m.name) : undefined
  const ssa = inv.flags.bool('server-side')
  if (dryRun === 'client') {
    const op = ssa ? 'serverside-applied' : existing ? 'configured' : 'created'
    const object = withSavedConfig(structuredClone(m.object))
    // a create sends the object without its nulls (pruneNullsFromMap), an update its manifest
    if (!existing) discardNulls(object)
    return {
      object: object as KubeObject,
      line: nameLine(kind, m.name, withDryRun(op, dryRun)),
      warning: '',
    }
  }
  const warning =
    !ssa && existing && !(existing.metadata.annotations ?? {})[LAST_APPLIED]
      ? missingAnnotationWarning(kind, m.name)
      : ''
  const r = applyObject(inv.ctx.s, m.object, {
    now: inv.ctx.now,
    dryRun: dryRun === 'server',
    namespace: m.namespace,
  })
  if (!r.ok) {
    if (!existing)
      return { line: '', warning, error: { api: r.error, source: m.source, verb: 'creating' } }
    return { line: '', warning, error: patchError(m, kind, existing, r.error) }
  }
  const { object, op } = r.value
  if (dryRun === 'none' && op !== 'unchanged') recordChange(inv.ctx, object, op)
  return {
    object,
    line: nameLine(
      object.kind,
      object.metadata.name,
      withDryRun(ssa ? 'serverside-applied' : op, dryRun),
    ),
    warning: warning + renderWarnings(r.warnings) + (existing ? deletingWarning(object) : ''),
  }
}

/** WarnIfDeleting (apply.go:1125): an object applied over while it terminates, `unchanged` too. */
function deletingWarning(obj: KubeObject): string {
  return obj.metadata.deletionTimestamp
    ? `Warning: Detected changes to resource ${obj.metadata.name} which is currently being deleted.\n`
    : ''
}

/** `kubectl apply -f -`: what a learner pastes from a tutorial. */
export function applyVerb(inv: Invocation): ProcessResult {
  const files = inv.flags.list('filename')
  if (inv.args.length > 0)
    return clientError(
      `Unexpected args: [${inv.args.join(' ')}]\nSee '${inv.commandPath} -h' for help and examples`,
    )
  const kust = inv.flags.str('kustomize')
  if (files.length > 0 && kust) return clientError('only one of -f or -k can be specified')
  if (kust)
    return clientError(
      'kustomize (-k) is not supported in this lab terminal: apply the manifests with -f -',
    )
  if (files.length === 0) return clientError('must specify one of -f and -k')
  const output = inv.flags.str('output')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  const loaded = loadManifests(inv, files)
  const failed = builderError(loaded)
  if (failed) return failed
  const errs: ObjectError[] = loaded.mappingErrors.map((text) => ({ text }))
  if (loaded.parseError !== undefined) errs.push({ text: loaded.parseError })
  if (loaded.manifests.length === 0 && errs.length === 0)
    return clientError('no objects passed to apply')
  let stdout = ''
  let stderr = dry.warning
  const objs: KubeObject[] = []
  for (const m of loaded.manifests) {
    const a = applyOne(inv, m, dry.value)
    if (a.error) errs.push(a.error)
    stderr += a.warning
    if (a.object) objs.push(a.object)
    if (!printsObjects(output))
      stdout +=
        output === 'name' && a.object ? nameLine(a.object.kind, a.object.metadata.name) : a.line
  }
  if (printsObjects(output) && objs.length > 0) stdout += renderObjects(objs, output)
  if (dry.value === 'none') settleCluster(inv.ctx)
  if (errs.length > 0) return { stdout, stderr: stderr + renderErrors(errs), exitCode: 1 }
  return { stdout, stderr, exitCode: 0 }
}
