// Building a lab's starting cluster: the kind-like three-node cluster, the lab's manifests applied
// through the API server as `kubectl apply` would, and the controllers settled. Objects are made a
// little before `now` so the learner finds the pods already Running, as if set up beforehand.

import { newCluster } from '../sim/bootstrap'
import { settle } from '../sim/controllers/settle'
import { applyObject } from '../sim/objects/apply'
import { parseManifests } from '../sim/objects/manifest-parse'
import type { ClusterState } from '../sim/state'
import { newClusterWithIngressNginx } from '../sim/addons/ingress-nginx'

/** How long before the learner arrives the starting objects were applied. */
export const SETUP_LEAD_MS = 3 * 60_000

/** Why a manifest was not applied: YAML that does not parse, or the API server's refusal. */
export interface ManifestProblem {
  /** which of the manifests, from 0 */
  index: number
  parse: boolean
  message: string
}

/** Applies YAML (one or more documents) at `now`; the first problem, if any. */
function applyYaml(
  s: ClusterState,
  yaml: string,
  now: number,
): Omit<ManifestProblem, 'index'> | undefined {
  const parsed = parseManifests(yaml, 'STDIN')
  if (parsed.error) return { parse: true, message: parsed.error }
  for (const obj of parsed.objects) {
    const res = applyObject(s, obj, { now })
    if (!res.ok) return { parse: false, message: res.error.message }
  }
  return undefined
}

export interface StartOptions {
  /** manifests applied first, in order, each a YAML text */
  manifests: string[]
  /** changes made after applying, before the controllers settle (e.g. switch a controller off) */
  tweak?: (s: ClusterState, at: number) => void
  /** install ingress-nginx (its cloud manifest) before the lab's manifests */
  ingressNginx?: boolean
}

/** A lab's starting cluster, or the first manifest it could not apply (an authored lab's mistake). */
export function buildCluster(
  seed: number,
  now: number,
  opts: StartOptions,
): { state: ClusterState } | { problem: ManifestProblem } {
  const at = now - SETUP_LEAD_MS
  const s = opts.ingressNginx ? newClusterWithIngressNginx(seed, at) : newCluster(seed, at)
  for (const [index, yaml] of opts.manifests.entries()) {
    const problem = applyYaml(s, yaml, at)
    if (problem) return { problem: { index, ...problem } }
    settle(s, at)
  }
  opts.tweak?.(s, at)
  settle(s, at)
  for (let t = at + 30_000; t < now; t += 30_000) settle(s, t)
  settle(s, now)
  return { state: s }
}

/** A lab's starting cluster: `newCluster(seed)` plus the lab's objects, settled at `now`. */
export function startCluster(seed: number, now: number, opts: StartOptions): ClusterState {
  const built = buildCluster(seed, now, opts)
  if ('state' in built) return built.state
  // a built-in lab's own manifest failing is a bug
  const { parse, message } = built.problem
  throw new Error(
    parse ? `lab manifest does not parse: ${message}` : `lab manifest refused: ${message}`,
  )
}
