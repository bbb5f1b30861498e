// Plain-language reasons a pod is not serving, read from its status the way `kubectl describe pod`
// shows them (waiting reasons, readiness, scheduling, deletion).

import type { Container, Pod, Probe } from '../objects/types'
import { containerProcess } from './images'

/** Pod Ready condition, as the endpoints controllers read it (podutil.IsPodReady). */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true
}

/** Why a pod is not Ready, in a phrase: `its image "nginx:1.999" cannot be pulled (ImagePullBackOff)`. */
export function whyNotReady(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return 'it is being deleted (Terminating)'
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    return `it has finished (phase ${pod.status.phase})`
  }
  if (!pod.spec?.nodeName) return 'it is not scheduled to a node yet (Pending)'
  for (const c of pod.spec.containers ?? []) {
    const st = pod.status?.containerStatuses?.find((x) => x.name === c.name)
    const waiting = st?.state?.waiting?.reason
    if (
      waiting === 'ErrImagePull' ||
      waiting === 'ImagePullBackOff' ||
      waiting === 'InvalidImageName'
    ) {
      return `its image "${c.image}" cannot be pulled (${waiting})`
    }
    if (waiting === 'CrashLoopBackOff')
      return `container ${c.name} keeps exiting (CrashLoopBackOff)`
    if (waiting === 'ContainerCreating' || !st) return 'it is still starting (ContainerCreating)'
    if (waiting) return `container ${c.name} is waiting (${waiting})`
    if (st.state?.terminated)
      return `container ${c.name} has exited (${st.state.terminated.reason})`
    if (!st.ready) return notReadyContainer(c)
  }
  return 'it is not Ready yet'
}

function notReadyContainer(c: Container): string {
  if (!c.readinessProbe) return `container ${c.name} is still starting`
  return `container ${c.name}'s readiness probe (${describeProbe(c.readinessProbe)}) is failing`
}

/** `httpGet :8080/healthz`, `tcpSocket :80`, `exec cat /tmp/ready` */
export function describeProbe(p: Probe): string {
  if (p.httpGet) return `httpGet :${p.httpGet.port}${p.httpGet.path ?? '/'}`
  if (p.tcpSocket) return `tcpSocket :${p.tcpSocket.port}`
  if (p.exec) return `exec ${p.exec.command.join(' ')}`
  return 'no handler'
}

/** TCP ports the pod's containers would bind if they run, e.g. `80 (nginx)`; empty when none serve. */
export function listeningPorts(pod: Pod): { port: number; container: string; image: string }[] {
  const out: { port: number; container: string; image: string }[] = []
  for (const c of pod.spec?.containers ?? []) {
    const found = containerProcess(c)
    if (found?.process.type !== 'server') continue
    for (const p of found.process.ports)
      if (p.protocol === 'TCP') out.push({ port: p.port, container: c.name, image: c.image })
  }
  return out
}

/** Whether every container of the pod is running (what can accept connections at all). */
export function isPodRunning(pod: Pod): boolean {
  const statuses = pod.status?.containerStatuses ?? []
  return statuses.length > 0 && statuses.some((st) => st.state?.running !== undefined)
}

/** `app=web,tier=front` (labels.FormatLabels); `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',')
}

/** Equality-based selector of a Service (empty selector selects nothing for Services). */
export function matchesSelector(
  selector: Record<string, string>,
  labels: Record<string, string> | undefined,
): boolean {
  const keys = Object.keys(selector)
  if (keys.length === 0) return false
  return keys.every((k) => labels?.[k] === selector[k])
}
