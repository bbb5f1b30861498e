// Pod-level status the kubelet derives from its containers (pkg/kubelet/status/generate.go,
// kubelet_pods.go getPhase): phase, the five conditions with their transition times, ready flags.

import type { ContainerStatus, Pod, PodCondition } from '../objects/types'
import { ts } from './util'

const ORDER = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
]

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
export function setPodCondition(
  pod: Pod,
  type: string,
  value: boolean,
  at: number,
  reason?: string,
  message?: string,
): void {
  const conds = pod.status.conditions ?? []
  const cur = conds.find((c) => c.type === type)
  const status = value ? 'True' : 'False'
  const next: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: cur && cur.status === status ? cur.lastTransitionTime : ts(at),
  }
  if (reason) next.reason = reason
  if (message) next.message = message
  const list = conds.filter((c) => c.type !== type)
  list.push(next)
  list.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type))
  pod.status.conditions = list
}

/** getPhase for restartPolicy and the container states (no init containers). */
export function podPhase(pod: Pod): Pod['status']['phase'] {
  let waiting = 0
  let running = 0
  let stopped = 0
  let succeeded = 0
  for (const cs of pod.status.containerStatuses ?? []) {
    if (cs.state.running) running++
    else if (cs.state.terminated) {
      stopped++
      if (cs.state.terminated.exitCode === 0) succeeded++
    } else if (cs.lastState.terminated) stopped++
    else waiting++
  }
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    const policy = pod.spec.restartPolicy ?? 'Always'
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (policy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

/** Ready / ContainersReady from the containers' ready flags; `since` is when the last one became ready. */
export function updateReadyConditions(pod: Pod, since: number, changedAt: number): void {
  const statuses: ContainerStatus[] = pod.status.containerStatuses ?? []
  const unready = statuses.filter((c) => !c.ready).map((c) => c.name)
  if (unready.length === 0) {
    setPodCondition(pod, 'Ready', true, since)
    setPodCondition(pod, 'ContainersReady', true, since)
    return
  }
  const message = `containers with unready status: [${unready.join(' ')}]`
  setPodCondition(pod, 'Ready', false, changedAt, 'ContainersNotReady', message)
  setPodCondition(pod, 'ContainersReady', false, changedAt, 'ContainersNotReady', message)
}

/** The first containerStatuses a freshly admitted pod shows: ContainerCreating. */
export function initialContainerStatuses(pod: Pod): ContainerStatus[] {
  return pod.spec.containers.map((c) => ({
    name: c.name,
    state: { waiting: { reason: 'ContainerCreating' } },
    lastState: {},
    ready: false,
    restartCount: 0,
    image: c.image,
    imageID: '',
    started: false,
  }))
}
