// A lab document (data) made into the platform's Lab: its starting cluster built through the API
// server as `kubectl apply` would, and its tasks' checks evaluated by evaluate.ts.
import type { ClusterState } from '../../sim/state'
import { buildCluster } from '../setup'
import type { CheckContext, CheckedCommand, Lab } from '../types'
import { evaluate, forgetOtherCluster, VARIANT_FLAG } from './evaluate'
import type { LabDocument } from './lab-schema'
import { parseErrorLine } from './yaml-lines'

export interface StartProblem {
  path: string
  message: string
  /** the line of the manifest text a YAML parse error is at */
  line?: number
}

const namespaceYaml = (name: string) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`

/** The variant a learner gets: the one they had before a reset, else one drawn from the seed. */
export function variantFor(
  doc: LabDocument,
  seed: number,
  previous?: ClusterState,
): string | undefined {
  const variants = doc.variants ?? []
  if (variants.length === 0) return undefined
  const kept = previous?.runtime.flags[VARIANT_FLAG]
  if (kept !== undefined && variants.some((v) => v.id === kept)) return kept
  return variants[(seed >>> 0) % variants.length]?.id
}

function texts(doc: LabDocument, variant: string | undefined): { path: string; yaml: string }[] {
  const out = doc.start.namespaces.map((n, i) => ({
    path: `$.start.namespaces[${i}]`,
    yaml: namespaceYaml(n),
  }))
  doc.start.manifests.forEach((yaml, i) => out.push({ path: `$.start.manifests[${i}]`, yaml }))
  const vi = (doc.variants ?? []).findIndex((v) => v.id === variant)
  doc.variants?.[vi]?.manifests.forEach((yaml, i) =>
    out.push({ path: `$.variants[${vi}].manifests[${i}]`, yaml }),
  )
  return out
}

/** The starting cluster, or the first manifest the API server refused (path + its message). */
export function buildStart(
  doc: LabDocument,
  seed: number,
  now: number,
  variant: string | undefined,
): { state: ClusterState } | { problem: StartProblem } {
  const manifests = texts(doc, variant)
  const built = buildCluster(seed, now, {
    manifests: manifests.map((m) => m.yaml),
    tweak: (s) => {
      if (variant !== undefined) s.runtime.flags[VARIANT_FLAG] = variant
      if (doc.start.loadBalancerController === false) s.runtime.loadBalancerController = false
    },
  })
  if ('state' in built) return built
  const { index, parse, message } = built.problem
  const path = manifests[index]?.path ?? '$.start'
  if (!parse) return { problem: { path, message: `The API server refused it: ${message}` } }
  const line = parseErrorLine(manifests[index]?.yaml ?? '')
  const where = line === undefined ? '' : ` (line ${line} of this text)`
  return { problem: { path, line, message: `This YAML does not parse${where}: ${message}` } }
}

/** Makes a Lab of a (validated) document; `id` is the catalogue id it is served under. */
export function compileLab(doc: LabDocument, id: string): Lab {
  const observed = new WeakSet<CheckedCommand>()
  /** every task's check runs once per command before any is judged, so notes are always taken */
  const observeAll = (ctx: CheckContext) => {
    if (observed.has(ctx.last)) return
    observed.add(ctx.last)
    forgetOtherCluster(ctx)
    for (const t of doc.tasks) evaluate(t.check, ctx)
  }
  return {
    id,
    title: doc.title,
    summary: doc.summary,
    estimatedMinutes: doc.estimatedMinutes,
    instructions: doc.instructions,
    explanation: doc.explanation,
    hideDiagnoses: doc.hideDiagnoses,
    setup: (seed, now, previous) => {
      const built = buildStart(doc, seed, now, variantFor(doc, seed, previous))
      // a stored lab was validated by building this start; failing now is a bug
      if ('problem' in built)
        throw new Error(`lab ${id}: ${built.problem.path}: ${built.problem.message}`)
      return built.state
    },
    tasks: doc.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      hints: t.hints,
      check: (ctx) => {
        observeAll(ctx)
        return evaluate(t.check, ctx)
      },
    })),
  }
}
