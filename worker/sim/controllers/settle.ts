// The control plane after every command: the controllers run in a fixed order, level-triggered,
// until a whole round changes nothing (or the step limit is hit). Running it again at the same
// `now` changes nothing, not even a resourceVersion.

import type { Kind } from '../objects/resources'
import { objectsOfKind, writeStamp, type ClusterState } from '../state'
import { documentWrites, kindWrites } from '../object-index'
import { CONTROLLER_READS as READS } from './controller-reads'
import { reconcileDeployments } from './deployment'
import { reconcileEndpointSliceMirroring } from './endpoint-slice-mirroring'
import { reconcileEndpointSlices } from './endpoint-slices'
import { reconcileEndpoints } from './endpoints'
import { pruneEvents } from './events'
import { collectGarbage } from './garbage-collector'
import { runKubelets } from './kubelet'
import { reconcileLoadBalancers } from './load-balancer'
import { reconcileIngressNginx } from './ingress-nginx-status'
import { reconcileReplicaSets } from './replica-set'
import { schedulePods } from './scheduler'
import { isSkippingQuiet, ownQuietWrites } from './key-memo'
import { endRun, forgetQuiet, isStillQuiet, startRun, type Reads, type Timing } from './settle-memo'
import { markChanged } from '../document-changed'
import { forgetObjectJSON } from '../serialize'

type Controller = (s: ClusterState, now: number) => boolean

/**
 * The controllers in order, each with how its work depends on `now` (settle-memo.ts) and the
 * kinds it reads (controller-reads.ts).
 */
const CONTROLLERS: [Controller, Timing, Reads][] = [
  [collectGarbage, 'none', READS.collectGarbage],
  // minReadySeconds and the progress deadline note their times (due.ts)
  [reconcileDeployments, 'noted', READS.reconcileDeployments],
  [reconcileReplicaSets, 'noted', READS.reconcileReplicaSets],
  [schedulePods, 'none', READS.schedulePods],
  [runKubelets, 'always', READS.runKubelets],
  [reconcileEndpoints, 'none', READS.reconcileEndpoints],
  [reconcileEndpointSlices, 'none', READS.reconcileEndpointSlices],
  [reconcileEndpointSliceMirroring, 'none', READS.reconcileEndpointSliceMirroring],
  [reconcileLoadBalancers, 'none', READS.reconcileLoadBalancers],
  [reconcileIngressNginx, 'always', READS.reconcileIngressNginx],
]

/** Rounds of all controllers per settle; a cluster normally settles in two or three. */
export const SETTLE_MAX_ROUNDS = 12

const EMPTY_STATUS: Record<string, () => unknown> = {
  Pod: () => ({ phase: 'Pending' }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  Service: () => ({ loadBalancer: {} }),
}

const NORMALIZED_KINDS = Object.keys(EMPTY_STATUS)

/** The writes to those kinds when each document object was last normalized (nothing to do since). */
const NORMALIZED = new WeakMap<ClusterState, number>()

/** Objects written without a status (hand-built lab states) get the empty one the API server gives. */
function normalize(s: ClusterState): void {
  const writes = kindWrites(s, NORMALIZED_KINDS)
  if (NORMALIZED.get(s) === writes && isSkippingQuiet()) return
  normalizeAll(s)
  NORMALIZED.set(s, kindWrites(s, NORMALIZED_KINDS))
}

function normalizeAll(s: ClusterState): void {
  for (const kind in EMPTY_STATUS) {
    const empty = EMPTY_STATUS[kind] as () => unknown
    for (const o of objectsOfKind(s, kind as Kind))
      if (typeof o.status !== 'object' || o.status === null) {
        o.status = empty()
        forgetObjectJSON(o)
        markChanged()
        forgetQuiet(s)
      }
  }
}

/** Where each cluster last settled completely: at which `now`, after which write. */
const SETTLED = new WeakMap<ClusterState, { now: number; stamp: number; rv: number; lb: boolean }>()

/**
 * Reconciles the cluster at time `now` (ms). Mutates `s`. A controller is skipped when nothing of
 * the kinds it reads was written since it last ran in this settle and found nothing to do: it is
 * a function of those objects and `now`, so it would find nothing again. Across settles of the same document object
 * the same holds until one of its due times comes (settle-memo.ts). For the same reason a settle
 * at the same `now` with nothing written since the last complete one (e.g. after a read-only
 * command) is skipped. Writes must go through putObject/removeObject: an object edited in place
 * and not put again is not noticed.
 */
export function settle(s: ClusterState, now: number): void {
  const last = SETTLED.get(s)
  const lb = s.runtime.loadBalancerController
  if (last && last.now === now && last.stamp === writeStamp() && last.rv === s.rv && last.lb === lb)
    return
  normalize(s)
  const quietAt: number[] = new Array<number>(CONTROLLERS.length).fill(-1)
  // writes of the kinds read plus the controllers' own "changed" answers: a plain loop, no
  // closures per settle (a bundle that keeps function names pays for naming each closure made)
  let signals = 0
  let converged = false
  for (let round = 0; round < SETTLE_MAX_ROUNDS && !converged; round++) {
    converged = true
    for (let i = 0; i < CONTROLLERS.length; i++) {
      const [controller, timing, reads] = CONTROLLERS[i] as [Controller, Timing, Reads]
      const before = kindWrites(s, reads) + signals
      if (quietAt[i] === before) continue
      if (isStillQuiet(s, i, now)) {
        quietAt[i] = before
        continue
      }
      const ran = startRun(s, i, timing, reads, now)
      const own = ownQuietWrites()
      const changed = controller(s, now)
      if (changed) {
        converged = false
        signals += 1
      }
      // every write was a key's own status, each key then quiet (key-memo.ts syncKeyOwn): so is
      // the controller, until something else is written
      const ownQuiet =
        ownQuietWrites() > own && documentWrites(s) - ran.writes === ownQuietWrites() - own
      if (endRun(s, ran, changed, ownQuiet))
        quietAt[i] = ownQuiet ? kindWrites(s, reads) + signals : before
    }
  }
  pruneEvents(s, now)
  if (converged) SETTLED.set(s, { now, stamp: writeStamp(), rv: s.rv, lb })
  else SETTLED.delete(s)
}
