// The control plane after every command: the controllers run in a fixed order, level-triggered,
// until a whole round changes nothing (or the step limit is hit). Running it again at the same
// `now` changes nothing, not even a resourceVersion.

import type { KubeObject } from '../objects/types'
import type { ClusterState } from '../state'
import { reconcileDeployments } from './deployment'
import { reconcileEndpointSliceMirroring } from './endpoint-slice-mirroring'
import { reconcileEndpointSlices } from './endpoint-slices'
import { reconcileEndpoints } from './endpoints'
import { pruneEvents } from './events'
import { collectGarbage } from './garbage-collector'
import { runKubelets } from './kubelet'
import { reconcileLoadBalancers } from './load-balancer'
import { reconcileReplicaSets } from './replica-set'
import { schedulePods } from './scheduler'

type Controller = (s: ClusterState, now: number) => boolean

const CONTROLLERS: Controller[] = [
  collectGarbage,
  reconcileDeployments,
  reconcileReplicaSets,
  schedulePods,
  runKubelets,
  reconcileEndpoints,
  reconcileEndpointSlices,
  reconcileEndpointSliceMirroring,
  reconcileLoadBalancers,
]

/** Rounds of all controllers per settle; a cluster normally settles in two or three. */
export const SETTLE_MAX_ROUNDS = 12

const EMPTY_STATUS: Record<string, () => unknown> = {
  Pod: () => ({ phase: 'Pending' }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  Service: () => ({ loadBalancer: {} }),
}

/** Objects written without a status (hand-built lab states) get the empty one the API server gives. */
function normalize(s: ClusterState): void {
  for (const key in s.objects) {
    const o = s.objects[key] as KubeObject
    const empty = EMPTY_STATUS[o.kind]
    if (empty && (typeof o.status !== 'object' || o.status === null)) o.status = empty()
  }
}

/** Reconciles the cluster at time `now` (ms). Mutates `s`. */
export function settle(s: ClusterState, now: number): void {
  normalize(s)
  for (let round = 0; round < SETTLE_MAX_ROUNDS; round++) {
    let changed = false
    for (const controller of CONTROLLERS) if (controller(s, now)) changed = true
    if (!changed) break
  }
  pruneEvents(s, now)
}
