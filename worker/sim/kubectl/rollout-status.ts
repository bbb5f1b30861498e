// `kubectl rollout status|history` for Deployments (kubectl pkg/cmd/rollout/rollout_status.go,
// polymorphichelpers/rollout_status.go DeploymentStatusViewer, history.go). A real `rollout
// status` keeps watching until the rollout ends; the simulated cluster does not move while a
// command runs, so the state as of now is printed and an unfinished rollout ends with a note.

import type { ProcessResult } from '../context'
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from '../objects/types'
import { getObject } from '../state'
import type { Invocation } from './invocation'
import { notFound } from './api'
import { clientError, renderApiError } from './errors'
import { nameLine } from './names'
import { resolveTargets } from './targets'
import { DescribeWriter } from './describe/writer'
import { writePodTemplate } from './describe/workloads'
import { CHANGE_CAUSE_ANNOTATION, REVISION_ANNOTATION, revisionsOf } from './rollout-history'

/** DeploymentStatusViewer.Status: the line kubectl prints and whether the rollout is done. */
export function deploymentStatus(
  d: Deployment,
): { line: string; done: boolean } | { error: string } {
  const name = d.metadata.name
  const st = d.status ?? {}
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0))
    return { line: 'Waiting for deployment spec update to be observed...\n', done: false }
  const progressing = (st.conditions ?? []).find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { error: `deployment "${name}" exceeded its progress deadline` }
  const want = d.spec.replicas ?? 1
  const updated = st.updatedReplicas ?? 0
  if (updated < want)
    return {
      line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`,
      done: false,
    }
  if ((st.replicas ?? 0) > updated)
    return {
      line: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    }
  if ((st.availableReplicas ?? 0) < updated)
    return {
      line: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    }
  return { line: `deployment "${name}" successfully rolled out\n`, done: true }
}

function oneDeployment(inv: Invocation): Deployment | ProcessResult {
  if (inv.args.length === 0 && inv.flags.list('filename').length === 0)
    return clientError('required resource not specified')
  const found = resolveTargets(inv, {
    selector: inv.flags.str('selector') !== '',
    allowEmptySelector: true,
  })
  if (!found.ok) return clientError(found.error)
  const t = found.targets[0]
  if (!t)
    return {
      stdout: '',
      stderr: `No resources found in ${inv.namespace} namespace.\n`,
      exitCode: 0,
    }
  const obj = t.object ?? getObject<KubeObject>(inv.ctx.s, t.kind, t.namespace, t.name)
  if (!obj) return { stdout: '', stderr: renderApiError(notFound(t.kind, t.name)), exitCode: 1 }
  return obj as Deployment
}

/** `kubectl rollout status deployment/web`. */
export function rolloutStatusVerb(inv: Invocation): ProcessResult {
  const d = oneDeployment(inv)
  if (!('metadata' in d)) return d
  if (d.kind !== 'Deployment')
    return clientError(`no status viewer has been implemented for ${d.kind}`)
  const revision = inv.flags.int('revision', 0)
  const current = Number((d.metadata.annotations ?? {})[REVISION_ANNOTATION] ?? 0)
  if (revision > 0 && revision !== current)
    return clientError(
      `desired revision (${revision}) is different from the running revision (${current})`,
    )
  const st = deploymentStatus(d)
  if ('error' in st) return clientError(st.error)
  if (st.done || !inv.flags.bool('watch', true)) return { stdout: st.line, stderr: '', exitCode: 0 }
  const note =
    'The lab terminal cannot keep watching: this is the rollout as of now. Run the command again in a few seconds to follow it.\n'
  return { stdout: st.line, stderr: note, exitCode: 1 }
}

/**
 * printTemplate (polymorphichelpers/history.go): DescribePodTemplate through a bare PrefixWriter,
 * so the tabs stay raw (no tabwriter). The change-cause becomes a template annotation, as upstream.
 */
function templateText(rs: ReplicaSet): string {
  const template = JSON.parse(JSON.stringify(rs.spec.template)) as PodTemplateSpec
  const cause = (rs.metadata.annotations ?? {})[CHANGE_CAUSE_ANNOTATION]
  if (cause)
    template.metadata = {
      ...template.metadata,
      annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause },
    }
  const w = new DescribeWriter()
  writePodTemplate(w, template)
  const raw = (w as unknown as { buf?: unknown }).buf
  return typeof raw === 'string' ? raw : w.toString()
}

/** `kubectl rollout history deployment/web`: REVISION and CHANGE-CAUSE (tabwriter padding 2). */
export function rolloutHistoryVerb(inv: Invocation): ProcessResult {
  const d = oneDeployment(inv)
  if (!('metadata' in d)) return d
  if (d.kind !== 'Deployment')
    return clientError(`no history viewer has been implemented for "${d.kind}"`)
  const revs = revisionsOf(inv.ctx.s, d)
  const wanted = inv.flags.int('revision', 0)
  if (wanted > 0) {
    const rev = revs.find((r) => r.revision === wanted)
    if (!rev) return clientError('unable to find the specified revision')
    const title = nameLine(d.kind, d.metadata.name, `with revision #${wanted}`)
    return { stdout: `${title}${templateText(rev.rs)}\n`, stderr: '', exitCode: 0 }
  }
  const head = `${nameLine(d.kind, d.metadata.name, '').trimEnd()} \n`
  if (revs.length === 0)
    return { stdout: `${head}No rollout history found.\n`, stderr: '', exitCode: 0 }
  const rows = [
    ['REVISION', 'CHANGE-CAUSE'],
    ...revs.map((r) => [
      String(r.revision),
      (r.rs.metadata.annotations ?? {})[CHANGE_CAUSE_ANNOTATION] || '<none>',
    ]),
  ]
  const width = Math.max(...rows.map((r) => (r[0] as string).length)) + 2
  const table = rows.map((r) => `${(r[0] as string).padEnd(width)}${r[1]}\n`).join('')
  return { stdout: `${head}${table}\n`, stderr: '', exitCode: 0 }
}
