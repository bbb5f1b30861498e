// ReplicaSet controller (pkg/controller/replicaset/replica_set.go): adopt matching orphans,
// create or delete pods until the active count equals spec.replicas, then write status.
// Left out: slow-start batching and expectations (one settle sees all its own writes).

import type { KubeEvent, Pod, ReplicaSet } from '../objects/types'
import { objectKey, putObject, type ClusterState } from '../state'
import { recordEvent } from './events'
import { deletePodGracefully, podFromTemplate } from './pod-factory'
import { checkCreateQuota } from '../objects/quota'
import { syncKeyAfter, type Inputs } from './key-memo'
import { readBeyondKinds } from './settle-memo'
import { replicaSetInputs, replicaSetInputsAfter } from './replica-set-inputs'
import { kindRemovals } from '../object-index'
import {
  controllerOf,
  isOwnedBy,
  isPodActive,
  isPodAvailable,
  isPodReady,
  matchesLabelSelector,
  ownerReference,
  sameJSON,
  objectsOf,
} from './util'

const SOURCE = { component: 'replicaset-controller' }

/** Pods the ReplicaSet controls (adopting matching orphans on the way). */
export function podsOfReplicaSet(s: ClusterState, rs: ReplicaSet, pods: readonly Pod[]): Pod[] {
  const out: Pod[] = []
  for (const pod of pods) {
    if (isOwnedBy(pod, rs)) out.push(pod)
    else if (
      !controllerOf(pod) &&
      !pod.metadata.deletionTimestamp &&
      matchesLabelSelector(rs.spec.selector, pod.metadata.labels)
    ) {
      pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), ownerReference(rs)]
      putObject(s, pod)
      out.push(pod)
    }
  }
  return out
}

/** getPodsToDelete ranking: unscheduled, pending, not ready, then the newest first. */
function deletionRank(a: Pod, b: Pod): number {
  const rank =
    Number(Boolean(a.spec.nodeName)) - Number(Boolean(b.spec.nodeName)) ||
    Number(a.status.phase === 'Running') - Number(b.status.phase === 'Running') ||
    Number(isPodReady(a)) - Number(isPodReady(b))
  if (rank !== 0) return rank
  const ca = a.metadata.creationTimestamp
  const cb = b.metadata.creationTimestamp
  if (ca !== cb) return ca > cb ? -1 : 1
  return a.metadata.name > b.metadata.name ? -1 : 1
}

function manageReplicas(s: ClusterState, rs: ReplicaSet, active: Pod[], now: number): boolean {
  const want = rs.spec.replicas ?? 1
  let changed = false
  if (active.length < want) {
    // creating reads the quota (every kind's count) and, refused, the events
    readBeyondKinds()
    for (let i = active.length; i < want; i++) {
      const rng = s.rng
      const pod = podFromTemplate(s, rs, rs.spec.template, now)
      const refused = checkCreateQuota(s, 'Pod', pod)
      if (refused) {
        s.rng = rng
        const message = `Error creating: ${refused.message}`
        changed = recordOnce(s, rs, message, now) || changed
        break
      }
      putObject(s, pod)
      recordEvent(
        s,
        rs,
        {
          type: 'Normal',
          reason: 'SuccessfulCreate',
          message: `Created pod: ${pod.metadata.name}`,
          source: SOURCE,
        },
        now,
      )
      active.push(pod)
      changed = true
    }
  } else if (active.length > want) {
    const victims = [...active].sort(deletionRank).slice(0, active.length - want)
    for (const pod of victims) {
      deletePodGracefully(s, pod, now)
      recordEvent(
        s,
        rs,
        {
          type: 'Normal',
          reason: 'SuccessfulDelete',
          message: `Deleted pod: ${pod.metadata.name}`,
          source: SOURCE,
        },
        now,
      )
    }
    changed = true
  }
  return changed
}

/**
 * A FailedCreate warning, recorded once while the refusal lasts (upstream retries with back-off
 * and the event correlator folds the repeats; we keep the first).
 */
function recordOnce(s: ClusterState, rs: ReplicaSet, message: string, now: number): boolean {
  const seen = objectsOf<KubeEvent>(s, 'Event').some(
    (e) => e.involvedObject.uid === rs.metadata.uid && e.reason === 'FailedCreate',
  )
  if (seen) return false
  return recordEvent(
    s,
    rs,
    { type: 'Warning', reason: 'FailedCreate', message, source: SOURCE },
    now,
  )
}

/** calculateStatus: zero counts are omitted as the API's omitempty does. */
function computeStatus(rs: ReplicaSet, active: Pod[], now: number): ReplicaSet['status'] {
  const minReady = rs.spec.minReadySeconds ?? 0
  const fully = active.filter((p) =>
    matchesLabelSelector(
      { matchLabels: rs.spec.template.metadata?.labels ?? {} },
      p.metadata.labels,
    ),
  ).length
  const ready = active.filter(isPodReady).length
  const available = active.filter((p) => isPodAvailable(p, minReady, now)).length
  const status: ReplicaSet['status'] = { replicas: active.length }
  if (fully) status.fullyLabeledReplicas = fully
  if (ready) status.readyReplicas = ready
  if (available) status.availableReplicas = available
  status.observedGeneration = rs.metadata.generation ?? 1
  return status
}

function syncReplicaSet(s: ClusterState, rs: ReplicaSet, inNamespace: Pod[], now: number) {
  const active = podsOfReplicaSet(s, rs, inNamespace).filter(isPodActive)
  let changed = manageReplicas(s, rs, active, now)
  const stillActive = active.filter(
    (p) => isPodActive(p) && objectKey('Pod', p.metadata.namespace, p.metadata.name) in s.objects,
  )
  const status = computeStatus(rs, stillActive, now)
  if (!sameJSON(status, rs.status)) {
    rs.status = status
    putObject(s, rs)
    changed = true
  }
  return changed
}

/** What its sync, run again right after one that wrote, would read (it would find nothing). */
function rereads(s: ClusterState, rs: ReplicaSet): Inputs | undefined {
  return replicaSetInputsAfter(s, rs)
}

function podsIn(pods: readonly Pod[], namespace: string | undefined): Pod[] {
  const out: Pod[] = []
  for (const p of pods) if (p.metadata.namespace === namespace) out.push(p)
  return out
}

/** Reconciles every ReplicaSet; returns true when anything was written. */
export function reconcileReplicaSets(s: ClusterState, now: number): boolean {
  let changed = false
  const allPods = objectsOf<Pod>(s, 'Pod')
  const removals = kindRemovals(s, 'Pod')
  // the pods of a namespace as listed when the reconcile began, made once per namespace
  const byNamespace = new Map<string | undefined, Pod[]>()
  for (const rs of objectsOf<ReplicaSet>(s, 'ReplicaSet')) {
    if (rs.metadata.deletionTimestamp) continue
    const ns = rs.metadata.namespace
    let inNamespace = byNamespace.get(ns)
    if (!inNamespace) byNamespace.set(ns, (inNamespace = podsIn(allPods, ns)))
    const key = `replicaset:${rs.metadata.namespace}/${rs.metadata.name}`
    const inputs = replicaSetInputs(s, rs, inNamespace, kindRemovals(s, 'Pod') === removals)
    if (syncKeyAfter(s, key, inputs, rereads, now, syncReplicaSet, s, rs, inNamespace, now))
      changed = true
  }
  return changed
}
