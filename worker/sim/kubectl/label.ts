// `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label/label.go, annotate/annotate.go):
// `key=value` and `key-` pairs after the resources, --overwrite, --all/-l, --list; the object is
// fetched, changed and written back. Messages: `pod/x labeled|unlabeled|not labeled`, `annotated`.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import type { Invocation } from './invocation'
import { notFound, updateObject } from './api'
import { clientError, renderApiError } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun, type DryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { resolveTargets, targetsError, type Target } from './targets'
import { parseAnnotationPairs, parseLabelPairs, splitArgs, type Pairs } from './metadata-pairs'

type Field = 'labels' | 'annotations'

function overwriteError(
  field: Field,
  current: Record<string, string>,
  set: Record<string, string>,
): string | undefined {
  const clashes = Object.entries(set).filter(
    ([k, v]) => k in current && current[k] !== v && k !== 'kubernetes.io/change-cause',
  )
  if (clashes.length === 0) return undefined
  if (field === 'labels')
    return clashes
      .map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
      .join('\n')
  const list = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')
  return `--overwrite is false but found the following declared annotation(s): ${list}`
}

function changeMessage(
  field: Field,
  before: Record<string, string>,
  after: Record<string, string>,
  overwrite: boolean,
): string {
  if (field === 'annotations') return 'annotated'
  if (JSON.stringify(before) === JSON.stringify(after)) return 'not labeled'
  const shorter = JSON.stringify(after).length < JSON.stringify(before).length
  return !overwrite && shorter ? 'unlabeled' : 'labeled'
}

interface EditPlan {
  field: Field
  pairs: Pairs
  output: string
  dry: DryRun
  warning: string
  targets: Target[]
}

/** label.go/annotate.go Complete + Validate: everything decided before touching objects. */
function plan(inv: Invocation, field: Field): EditPlan | ProcessResult {
  const pairType = field === 'labels' ? 'label' : 'annotation'
  const split = splitArgs(inv.args, pairType)
  if (typeof split === 'string') return clientError(split)
  const pairs =
    field === 'labels' ? parseLabelPairs(split.pairs) : parseAnnotationPairs(split.pairs)
  if (typeof pairs === 'string') return clientError(pairs)
  const list = inv.flags.bool('list')
  const output = inv.flags.str('output')
  if (list && output) return clientError('--list and --output may not be specified together')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  if (inv.flags.bool('all') && inv.flags.str('selector'))
    return clientError('cannot set --all and --selector at the same time')
  if (split.resources.length === 0)
    return clientError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    )
  if (Object.keys(pairs.set).length === 0 && pairs.remove.length === 0 && !list)
    return clientError(`at least one ${pairType} update is required`)
  const found = resolveTargets(
    { ...inv, args: split.resources },
    {
      selector: inv.flags.str('selector') !== '',
      all: inv.flags.bool('all'),
      allNamespaces: inv.flags.bool('all-namespaces'),
    },
  )
  if (!found.ok) return targetsError(found)
  return { field, pairs, output, dry: dry.value, warning: dry.warning, targets: found.targets }
}

/** One object: its new labels/annotations written back; the lines to print, or the failure. */
function editOne(
  inv: Invocation,
  p: EditPlan,
  t: Target,
): { text: string; obj?: KubeObject } | ProcessResult {
  const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
  if (!obj) return { stdout: '', stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
  const before = { ...(obj.metadata[p.field] ?? {}) }
  if (inv.flags.bool('list'))
    return {
      text: Object.keys(before)
        .sort()
        .map((k) => `${k}=${before[k]}\n`)
        .join(''),
    }
  const overwrite = inv.flags.bool('overwrite')
  const clash = overwrite ? undefined : overwriteError(p.field, before, p.pairs.set)
  if (clash) return clientError(clash)
  let text = ''
  if (p.field === 'labels' && p.dry !== 'client')
    for (const r of p.pairs.remove) if (!(r in before)) text += `label "${r}" not found.\n`
  const after: Record<string, string> = { ...before, ...p.pairs.set }
  for (const r of p.pairs.remove) delete after[r]
  let result: KubeObject = { ...obj, metadata: { ...obj.metadata, [p.field]: after } }
  if (p.dry === 'none') {
    const r = updateObject(inv.ctx.s, result, { now: inv.ctx.now })
    if (!r.ok) return { stdout: text, stderr: renderApiError(r.error), exitCode: 1 }
    result = r.value
    recordChange(inv.ctx, result, 'configured')
  }
  const msg = withDryRun(changeMessage(p.field, before, after, overwrite), p.dry)
  if (!printsObjects(p.output))
    text += nameLine(result.kind, result.metadata.name, p.output === 'name' ? undefined : msg)
  return { text, obj: result }
}

function editMetadata(inv: Invocation, field: Field): ProcessResult {
  const p = plan(inv, field)
  if ('exitCode' in p) return p
  let stdout = ''
  const objs: KubeObject[] = []
  for (const t of p.targets) {
    const r = editOne(inv, p, t)
    if ('exitCode' in r) return { ...r, stdout: stdout + r.stdout }
    stdout += r.text
    if (r.obj) objs.push(r.obj)
  }
  if (printsObjects(p.output) && objs.length > 0) stdout += renderObjects(objs, p.output)
  if (p.dry === 'none' && objs.length > 0) settleCluster(inv.ctx)
  return { stdout, stderr: p.warning, exitCode: 0 }
}

/** `kubectl label ...`. */
export function labelVerb(inv: Invocation): ProcessResult {
  return editMetadata(inv, 'labels')
}

/** `kubectl annotate ...`. */
export function annotateVerb(inv: Invocation): ProcessResult {
  return editMetadata(inv, 'annotations')
}
