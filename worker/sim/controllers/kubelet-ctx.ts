// The context of one container's sync and the small writes every kubelet step makes:
// events on the pod's container, and patches of its containerStatus.

import type {
  Container,
  ContainerState,
  ContainerStatus,
  KubeObject,
  Node,
  Pod,
} from '../objects/types'
import type { ClusterState } from '../state'
import { recordEvent, type EventInput } from './events'
import type { KubeletRecord } from './kubelet-record'

export interface ContainerCtx {
  s: ClusterState
  pod: Pod
  node: Node
  container: Container
  rec: KubeletRecord
  /** index of the container in spec.containers and status.containerStatuses */
  index: number
}

/** The kubelet's back-off ceiling for crashes and image pulls (MaxContainerBackOff, 5 minutes). */
export const BACKOFF_MAX_S = 300

/** Records a kubelet event about the container (`spec.containers{name}`). */
export function emit(
  c: ContainerCtx,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  at: number,
): void {
  const input: EventInput = {
    type,
    reason,
    message,
    source: { component: 'kubelet', host: c.node.metadata.name },
    fieldPath: `spec.containers{${c.container.name}}`,
  }
  recordEvent(c.s, c.pod as KubeObject, input, at)
}

/** The container's current status entry. */
export function status(c: ContainerCtx): ContainerStatus {
  return (c.pod.status.containerStatuses ?? [])[c.index] as ContainerStatus
}

/** Patches the container's status entry. */
export function setStatus(c: ContainerCtx, patch: Partial<ContainerStatus>): void {
  const list = c.pod.status.containerStatuses ?? []
  const cur = list[c.index] as ContainerStatus
  list[c.index] = { ...cur, ...patch }
  c.pod.status.containerStatuses = list
}

/** Puts the container in state waiting with a reason (ContainerCreating, ErrImagePull, ...). */
export function waiting(c: ContainerCtx, reason: string, message?: string): void {
  const state: ContainerState = {
    waiting: message === undefined ? { reason } : { reason, message },
  }
  setStatus(c, { state, ready: false, started: false })
}
