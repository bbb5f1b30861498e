// `kubectl rollout restart|undo` for Deployments (kubectl pkg/cmd/rollout, polymorphichelpers
// objectrestarter.go and rollback.go): restart stamps `kubectl.kubernetes.io/restartedAt` on the
// pod template; undo copies an older ReplicaSet's template back. DaemonSets/StatefulSets are not served.

import type { ProcessResult } from '../context'
import type { Deployment, KubeObject, PodTemplateSpec } from '../objects/types'
import { formatTimestamp, getObject } from '../state'
import { qualifiedResource, type Kind } from '../objects/resources'
import type { Invocation } from './invocation'
import { notFound, updateObject } from './api'
import { clientError, renderApiError } from './errors'
import { nameLine } from './names'
import { recordChange, settleCluster } from './mutation'
import { resolveTargets, type Target } from './targets'
import { revisionsOf } from './rollout-history'

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt'

function targets(inv: Invocation): Target[] | ProcessResult {
  if (inv.args.length === 0 && inv.flags.list('filename').length === 0)
    return clientError('required resource not specified')
  const found = resolveTargets(inv, {
    selector: inv.flags.str('selector') !== '',
    allowEmptySelector: true,
  })
  if (!found.ok) return clientError(found.error)
  return found.targets
}

function write(inv: Invocation, next: Deployment, op: string): ProcessResult {
  const r = updateObject(inv.ctx.s, next, { now: inv.ctx.now })
  if (!r.ok) return { stdout: '', stderr: renderApiError(r.error), exitCode: 1 }
  recordChange(inv.ctx, r.value, 'configured')
  settleCluster(inv.ctx)
  return { stdout: nameLine(r.value.kind, r.value.metadata.name, op), stderr: '', exitCode: 0 }
}

function withTemplate(d: Deployment, template: PodTemplateSpec): Deployment {
  return { ...d, spec: { ...d.spec, template } }
}

/** objectrestarter.go for one object: the line printed, or the error collected. */
function restartOne(
  inv: Invocation,
  t: Target,
): { line: string } | { error: string } | ProcessResult {
  const obj = t.object ?? getObject<KubeObject>(inv.ctx.s, t.kind, t.namespace, t.name)
  if (!obj) return { stdout: '', stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
  const resource = qualifiedResource(t.kind as Kind)
  if (obj.kind !== 'Deployment')
    return { error: `error: ${resource} "${t.name}" restarting is not supported` }
  const d = obj as Deployment
  if (d.spec.paused)
    return {
      error: `error: ${resource} "${t.name}" can't restart paused deployment (run rollout resume first)`,
    }
  const stamp = formatTimestamp(inv.ctx.now)
  const annotations = { ...(d.spec.template.metadata?.annotations ?? {}) }
  if (annotations[RESTARTED_AT] === stamp)
    return {
      error: `failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    }
  annotations[RESTARTED_AT] = stamp
  const r = write(
    inv,
    withTemplate(d, { ...d.spec.template, metadata: { ...d.spec.template.metadata, annotations } }),
    'restarted',
  )
  if (r.exitCode !== 0)
    return {
      error: `failed to patch: ${r.stderr.replace(/^Error from server \(\w+\): /, '').trimEnd()}`,
    }
  return { line: r.stdout }
}

/** `kubectl rollout restart deployment/web`. */
export function rolloutRestartVerb(inv: Invocation): ProcessResult {
  const ts = targets(inv)
  if (!Array.isArray(ts)) return ts
  if (ts.length === 0)
    return {
      stdout: '',
      stderr: `No resources found in ${inv.namespace} namespace.\n`,
      exitCode: 0,
    }
  let stdout = ''
  const errors: string[] = []
  for (const t of ts) {
    const r = restartOne(inv, t)
    if ('exitCode' in r) return { ...r, stdout }
    if ('error' in r) errors.push(r.error)
    else stdout += r.line
  }
  if (errors.length === 0) return { stdout, stderr: '', exitCode: 0 }
  return { stdout, stderr: errors.join('\n') + '\n', exitCode: 1 }
}

function sameTemplate(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const labels = { ...(t.metadata?.labels ?? {}) }
    delete labels['pod-template-hash']
    return JSON.stringify({ ...t, metadata: { ...t.metadata, labels } })
  }
  return strip(a) === strip(b)
}

/** `kubectl rollout undo deployment/web [--to-revision=N]`. */
export function rolloutUndoVerb(inv: Invocation): ProcessResult {
  const ts = targets(inv)
  if (!Array.isArray(ts)) return ts
  const t = ts[0]
  if (!t)
    return {
      stdout: '',
      stderr: `No resources found in ${inv.namespace} namespace.\n`,
      exitCode: 0,
    }
  const obj = getObject<KubeObject>(inv.ctx.s, t.kind, t.namespace, t.name)
  if (!obj) return { stdout: '', stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
  if (obj.kind !== 'Deployment')
    return clientError(`no rollbacker has been implemented for "${t.kind}"`)
  const d = obj as Deployment
  const toRevision = inv.flags.int('to-revision', 0)
  const revs = revisionsOf(inv.ctx.s, d)
  const chosen =
    toRevision > 0 ? revs.find((r) => r.revision === toRevision) : revs[revs.length - 2]
  if (!chosen)
    return clientError(
      toRevision > 0
        ? `unable to find specified revision ${toRevision} in history`
        : `no rollout history found for deployment "${d.metadata.name}"`,
    )
  if (d.spec.paused)
    return clientError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    )
  const template = JSON.parse(JSON.stringify(chosen.rs.spec.template)) as PodTemplateSpec
  if (sameTemplate(template, d.spec.template))
    return {
      stdout: nameLine(
        'Deployment',
        d.metadata.name,
        `skipped rollback (current template already matches revision ${chosen.revision})`,
      ),
      stderr: '',
      exitCode: 0,
    }
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash']
  return write(inv, withTemplate(d, template), 'rolled back')
}
