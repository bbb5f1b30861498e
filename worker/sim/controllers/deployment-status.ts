// Deployment status and conditions (pkg/controller/deployment/sync.go calculateStatus,
// progress.go syncRolloutStatus): counts summed over the ReplicaSets, Available from
// minimum availability, Progressing with the upstream reasons and messages.

import type { Deployment, DeploymentCondition, KubeObject, ReplicaSet } from '../objects/types'
import { parseTimestamp } from '../state'
import { resolveFenceposts } from './deployment-util'
import { ts } from './util'
import { noteDue } from './due'

function setCondition(conds: DeploymentCondition[], c: DeploymentCondition): DeploymentCondition[] {
  const cur = conds.find((x) => x.type === c.type)
  if (cur && cur.status === c.status && cur.reason === c.reason) return conds
  if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime
  return [...conds.filter((x) => x.type !== c.type), c]
}

function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  return { type, status, lastUpdateTime: ts(now), lastTransitionTime: ts(now), reason, message }
}

/** calculateStatus: zero counts omitted (omitempty), unavailable never negative. */
export function calculateStatus(
  d: Deployment,
  all: ReplicaSet[],
  newRS: ReplicaSet | undefined,
  now: number,
): Deployment['status'] {
  const want = d.spec.replicas ?? 1
  // a loop, not closures: every settle round computes this for every Deployment synced
  let replicas = 0
  let ready = 0
  let available = 0
  for (const rs of all) {
    replicas += rs.status?.replicas ?? 0
    ready += rs.status?.readyReplicas ?? 0
    available += rs.status?.availableReplicas ?? 0
  }
  const updated = newRS?.status?.replicas ?? 0
  const status: Deployment['status'] = { observedGeneration: d.metadata.generation ?? 1 }
  if (replicas) status.replicas = replicas
  if (updated) status.updatedReplicas = updated
  if (ready) status.readyReplicas = ready
  if (available) status.availableReplicas = available
  const unavailable = Math.max(0, want - available)
  if (unavailable) status.unavailableReplicas = unavailable
  let conds = [...(d.status?.conditions ?? [])]
  const { maxUnavailable } = resolveFenceposts(d)
  conds =
    available >= want - maxUnavailable
      ? setCondition(
          conds,
          condition(
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.',
            now,
          ),
        )
      : setCondition(
          conds,
          condition(
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.',
            now,
          ),
        )
  status.conditions = conds
  return status
}

function isComplete(d: Deployment, st: Deployment['status']): boolean {
  const want = d.spec.replicas ?? 1
  return (
    (st.updatedReplicas ?? 0) === want &&
    (st.replicas ?? 0) === want &&
    (st.availableReplicas ?? 0) === want &&
    (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  )
}

function madeProgress(old: Deployment['status'], st: Deployment['status']): boolean {
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (st.replicas ?? 0) - (st.updatedReplicas ?? 0)
  return (
    (st.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (st.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (st.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/** syncRolloutStatus: Progressing condition from completion, progress or the deadline. */
export function progressingCondition(
  d: Deployment,
  st: Deployment['status'],
  newRS: ReplicaSet | undefined,
  now: number,
): void {
  const conds = st.conditions ?? []
  const cur = conds.find((c) => c.type === 'Progressing')
  const name = newRS?.metadata.name ?? d.metadata.name
  if (newRS && isComplete(d, st)) {
    st.conditions = setCondition(
      conds,
      condition(
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${name}" has successfully progressed.`,
        now,
      ),
    )
    return
  }
  if (newRS && madeProgress(d.status ?? {}, st)) {
    const c = condition(
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `ReplicaSet "${name}" is progressing.`,
      now,
    )
    if (cur?.status === 'True') c.lastTransitionTime = cur.lastTransitionTime
    st.conditions = [...conds.filter((x) => x.type !== 'Progressing'), c]
    return
  }
  if (!cur || cur.reason === 'NewReplicaSetAvailable') return
  const deadline = d.spec.progressDeadlineSeconds ?? 600
  const at = parseTimestamp(cur.lastUpdateTime) + deadline * 1000
  if (!(at < now)) {
    noteDue(at)
    return
  }
  st.conditions = setCondition(
    conds,
    condition(
      'Progressing',
      'False',
      'ProgressDeadlineExceeded',
      `ReplicaSet "${name}" has timed out progressing.`,
      now,
    ),
  )
}

/**
 * The earliest time progressingCondition, run again on a Deployment with this status, would
 * note: its deadline while Progressing is neither absent nor complete (earlier than needed when
 * the rollout is complete: a due time only makes a sync run).
 */
export function progressDue(o: KubeObject): number {
  const d = o as Deployment
  const cur = d.status?.conditions?.find((c) => c.type === 'Progressing')
  if (!cur || cur.reason === 'NewReplicaSetAvailable') return Infinity
  return parseTimestamp(cur.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 600) * 1000
}
