// What one Deployment's sync reads (deployment.ts), for the per-key skip (key-memo.ts): the
// Deployment, the ReplicaSets it may own or adopt, the pods of those, and the ReplicaSet name a
// new ReplicaSet of its template would take.

import type { Deployment, Pod, ReplicaSet } from '../objects/types'
import { objectKey, type ClusterState } from '../state'
import { computeHash } from './hash'
import { versionOf } from './key-memo'
import { controllerOf } from './util'

interface HashMemo {
  rv: string
  generation: number | undefined
  template: Deployment['spec']['template']
  hash: string
}

const HASHES = new WeakMap<Deployment, HashMemo>()

/**
 * computeHash of the Deployment's template, remembered while the object is unchanged (same
 * resourceVersion) or only its status and annotations moved on (same generation, same template
 * object: spec writes go through the API server, which bumps generation and builds a new object).
 */
export function templateHash(d: Deployment): string {
  const hit = HASHES.get(d)
  if (
    hit &&
    (hit.rv === d.metadata.resourceVersion ||
      (hit.generation === d.metadata.generation && hit.template === d.spec.template))
  )
    return hit.hash
  const hash = computeHash(d.spec.template)
  HASHES.set(d, {
    rv: d.metadata.resourceVersion,
    generation: d.metadata.generation,
    template: d.spec.template,
    hash,
  })
  return hash
}

/**
 * The inputs of syncDeployment(d): every ReplicaSet in its namespace that it owns or that has no
 * controller (an adoption candidate), every pod (any namespace, as isOwnedBy compares uids) whose
 * controller is one of those, and the object holding the name `<deploy>-<hash>` if any. A
 * ReplicaSet controlled by another owner is never read by the sync.
 */
export function deploymentInputs(
  s: ClusterState,
  d: Deployment,
  sets: ReplicaSet[],
  pods: Pod[],
): string {
  const ns = d.metadata.namespace
  let out = versionOf(d)
  const owned = new Set<string>()
  for (const rs of sets) {
    if (
      rs.metadata.namespace !== ns ||
      !(objectKey('ReplicaSet', ns, rs.metadata.name) in s.objects)
    )
      continue
    const c = controllerOf(rs)
    if (c && c.uid !== d.metadata.uid) continue
    out += ` rs:${rs.metadata.name}=${versionOf(rs)}`
    owned.add(rs.metadata.uid)
  }
  const taken = s.objects[objectKey('ReplicaSet', ns, `${d.metadata.name}-${templateHash(d)}`)]
  if (taken) out += ` taken:${versionOf(taken)}`
  if (owned.size > 0)
    for (const p of pods) {
      const c = controllerOf(p)
      if (c && owned.has(c.uid))
        out += ` pod:${p.metadata.namespace}/${p.metadata.name}=${versionOf(p)}`
    }
  return out
}
