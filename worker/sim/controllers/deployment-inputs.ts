// What one Deployment's sync reads (deployment.ts), for the per-key skip (key-memo.ts): the
// Deployment, the ReplicaSets it may own or adopt, the pods of those, and the ReplicaSet name a
// new ReplicaSet of its template would take.

import type { Deployment, Pod, ReplicaSet } from '../objects/types'
import { objectKey, type ClusterState } from '../state'
import { computeHash } from './hash'
import { pushVersion, type Inputs } from './key-memo'
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
 * Pods by the uid of their controller, in document order: the deployment controller writes no
 * pod, so one grouping serves every Deployment of a reconcile.
 */
export function podsByController(pods: Pod[]): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>()
  for (const p of pods) {
    const c = controllerOf(p)
    if (!c) continue
    const list = out.get(c.uid)
    if (list) list.push(p)
    else out.set(c.uid, [p])
  }
  return out
}

/**
 * The inputs of syncDeployment(d): every ReplicaSet in its namespace that it owns or that has no
 * controller (an adoption candidate), every pod (any namespace, as isOwnedBy compares uids) whose
 * controller is one of those (`byController`: podsByController of the pods it reads), and the
 * object holding the name `<deploy>-<hash>` if any. A ReplicaSet controlled by another owner is
 * never read by the sync.
 */
export function deploymentInputs(
  s: ClusterState,
  d: Deployment,
  sets: ReplicaSet[],
  byController: Map<string, Pod[]>,
): Inputs {
  const ns = d.metadata.namespace
  const out: Inputs = []
  pushVersion(out, d)
  const first = out.length
  for (const rs of sets) {
    if (
      rs.metadata.namespace !== ns ||
      !(objectKey('ReplicaSet', ns, rs.metadata.name) in s.objects)
    )
      continue
    const c = controllerOf(rs)
    if (c && c.uid !== d.metadata.uid) continue
    out.push('rs', rs.metadata.name)
    pushVersion(out, rs)
  }
  const last = out.length
  const taken = s.objects[objectKey('ReplicaSet', ns, `${d.metadata.name}-${templateHash(d)}`)]
  if (taken) {
    out.push('taken')
    pushVersion(out, taken)
  }
  // the pods of each ReplicaSet listed (its uid is the third of its four entries)
  for (let i = first; i < last; i += 4)
    for (const p of byController.get(out[i + 2] as string) ?? []) {
      out.push('pod', p.metadata.namespace, p.metadata.name)
      pushVersion(out, p)
    }
  return out
}
