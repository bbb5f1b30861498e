// What kubectl's STATUS column would say for a pod, and how the map colours it.

import type { KubeObject } from '../types'

export type Tone = 'ok' | 'wait' | 'bad' | 'gone'

export interface PodStatus {
  text: string
  tone: Tone
  /** still changing on its own: worth polling the cluster for */
  settling: boolean
}

interface ContainerStatus {
  ready?: boolean
  state?: { waiting?: { reason?: string }; terminated?: { reason?: string }; running?: unknown }
}

const BAD = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'CrashLoopBackOff',
  'CreateContainerConfigError',
  'InvalidImageName',
  'Error',
  'OOMKilled',
])

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as { type?: string; status?: string }[]
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True')
}

/** Mirrors the reason kubectl prints (printPod in kubectl's printers), reduced to what the map needs. */
export function podStatus(pod: KubeObject): PodStatus {
  if (pod.metadata.deletionTimestamp) return { text: 'Terminating', tone: 'gone', settling: true }
  const phase = String(pod.status?.phase ?? 'Pending')
  if (phase === 'Succeeded') return { text: 'Completed', tone: 'gone', settling: false }
  if (phase === 'Failed')
    return { text: String(pod.status?.reason ?? 'Error'), tone: 'bad', settling: false }
  const statuses = (pod.status?.containerStatuses ?? []) as ContainerStatus[]
  for (const c of statuses) {
    const reason = c.state?.waiting?.reason ?? c.state?.terminated?.reason
    if (reason)
      return {
        text: reason,
        tone: BAD.has(reason) ? 'bad' : 'wait',
        settling: !BAD.has(reason) || reason === 'ErrImagePull',
      }
  }
  if (phase === 'Running') {
    return isReady(pod)
      ? { text: 'Running', tone: 'ok', settling: false }
      : { text: 'Running, not ready', tone: 'wait', settling: true }
  }
  return { text: pod.spec?.nodeName ? 'ContainerCreating' : phase, tone: 'wait', settling: true }
}
