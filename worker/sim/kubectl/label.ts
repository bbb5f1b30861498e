// `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label/label.go, annotate/annotate.go):
// `key=value` and `key-` pairs after the resources, --overwrite, --all/-l, --list; the object is
// fetched, changed and written back. Messages: `pod/x labeled|unlabeled|not labeled`, `annotated`.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import { isValidLabelValue } from '../objects/names'
import type { Invocation } from './invocation'
import { notFound, updateObject } from './api'
import { clientError, renderApiError } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun } from './names'
import { outputError, printsObjects, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { resolveTargets } from './targets'

type Field = 'labels' | 'annotations'

interface Pairs {
  set: Record<string, string>
  remove: string[]
}

/** cmdutil.GetResourcesAndPairs: resources first, then pairs. */
function splitArgs(args: string[], pairType: string): { resources: string[]; pairs: string[] } | string {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) pairs.push(s)
    else if (pairs.length > 0) return `all resources must be specified before ${pairType} changes: ${s}`
    else resources.push(s)
  }
  return { resources, pairs }
}

function parseLabelPairs(specs: string[]): Pairs | string {
  const out: Pairs = { set: {}, remove: [] }
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) return `invalid label spec: ${spec}`
      const errs = isValidLabelValue(parts[1] as string)
      if (errs.length > 0) return `invalid label value: "${spec}": ${errs.join(';')}`
      out.set[parts[0] as string] = parts[1] as string
    } else if (spec.endsWith('-')) out.remove.push(spec.slice(0, -1))
    else return `unknown label spec: ${spec}`
  }
  if (out.remove.some((r) => r in out.set)) return 'can not both modify and remove a label in the same command'
  return out
}

function parseAnnotationPairs(specs: string[]): Pairs | string {
  const out: Pairs = { set: {}, remove: [] }
  const invalid: string[] = []
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    if (eq > 0) out.set[spec.slice(0, eq)] = spec.slice(eq + 1)
    else if (spec.endsWith('-') && spec !== '-') out.remove.push(spec.slice(0, -1))
    else invalid.push(spec)
  }
  if (invalid.length > 0) return `invalid annotation format: ${invalid.join(', ')}`
  const both = out.remove.filter((r) => r in out.set)
  if (both.length > 0) return `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`
  return out
}

function overwriteError(field: Field, current: Record<string, string>, set: Record<string, string>): string | undefined {
  const clashes = Object.entries(set).filter(([k, v]) => k in current && current[k] !== v && k !== 'kubernetes.io/change-cause')
  if (clashes.length === 0) return undefined
  if (field === 'labels') return clashes.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`).join('\n')
  const list = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')
  return `--overwrite is false but found the following declared annotation(s): ${list}`
}

function changeMessage(field: Field, before: Record<string, string>, after: Record<string, string>, overwrite: boolean): string {
  if (field === 'annotations') return 'annotated'
  if (JSON.stringify(before) === JSON.stringify(after)) return 'not labeled'
  const shorter = JSON.stringify(after).length < JSON.stringify(before).length
  return !overwrite && shorter ? 'unlabeled' : 'labeled'
}

function editMetadata(inv: Invocation, field: Field): ProcessResult {
  const pairType = field === 'labels' ? 'label' : 'annotation'
  const split = splitArgs(inv.args, pairType)
  if (typeof split === 'string') return clientError(split)
  const pairs = field === 'labels' ? parseLabelPairs(split.pairs) : parseAnnotationPairs(split.pairs)
  if (typeof pairs === 'string') return clientError(pairs)
  const list = inv.flags.bool('list')
  const output = inv.flags.str('output')
  if (list && output) return clientError('--list and --output may not be specified together')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  if (inv.flags.bool('all') && inv.flags.str('selector')) return clientError('cannot set --all and --selector at the same time')
  if (split.resources.length === 0) return clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (Object.keys(pairs.set).length === 0 && pairs.remove.length === 0 && !list)
    return clientError(`at least one ${pairType} update is required`)
  const found = resolveTargets({ ...inv, args: split.resources }, {
    selector: inv.flags.str('selector') !== '',
    all: inv.flags.bool('all'),
    allNamespaces: inv.flags.bool('all-namespaces'),
  })
  if (!found.ok) return clientError(found.error)
  let stdout = ''
  const objs: KubeObject[] = []
  for (const t of found.targets) {
    const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (!obj) return { stdout, stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
    const before = { ...(obj.metadata[field] ?? {}) }
    if (list) {
      stdout += Object.keys(before).sort().map((k) => `${k}=${before[k]}\n`).join('')
      continue
    }
    const overwrite = inv.flags.bool('overwrite')
    const clash = overwrite ? undefined : overwriteError(field, before, pairs.set)
    if (clash) return clientError(clash, stdout)
    if (field === 'labels' && dry.value !== 'client')
      for (const r of pairs.remove) if (!(r in before)) stdout += `label "${r}" not found.\n`
    const after: Record<string, string> = { ...before, ...pairs.set }
    for (const r of pairs.remove) delete after[r]
    let result: KubeObject = { ...obj, metadata: { ...obj.metadata, [field]: after } }
    if (dry.value === 'none') {
      const r = updateObject(inv.ctx.s, result, { now: inv.ctx.now })
      if (!r.ok) return { stdout, stderr: renderApiError(r.error), exitCode: 1 }
      result = r.value
      recordChange(inv.ctx, result, 'configured')
    }
    objs.push(result)
    const msg = withDryRun(changeMessage(field, before, after, overwrite), dry.value)
    if (!printsObjects(output)) stdout += output === 'name' ? nameLine(result.kind, result.metadata.name) : nameLine(result.kind, result.metadata.name, msg)
  }
  if (printsObjects(output) && objs.length > 0) stdout += renderObjects(objs, output)
  if (dry.value === 'none' && objs.length > 0) settleCluster(inv.ctx)
  return { stdout, stderr: dry.warning, exitCode: 0 }
}

/** `kubectl label ...`. */
export function labelVerb(inv: Invocation): ProcessResult {
  return editMetadata(inv, 'labels')
}

/** `kubectl annotate ...`. */
export function annotateVerb(inv: Invocation): ProcessResult {
  return editMetadata(inv, 'annotations')
}
