// `kubectl delete` (kubectl pkg/cmd/delete/delete.go, KUBERNETES-FACTS T15): names, TYPE/NAME,
// -f, -l, --all, grace-period/force/now rules, --cascade (objects/propagation.ts),
// `"<kind>" "<name>" deleted`, NotFound per object.
// A real kubectl then waits until the objects are gone (30 s for a `sleep` pod that ignores
// SIGTERM, or a foreground delete's dependents); the simulation returns at once and the pod (or
// the owner waiting for it) shows until its grace ends.

import type { ProcessResult } from '../context'
import { isKind, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import type { PropagationPolicy } from '../objects/propagation'
import { deleteObject } from './api'
import { clientError } from './errors'
import { dryRunOf } from './dry-run'
import { loadManifests } from './manifests'
import { reviewNotAllowed } from './get-describe'
import { deletedLine, nameLine, type DryRun } from './names'
import { recordChange, settleCluster } from './mutation'
import { renderErrors, type ObjectError } from './apply'
import { resolveTargets, targetsError, type Target, type TargetsResult } from './targets'
import { OrderedOutput } from '../shell/io'
import { parseGoBool } from '../go-bool'

const IMMEDIATE =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

/** delete.go Complete: --now, --grace-period and --force folded into one grace period. */
function gracePeriod(inv: Invocation): number | string {
  let grace = inv.flags.int('grace-period', -1)
  const force = inv.flags.bool('force')
  if (inv.flags.bool('now')) {
    if (grace !== -1) return '--now and --grace-period cannot be specified together'
    grace = 1
  }
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  return grace
}

/** delete_flags.go parseCascadingFlag: the policy, and the warning a boolean value earns. */
function cascadeOf(inv: Invocation): { policy: PropagationPolicy; warning: string } | string {
  const flag = inv.flags.str('cascade') || 'background'
  const named = { background: 'Background', orphan: 'Orphan', foreground: 'Foreground' } as const
  const asBool = parseGoBool(flag)
  if (asBool === undefined) {
    const policy = named[flag as keyof typeof named]
    if (!Object.hasOwn(named, flag))
      return `invalid cascade value (${flag}). Must be "background", "foreground", or "orphan"`
    return { policy, warning: '' }
  }
  const instead = asBool ? 'background' : 'orphan'
  const warning = `warning: --cascade=${flag} is deprecated (boolean value) and can be replaced with --cascade=${instead}.\n`
  return { policy: asBool ? 'Background' : 'Orphan', warning }
}

/** The targets, and the mapping errors of manifests whose kind the cluster lacks (-f). */
function targetsOf(inv: Invocation): TargetsResult & { unmapped?: string[] } {
  const files = inv.flags.list('filename')
  if (files.length === 0)
    return resolveTargets(inv, {
      selector: inv.flags.str('selector') !== '' || inv.flags.str('field-selector') !== '',
      all: inv.flags.bool('all'),
      allNamespaces: inv.flags.bool('all-namespaces'),
    })
  if (inv.args.length > 0)
    return {
      ok: false,
      error:
        'when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well',
    }
  const loaded = loadManifests(inv, files)
  if (loaded.fatal) return { ok: false, error: loaded.fatal, fromServer: loaded.fatalBare }
  if (loaded.parseError) return { ok: false, error: loaded.parseError }
  const targets = loaded.manifests
    .filter((m) => isKind(m.kind))
    .map((m) => ({ kind: m.kind as Kind, name: m.name, namespace: m.namespace, source: m.source }))
  // a kind the cluster lacks does not stop the others (ContinueOnError): its error comes last
  return { ok: true, targets, bulk: false, unmapped: loaded.mappingErrors }
}

function deleteOne(
  inv: Invocation,
  t: Target,
  grace: number,
  dryRun: DryRun,
  propagationPolicy: PropagationPolicy,
): ObjectError | undefined {
  if (dryRun === 'client') return undefined
  const source = t.source ?? ''
  const opts = {
    now: inv.ctx.now,
    dryRun: dryRun === 'server',
    propagationPolicy,
    ...(grace >= 0 ? { gracePeriodSeconds: grace, force: grace === 0 } : {}),
  }
  const r = deleteObject(inv.ctx.s, t.kind, t.namespace, t.name, opts)
  if (!r.ok) return { api: r.error, source, verb: 'deleting' }
  if (dryRun === 'none') recordChange(inv.ctx, r.value, 'deleted')
  return undefined
}

function withWarning(warning: string, r: ProcessResult): ProcessResult {
  return { ...r, stderr: warning + r.stderr }
}

/** `kubectl delete ...`. */
export function deleteVerb(inv: Invocation): ProcessResult {
  const review = reviewNotAllowed(inv)
  if (review) return review
  const output = inv.flags.str('output')
  const cascade = cascadeOf(inv)
  if (typeof cascade === 'string') return clientError(cascade)
  const grace = gracePeriod(inv)
  if (typeof grace === 'string') return withWarning(cascade.warning, clientError(grace))
  const dry = dryRunOf(inv)
  if (!dry.ok) return withWarning(cascade.warning, clientError(dry.error))
  const found = targetsOf(inv)
  if (!found.ok) return withWarning(cascade.warning, targetsError(found))
  if (output !== '' && output !== 'name')
    return clientError(`unexpected -o output mode: ${output}. We only support '-o name'`)
  if (inv.flags.bool('all') && inv.flags.str('selector'))
    return clientError('cannot set --all and --selector at the same time')
  if (grace > 0 && inv.flags.bool('force'))
    return clientError('--force and --grace-period greater than 0 cannot be specified together')
  const explicitIgnore = inv.flags.has('ignore-not-found')
  const ignoreNotFound = explicitIgnore ? inv.flags.bool('ignore-not-found') : found.bulk
  // kubectl warns before it deletes anything; the errors come after the deletions
  const o = new OrderedOutput()
  o.err(cascade.warning + dry.warning + (grace === 0 ? IMMEDIATE : ''))
  let warnedScope = !inv.namespaceGiven || inv.flags.bool('all-namespaces')
  const errs: ObjectError[] = []
  for (const t of found.targets) {
    if (!warnedScope && t.namespace === undefined) {
      o.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n')
      warnedScope = true
    }
    const err = deleteOne(inv, t, grace, dry.value, cascade.policy)
    if (err) {
      if (!('api' in err && err.api.reason === 'NotFound' && ignoreNotFound)) errs.push(err)
      continue
    }
    o.out(
      output === 'name'
        ? nameLine(t.kind, t.name)
        : `${deletedLine(t.kind, t.name, grace, dry.value)}\n`,
    )
  }
  const unmapped = 'unmapped' in found ? (found.unmapped ?? []) : []
  for (const text of unmapped) errs.push({ text })
  if (found.targets.length === 0 && unmapped.length === 0) o.out('No resources found\n')
  if (dry.value === 'none') settleCluster(inv.ctx)
  if (errs.length > 0) o.err(renderErrors(errs))
  return o.result(errs.length > 0 ? 1 : 0)
}
