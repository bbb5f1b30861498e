// `kubectl create -f` (kubectl pkg/cmd/create/create.go RunCreate): POST each object, print
// `<kind>/<name> created`, keep going past failures and print them together at the end.
// --save-config stores the last-applied annotation as kubectl does; --edit/-k/--raw are left out.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import type { Invocation } from './invocation'
import { createObject } from './api'
import { withSavedConfig } from './saved-config'
import { clientError, renderWarnings } from './errors'
import { dryRunOf } from './dry-run'
import { builderError, loadManifests, type Manifest } from './manifests'
import { nameLine, withDryRun, type DryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { renderErrors, type ObjectError } from './apply'

function createOne(
  inv: Invocation,
  m: Manifest,
  dryRun: DryRun,
): { object: KubeObject; warnings?: string[] } | ObjectError {
  const input = inv.flags.bool('save-config') ? withSavedConfig(m.object) : m.object
  if (dryRun === 'client') return { object: input as KubeObject }
  const r = createObject(inv.ctx.s, input, {
    now: inv.ctx.now,
    dryRun: dryRun === 'server',
    namespace: m.namespace,
  })
  if (!r.ok) return { api: r.error, source: m.source, verb: 'creating' }
  if (dryRun === 'none') recordChange(inv.ctx, r.value, 'created')
  return { object: r.value, warnings: r.warnings }
}

/** `kubectl create -f -`. */
export function createFromFileVerb(inv: Invocation): ProcessResult {
  const files = inv.flags.list('filename')
  if (inv.args.length > 0)
    return clientError(
      `Unexpected args: [${inv.args.join(' ')}]\nSee '${inv.commandPath} -h' for help and examples`,
    )
  if (inv.flags.str('kustomize'))
    return clientError('kustomize (-k) is not supported in this lab terminal: use -f -')
  if (files.length === 0) return clientError('must specify one of -f and -k')
  if (inv.flags.bool('edit'))
    return clientError('--edit is not supported in this lab terminal: use the editor panel')
  const output = inv.flags.str('output')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  const loaded = loadManifests(inv, files)
  const failed = builderError(loaded)
  if (failed) return failed
  const errs: ObjectError[] = []
  const objs: KubeObject[] = []
  let stdout = ''
  let warnings = dry.warning
  for (const m of loaded.manifests) {
    const created = createOne(inv, m, dry.value)
    if (!('object' in created)) {
      errs.push(created)
      continue
    }
    const r = created.object
    warnings += renderWarnings(created.warnings)
    objs.push(r)
    if (output === 'name') stdout += nameLine(r.kind, r.metadata.name)
    else if (!printsObjects(output))
      stdout += nameLine(r.kind, r.metadata.name, withDryRun('created', dry.value))
  }
  // the objects' errors first, then what the file's visitor collected (cli-runtime
  // ContinueOnErrorVisitor appends the inner visitor's aggregate last), unlike apply's
  for (const text of loaded.mappingErrors) errs.push({ text })
  if (loaded.parseError !== undefined) errs.push({ text: loaded.parseError })
  if (printsObjects(output) && objs.length > 0) stdout += renderObjects(objs, output)
  if (dry.value === 'none' && objs.length > 0) settleCluster(inv.ctx)
  if (errs.length > 0) return { stdout, stderr: warnings + renderErrors(errs), exitCode: 1 }
  if (objs.length === 0) return clientError('no objects passed to create')
  return { stdout, stderr: warnings, exitCode: 0 }
}
