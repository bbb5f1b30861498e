// The kubelet of every node: admits pods bound to it, sets up the sandbox (pod IP from the
// node's /24), drives each container's life (kubelet-container.ts), evaluates readiness, and
// finishes graceful deletions (SIGTERM: servers stop within a second; a PID 1 without a handler,
// like `sleep`, runs until the grace period ends), releasing the pod IP.
// Left out: init/ephemeral containers, volumes, resource limits, node pressure and eviction.

import type { KubeObject, Node, Pod } from '../objects/types'
import { findImage } from '../images/catalog'
import { resolveProcess } from '../images/process'
import { cloneJSON, parseTimestamp, putObject, removeObject, type ClusterState } from '../state'
import { recordEvent, recordRepeatedEvent } from './events'
import { advanceContainer, applyImageChange, type ContainerCtx } from './kubelet-container'
import { readinessAt } from './kubelet-health'
import { kubeletRecord, NEVER } from './kubelet-record'
import {
  initialContainerStatuses,
  podPhase,
  setPodCondition,
  updateReadyConditions,
} from './kubelet-status'
import { allocatePodIP, releasePodIP } from './pod-ip'
import { podCondition, sameJSON, ts, objectsOf } from './util'
import { dropOrphanRuntime } from './kubelet-orphans'
import { forgetKubeletsQuiet, kubeletsQuiet, noteKubeletsQuiet, quietUntil } from './kubelet-quiet'

function nodeIP(node: Node): string {
  return node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
}

function admit(pod: Pod, node: Node, t0: number): void {
  const ip = nodeIP(node)
  pod.status.hostIP = ip
  pod.status.hostIPs = [{ ip }]
  pod.status.startTime = ts(t0)
  setPodCondition(pod, 'PodReadyToStartContainers', false, t0)
  setPodCondition(pod, 'Initialized', true, t0)
  if (podCondition(pod, 'PodScheduled')?.status !== 'True')
    setPodCondition(pod, 'PodScheduled', true, t0)
  pod.status.containerStatuses = initialContainerStatuses(pod)
  updateReadyConditions(pod, t0, t0)
}

function scheduledAt(pod: Pod, now: number): number {
  if (pod.status.startTime) return parseTimestamp(pod.status.startTime)
  const c = podCondition(pod, 'PodScheduled')
  if (c?.status === 'True') return Math.min(parseTimestamp(c.lastTransitionTime), now)
  return Math.min(parseTimestamp(pod.metadata.creationTimestamp), now)
}

function failingReadinessEvent(
  s: ClusterState,
  pod: Pod,
  node: Node,
  name: string,
  f: { message: string; first: number; last: number; count: number },
): void {
  const input = {
    type: 'Warning' as const,
    reason: 'Unhealthy',
    message: `Readiness probe failed: ${f.message}`.trimEnd(),
    source: { component: 'kubelet', host: node.metadata.name },
    fieldPath: `spec.containers{${name}}`,
  }
  recordRepeatedEvent(s, pod as KubeObject, input, f.first, f.last, Math.min(f.count, 9999))
}

function syncContainers(s: ClusterState, pod: Pod, node: Node, now: number): number {
  const sandboxAt = parseTimestamp(pod.status.startTime ?? '') + 1000
  let readySince = 0
  pod.spec.containers.forEach((container, index) => {
    const rec = kubeletRecord(s, pod.metadata.uid, container.name)
    if (rec.step === 'sandbox' && rec.until === 0) rec.until = sandboxAt
    const c: ContainerCtx = { s, pod, node, container, rec, index }
    advanceContainer(c, now)
    if (applyImageChange(c, now)) advanceContainer(c, now)
    const cs = pod.status.containerStatuses?.[index]
    rec.nextProbe = NEVER
    if (!cs?.state.running) return
    const r = readinessAt(s, pod, container, rec.startedAt, now)
    rec.nextProbe = r.nextCheck
    cs.ready = r.ready
    if (r.ready) readySince = Math.max(readySince, r.since)
    if (r.failing) failingReadinessEvent(s, pod, node, container.name, r.failing)
  })
  return readySince
}

function lastChange(pod: Pod, now: number): number {
  let at = 0
  for (const cs of pod.status.containerStatuses ?? []) {
    const t = cs.state.terminated?.finishedAt ?? cs.lastState.terminated?.finishedAt
    if (t) at = Math.max(at, parseTimestamp(t))
  }
  return at || now
}

/** Nothing is due for this pod before `now`: no container step ends and no probe result changes. */
function isQuiet(s: ClusterState, pod: Pod, now: number): boolean {
  return quietUntil(s, pod, now) >= 0
}

/** One kubelet sync of a pod at `now`; returns true when its status changed. */
function syncPod(s: ClusterState, pod: Pod, node: Node, now: number): boolean {
  return !isQuiet(s, pod, now) && syncBusyPod(s, pod, node, now)
}

/** syncPod of a pod that is not quiet. */
function syncBusyPod(s: ClusterState, pod: Pod, node: Node, now: number): boolean {
  const before = cloneJSON(pod.status)
  const t0 = scheduledAt(pod, now)
  if (!pod.status.startTime) admit(pod, node, t0)
  const sandboxAt = t0 + 1000
  if (now >= sandboxAt && !pod.status.podIP) {
    const ip = allocatePodIP(s, node)
    if (ip) {
      pod.status.podIP = ip
      pod.status.podIPs = [{ ip }]
      setPodCondition(pod, 'PodReadyToStartContainers', true, sandboxAt)
    }
  }
  if (pod.status.podIP) {
    const since = syncContainers(s, pod, node, now)
    updateReadyConditions(pod, since, lastChange(pod, now))
  }
  pod.status.phase = podPhase(pod)
  if (sameJSON(pod.status, before)) return false
  putObject(s, pod)
  return true
}

