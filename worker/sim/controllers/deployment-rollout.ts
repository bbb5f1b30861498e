// Rollout strategies (pkg/controller/deployment/rolling.go, recreate.go): the new ReplicaSet is
// scaled up within maxSurge, old ones scaled down as far as maxUnavailable allows, step by step
// as new pods become available. Scaling writes the RS and a ScalingReplicaSet event.

import type { Deployment, Pod, ReplicaSet } from '../objects/types'
import { putObject, type ClusterState } from '../state'
import { recordEvent } from './events'
import {
  byCreation,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  resolveFenceposts,
  specReplicas,
  sumSpecReplicas,
} from './deployment-util'
import { isOwnedBy } from './util'

const SOURCE = { component: 'deployment-controller' }

/** Sets an RS's replicas (and its desired/max annotations) and records `Scaled up replica set x from a to b`. */
export function scaleReplicaSet(
  s: ClusterState,
  d: Deployment,
  rs: ReplicaSet,
  to: number,
  now: number,
): boolean {
  const from = specReplicas(rs)
  const { maxSurge } = resolveFenceposts(d)
  const want = d.spec.replicas ?? 1
  const ann = {
    ...(rs.metadata.annotations ?? {}),
    [DESIRED_REPLICAS]: String(want),
    [MAX_REPLICAS]: String(want + maxSurge),
  }
  const annChanged =
    ann[DESIRED_REPLICAS] !== rs.metadata.annotations?.[DESIRED_REPLICAS] ||
    ann[MAX_REPLICAS] !== rs.metadata.annotations?.[MAX_REPLICAS]
  if (from === to && !annChanged) return false
  rs.spec.replicas = to
  rs.metadata.annotations = ann
  if (from !== to) rs.metadata.generation = (rs.metadata.generation ?? 1) + 1
  putObject(s, rs)
  if (from !== to) {
    const op = to > from ? 'up' : 'down'
    recordEvent(
      s,
      d,
      {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: `Scaled ${op} replica set ${rs.metadata.name} from ${from} to ${to}`,
        source: SOURCE,
      },
      now,
    )
  }
  return true
}

/** reconcileNewReplicaSet: scale up within maxSurge, or down when above spec.replicas. */
function reconcileNew(
  s: ClusterState,
  d: Deployment,
  newRS: ReplicaSet,
  all: ReplicaSet[],
  now: number,
): void {
  const want = d.spec.replicas ?? 1
  const cur = specReplicas(newRS)
  if (cur >= want) {
    scaleReplicaSet(s, d, newRS, want, now)
    return
  }
  const { maxSurge } = resolveFenceposts(d)
  const total = sumSpecReplicas(all)
  if (total >= want + maxSurge) return
  const up = Math.min(want + maxSurge - total, want - cur)
  scaleReplicaSet(s, d, newRS, cur + up, now)
}

/** reconcileOldReplicaSets: clean up unhealthy old pods, then scale down while availability allows. */
function reconcileOld(
  s: ClusterState,
  d: Deployment,
  newRS: ReplicaSet,
  old: ReplicaSet[],
  now: number,
): void {
  const active = old.filter((rs) => specReplicas(rs) > 0).sort(byCreation)
  if (active.length === 0) return
  const all = [newRS, ...old]
  const want = d.spec.replicas ?? 1
  const { maxUnavailable } = resolveFenceposts(d)
  const minAvailable = want - maxUnavailable
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0)
  let maxScaledDown = sumSpecReplicas(all) - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return
  for (const rs of active) {
    if (maxScaledDown <= 0) break
    const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0)
    const down = Math.min(maxScaledDown, unhealthy)
    if (down <= 0) continue
    scaleReplicaSet(s, d, rs, specReplicas(rs) - down, now)
    maxScaledDown -= down
  }
  const available = all.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0)
  let budget = Math.min(available - minAvailable, maxScaledDown)
  for (const rs of active) {
    if (budget <= 0) break
    const down = Math.min(specReplicas(rs), budget)
    if (down <= 0) continue
    scaleReplicaSet(s, d, rs, specReplicas(rs) - down, now)
    budget -= down
  }
}

/** rolloutRolling: one reconcile step; settle() repeats it as pods become available. */
export function rolloutRolling(
  s: ClusterState,
  d: Deployment,
  newRS: ReplicaSet,
  old: ReplicaSet[],
  now: number,
): void {
  reconcileNew(s, d, newRS, [newRS, ...old], now)
  reconcileOld(s, d, newRS, old, now)
}

/** rolloutRecreate: old ReplicaSets to zero; the new one only once no old pod is left. */
export function rolloutRecreate(
  s: ClusterState,
  d: Deployment,
  newRS: ReplicaSet,
  old: ReplicaSet[],
  pods: readonly Pod[],
  now: number,
): void {
  for (const rs of old) if (specReplicas(rs) > 0) scaleReplicaSet(s, d, rs, 0, now)
  const oldPodsLeft = pods.some(
    (p) => old.some((rs) => isOwnedBy(p, rs)) && p.metadata.namespace === d.metadata.namespace,
  )
  if (oldPodsLeft) return
  scaleReplicaSet(s, d, newRS, d.spec.replicas ?? 1, now)
}
