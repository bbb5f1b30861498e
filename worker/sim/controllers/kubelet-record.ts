// The kubelet's own memory of a container, kept beside the container's runtime record
// (installs, logs) in the cluster document: what the container runtime and the kubelet's
// back-off tables know but the Pod status does not show.

import type { ClusterState, ContainerRuntime } from '../state'
import { containerRuntime } from '../net/images'

/** The end of time for a step that does not end by itself (8.64e15 ms is the largest Date). */
export const NEVER = 8.64e15

export type Step =
  /** waiting for the sandbox (ContainerCreating) */
  | 'sandbox'
  /** pulling the image (ContainerCreating / ErrImagePull) */
  | 'pulling'
  /** pull failed: ErrImagePull, then ImagePullBackOff until the next attempt */
  | 'pullFailed'
  | 'pullBackOff'
  /** image present, container being created */
  | 'creating'
  | 'running'
  /** exited; the kubelet notices a second later */
  | 'exited'
  | 'crashBackOff'
  /** exited and will not restart (restartPolicy) */
  | 'done'
  /** InvalidImageName / ErrImageNeverPull: stuck */
  | 'stuck'
  /** CreateContainerConfigError (a missing ConfigMap or Secret) until the next sync */
  | 'configError'

export interface KubeletRecord {
  step: Step
  /** ms: when the current step ends (NEVER: until something else happens; JSON has no Infinity) */
  until: number
  /** image pull attempts so far (for the pull back-off) */
  pullAttempts: number
  /** consecutive short-lived runs (for the crash back-off) */
  crashStreak: number
  /** ms: when the current run started */
  startedAt: number
  /** ms: liveness kill time of the current run, if its liveness probe fails */
  killAt?: number
  /** ms the current image pull takes */
  pullMs?: number
  /** the image the current (or pending) run uses; a different spec image restarts the container */
  image?: string
  /** ms: when readiness may change next (fast path of the kubelet) */
  nextProbe?: number
  /** the Killing events of a graceful deletion were recorded */
  stopping?: boolean
  exitCode?: number
  /** the main process ended by itself with this code (an attached shell's `exit N`) */
  mainExit?: number
  exitReason?: string
  exitMessage?: string
  /** the environment from env/envFrom resolved at the current run's start (ConfigMaps, Secrets) */
  env?: [string, string][]
}

type WithKubelet = ContainerRuntime & { kubelet?: KubeletRecord }

/** The kubelet record of a container, created in step `sandbox` on first use. */
export function kubeletRecord(s: ClusterState, podUid: string, container: string): KubeletRecord {
  const rt = containerRuntime(s, podUid, container) as WithKubelet
  if (!rt.kubelet)
    rt.kubelet = { step: 'sandbox', until: 0, pullAttempts: 0, crashStreak: 0, startedAt: 0 }
  return rt.kubelet
}

/** The record if it exists, without creating one. */
export function peekKubeletRecord(
  s: ClusterState,
  podUid: string,
  container: string,
): KubeletRecord | undefined {
  return (s.runtime.containers[`${podUid}/${container}`] as WithKubelet | undefined)?.kubelet
}

/** Whether the kubelet has seen this container yet. */
export function hasKubeletRecord(s: ClusterState, podUid: string, container: string): boolean {
  return (
    (s.runtime.containers[`${podUid}/${container}`] as WithKubelet | undefined)?.kubelet !==
    undefined
  )
}