function handlesSigterm(pod: Pod, name: string): boolean {
  const container = pod.spec.containers.find((c) => c.name === name)
  const image = container && findImage(container.image)
  if (!container || !image) return true
  const p = resolveProcess(image, container)
  return p.type === 'server' || p.type === 'exit' || (p.type === 'run' && p.handlesSigterm)
}

/** Graceful deletion: Killing events at the delete time, removal when the last container stopped. */
function terminatePod(s: ClusterState, pod: Pod, node: Node, now: number): boolean {
  const deadline = parseTimestamp(pod.metadata.deletionTimestamp ?? '')
  const deletedAt = deadline - (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000
  let changed = syncPod(s, pod, node, Math.min(now, deletedAt))
  for (const cs of (pod.status.containerStatuses ?? []).filter((c) => c.state.running)) {
    const rec = kubeletRecord(s, pod.metadata.uid, cs.name)
    if (rec.stopping) continue
    rec.stopping = true
    const input = {
      type: 'Normal' as const,
      reason: 'Killing',
      message: `Stopping container ${cs.name}`,
      source: { component: 'kubelet', host: node.metadata.name },
      fieldPath: `spec.containers{${cs.name}}`,
    }
    recordEvent(s, pod, input, deletedAt)
    changed = true
  }
  if (now < (podGoneAt(pod) ?? now)) return changed
  removePod(s, pod)
  return true
}

/**
 * When a Terminating pod disappears (ms): a second after the delete when its processes stop on
 * SIGTERM (nginx, Go servers), at deletionTimestamp when PID 1 ignores it (`sleep`, a shell).
 * Undefined for a pod that is not being deleted. `kubectl delete` waits until then.
 */
export function podGoneAt(pod: Pod): number | undefined {
  if (!pod.metadata.deletionTimestamp) return undefined
  const deadline = parseTimestamp(pod.metadata.deletionTimestamp)
  const deletedAt = deadline - (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000
  let goneAt = deletedAt
  for (const cs of pod.status?.containerStatuses ?? []) {
    if (cs.state.running)
      goneAt = Math.max(goneAt, handlesSigterm(pod, cs.name) ? deletedAt + 1000 : deadline)
  }
  return goneAt
}

/** Removes a pod for good: its IP goes to the released list, its containers' runtime is dropped. */
export function removePod(s: ClusterState, pod: Pod): void {
  removeObject(s, 'Pod', pod.metadata.namespace, pod.metadata.name)
  releasePodIP(s, pod.status?.podIP)
  const prefix = `${pod.metadata.uid}/`
  for (const key of Object.keys(s.runtime.containers))
    if (key.startsWith(prefix)) delete s.runtime.containers[key]
}

/**
 * Runs every node's kubelet once; returns true when anything changed. Skipped while every pod on
 * a node is quiet and nothing they read was written (kubelet-quiet.ts).
 */
export function runKubelets(s: ClusterState, now: number): boolean {
  const nodes = new Map(objectsOf<Node>(s, 'Node').map((n) => [n.metadata.name, n]))
  const pods = objectsOf<Pod>(s, 'Pod')
  // skipped: no Pod was written, so none removed and no record orphaned (check mode looks)
  if (kubeletsQuiet(s, () => pods.filter((p) => nodes.has(p.spec.nodeName ?? '')), now))
    return dropOrphanRuntime(s, pods)
  let changed = dropOrphanRuntime(s, pods)
  // the earliest time a pod stops being quiet; -1: some pod was not quiet
  let until = Infinity
  for (const pod of pods) {
    const node = pod.spec.nodeName ? nodes.get(pod.spec.nodeName) : undefined
    if (!node) continue
    if (!pod.status) pod.status = { phase: 'Pending' }
    if (pod.metadata.deletionTimestamp) {
      until = -1
      if (terminatePod(s, pod, node, now)) changed = true
      continue
    }
    const quiet = quietUntil(s, pod, now)
    if (quiet >= 0) until = Math.min(until, quiet)
    else {
      until = -1
      if (syncBusyPod(s, pod, node, now)) changed = true
    }
  }
  if (changed) forgetKubeletsQuiet(s)
  else noteKubeletsQuiet(s, now, until)
  return changed
}

/**
 * Brings an admitted pod to Running at `now` with its image already on the node, as pods that
 * were running when the cluster was made (bootstrap only; skips pulling and waiting).
 */
export function startPodNow(s: ClusterState, pod: Pod, node: Node, now: number): void {
  if (!pod.status.startTime) admit(pod, node, now)
  const ip = pod.status.podIP ?? allocatePodIP(s, node)
  if (!ip) return
  pod.status.podIP = ip
  pod.status.podIPs = [{ ip }]
  setPodCondition(pod, 'PodReadyToStartContainers', true, now)
  pod.spec.containers.forEach((container, index) => {
    const rec = kubeletRecord(s, pod.metadata.uid, container.name)
    Object.assign(rec, { step: 'creating', until: now })
    advanceContainer({ s, pod, node, container, rec, index }, now)
  })
  syncPod(s, pod, node, now)
  putObject(s, pod)
}
