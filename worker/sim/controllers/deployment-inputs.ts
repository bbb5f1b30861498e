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
  /** the key of the ReplicaSet a new one of this template would take */
  newKey: string
}

const HASHES = new WeakMap<Deployment, HashMemo>()

/** The remembered hash of `d`, if still its template's. */
function validMemo(d: Deployment): HashMemo | undefined {
  const hit = HASHES.get(d)
  if (
    hit &&
    (hit.rv === d.metadata.resourceVersion ||
      (hit.generation === d.metadata.generation && hit.template === d.spec.template))
  )
    return hit
  return undefined
}

function hashMemo(d: Deployment): HashMemo {
  const hit = validMemo(d)
  if (hit) return hit
  const hash = computeHash(d.spec.template)
  const memo: HashMemo = {
    rv: d.metadata.resourceVersion,
    generation: d.metadata.generation,
    template: d.spec.template,
    hash,
    newKey: objectKey('ReplicaSet', d.metadata.namespace, `${d.metadata.name}-${hash}`),
  }
  HASHES.set(d, memo)
  return memo
}

/**
 * computeHash of the Deployment's template, remembered while the object is unchanged (same
 * resourceVersion) or only its status and annotations moved on (same generation, same template
 * object: spec writes go through the API server, which bumps generation and builds a new object).
 */
export function templateHash(d: Deployment): string {
  return hashMemo(d).hash
}

/**
 * Gives `to`, a new version of the Deployment `from` sharing its template object (kubectl scale's
 * certified path: only replicas, generation and status differ), the hash `from` has.
 */
export function shareTemplateHash(from: Deployment, to: Deployment): void {
  const hit = validMemo(from)
  if (!hit || to.spec.template !== from.spec.template) return
  HASHES.set(to, {
    ...hit,
    rv: to.metadata.resourceVersion,
    generation: to.metadata.generation,
  })
}

/** The key `ReplicaSet/<ns>/<deploy>-<hash>` a new ReplicaSet of the current template takes. */
export function newReplicaSetKey(d: Deployment): string {
  return hashMemo(d).newKey
}

/**
 * Pods by the uid of their controller, in document order: the deployment controller writes no
 * pod, so one grouping serves every Deployment of a reconcile.
 */
export function podsByController(pods: readonly Pod[]): Map<string, Pod[]> {
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
  sets: ListedReplicaSets,
  byController: Map<string, Pod[]>,
): Inputs {
  const ns = d.metadata.namespace
  const out: Inputs = []
  pushVersion(out, d)
  const first = out.length
  for (let i = 0; i < sets.items.length; i++) {
    const rs = sets.items[i] as ReplicaSet
    if (rs.metadata.namespace !== ns || !((sets.keys[i] as string) in s.objects)) continue
    const c = controllerOf(rs)
    if (c && c.uid !== d.metadata.uid) continue
    out.push('rs', rs.metadata.name)
    pushVersion(out, rs)
  }
  const last = out.length
  const taken = s.objects[newReplicaSetKey(d)]
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

/** The ReplicaSets as a reconcile listed them, with their keys (made once per reconcile). */
export interface ListedReplicaSets {
  items: readonly ReplicaSet[]
  keys: string[]
}

export function listReplicaSets(items: readonly ReplicaSet[]): ListedReplicaSets {
  return {
    items,
    keys: items.map((rs) => objectKey('ReplicaSet', rs.metadata.namespace, rs.metadata.name)),
  }
}
