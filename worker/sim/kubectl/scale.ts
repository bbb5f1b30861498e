// `kubectl scale --replicas=N TYPE NAME` (kubectl pkg/cmd/scale/scale.go, KUBERNETES-FACTS T16):
// the objects are fetched first (a missing one ends as `no objects passed to scale <err>`, as in
// 1.32), then each one's scale subresource is updated; only Deployments and ReplicaSets have one.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import { getObject } from '../state'
import type { Invocation } from './invocation'
import { notFound, scaleObject } from './api'
import { clientError, printApiError } from './errors'
import { dryRunOf } from './dry-run'
import { nameLine, withDryRun, type DryRun } from './names'
import { outputError, renderObjects } from './output'
import { recordChange, settleCluster } from './mutation'
import { resolveTargets } from './targets'

const SCALABLE = new Set(['Deployment', 'ReplicaSet'])

/** scale.go Validate plus the flags every run needs; a ProcessResult when the command must stop. */
function options(
  inv: Invocation,
):
  | { replicas: number; current: number; output: string; dry: DryRun; warning: string }
  | ProcessResult {
  const replicas = inv.flags.int('replicas', 0)
  if (replicas < 0)
    return clientError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    )
  const current = inv.flags.int('current-replicas', -1)
  if (current < -1)
    return clientError('The --current-replicas must specify an integer of -1 or greater')
  const output = inv.flags.str('output')
  const outErr = outputError(output)
  if (outErr) return clientError(outErr)
  const dry = dryRunOf(inv)
  if (!dry.ok) return clientError(dry.error)
  if (inv.flags.list('filename').length > 0)
    return clientError(
      'scale -f is not supported in this lab terminal: name the object, e.g. kubectl scale deployment/web --replicas=3',
    )
  return { replicas, current, output, dry: dry.value, warning: dry.warning }
}

/** Scales one fetched object; the text to print or the failure. */
function scaleOne(
  inv: Invocation,
  obj: KubeObject,
  o: { replicas: number; current: number; output: string; dry: DryRun },
): string | ProcessResult {
  if (!SCALABLE.has(obj.kind))
    return {
      stdout: '',
      stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
      exitCode: 1,
    }
  const spec = obj.spec as { replicas?: number }
  if (o.current !== -1 && (spec.replicas ?? 1) !== o.current)
    return clientError(`Expected replicas to be ${o.current}, was ${spec.replicas ?? 1}`)
  let result = obj
  if (o.dry !== 'client') {
    const r =
      o.dry === 'server'
        ? { ok: true as const, value: { ...obj, spec: { ...spec, replicas: o.replicas } } }
        : scaleObject(inv.ctx.s, obj, o.replicas, { now: inv.ctx.now })
    if (!r.ok) return printApiError(r.error)
    result = r.value
    if (o.dry === 'none') recordChange(inv.ctx, result, 'configured')
  }
  return o.output === ''
    ? nameLine(result.kind, result.metadata.name, withDryRun('scaled', o.dry))
    : renderObjects([result], o.output)
}

/** `kubectl scale ...`. */
export function scaleVerb(inv: Invocation): ProcessResult {
  const o = options(inv)
  if ('exitCode' in o) return o
  const found = resolveTargets(inv, {
    selector: inv.flags.str('selector') !== '',
    all: inv.flags.bool('all'),
  })
  if (!found.ok) return clientError(found.error)
  const objs: KubeObject[] = []
  const missing: string[] = []
  for (const t of found.targets) {
    const obj = t.object ?? getObject(inv.ctx.s, t.kind, t.namespace, t.name)
    if (obj) objs.push(obj)
    else missing.push(notFound(t.kind, t.name).message)
  }
  const infoErr =
    missing.length === 1 ? missing[0] : missing.length > 1 ? `[${missing.join(', ')}]` : undefined
  if (objs.length === 0)
    return clientError(`no objects passed to scale${infoErr ? ` ${infoErr}` : ''}`)
  let stdout = ''
  for (const obj of objs) {
    const r = scaleOne(inv, obj, o)
    if (typeof r !== 'string') return { ...r, stdout: stdout + r.stdout }
    stdout += r
  }
  if (o.dry === 'none') settleCluster(inv.ctx)
  if (infoErr)
    return {
      stdout,
      stderr: missing.map((m) => `Error from server (NotFound): ${m}\n`).join(''),
      exitCode: 1,
    }
  return { stdout, stderr: o.warning, exitCode: 0 }
}
