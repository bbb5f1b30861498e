// The state of one packet walk, shared by route(), connect() and ping(): where it started,
// what it has passed, and what it finally reached.

import type { Pod, Service, ServicePort } from '../objects/types'
import type { ClusterState } from '../state'
import type { Hop, Origin } from './types'
import type { NetView } from './view'

export interface Walk {
  s: ClusterState
  v: NetView
  origin: Origin
  /** the client's own address (pod IP, node IP, the workstation's 172.18.0.1) */
  clientIP: string
  now: number
  /** probes answer without drawing randomness, writing logs or affinity */
  probe: boolean
  hops: Hop[]
  /** the headless Service DNS answered for, when the name was one */
  headless?: Service
}

/** How a packet came to an endpoint through a Service rule, for explanations. */
export interface Via {
  svc: Service
  sp: ServicePort
  /** how many endpoints kube-proxy chose among */
  choices: number
  /** chosen because of sessionAffinity ClientIP memory */
  pinned: boolean
}

export type Arrival =
  | {
      kind: 'pod'
      pod: Pod
      port: number
      sourceIP: string
      via?: Via
      /** set when kubectl port-forward carried the connection (what the learner typed: `svc/web`) */
      forwardedFrom?: string
      ms: number
    }
  | { kind: 'apiserver'; port: number; sourceIP: string; ms: number }
  | { kind: 'fail'; outcome: 'refused' | 'timeout'; cause: string; diagnosis: string; ms?: number }

/** A walk that ended before any server: refused (RST/REJECT) answers at once, timeout never. */
export function fail(outcome: 'refused' | 'timeout', cause: string, diagnosis: string): Arrival {
  return { kind: 'fail', outcome, cause, diagnosis, ms: outcome === 'refused' ? 1 : undefined }
}

/** `web-x (10.244.1.4:80)` for the map. */
export function podLabel(pod: Pod, port: number): string {
  return `${pod.metadata.name} (${pod.status?.podIP ?? '?'}:${port})`
}
