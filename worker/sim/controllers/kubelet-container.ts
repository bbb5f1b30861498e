// One container's life as the kubelet drives it (pkg/kubelet/kuberuntime SyncPod +
// images/image_manager.go): pull (with back-off on failure), create, start, run, exit, restart
// with the crash back-off 10s, 20s, 40s ... capped at 5m (reset after 10 minutes of running).
// Each step ends at a known time; advanceContainer replays every step that ended by `now`,
// writing status and events at the time each step happened.

import type { Container, ContainerState, ContainerStatus, KubeObject, Node, Pod } from '../objects/types'
import { findImage, type ImageInfo } from '../images/catalog'
import { resolveProcess, type MainProcess } from '../images/process'
import { invalidImageMessage, parseImageRef } from '../images/reference'
import { isKnownRepository } from '../images/catalog'
import { appendLog } from '../net/images'
import { defaultPullPolicy } from '../objects/defaults-pod'
import { parseTimestamp, putObject, randomHex, type ClusterState } from '../state'
import { recordEvent, type EventInput } from './events'
import { NEVER, type KubeletRecord } from './kubelet-record'
import { containerStartLog } from './kubelet-logs'
import { livenessKillAt } from './kubelet-health'
import { ts } from './util'

export interface ContainerCtx {
  s: ClusterState
  pod: Pod
  node: Node
  container: Container
  rec: KubeletRecord
  /** index of the container in spec.containers and status.containerStatuses */
  index: number
}

const BACKOFF_MAX_S = 300

function emit(c: ContainerCtx, type: 'Normal' | 'Warning', reason: string, message: string, at: number): void {
  const input: EventInput = { type, reason, message, source: { component: 'kubelet', host: c.node.metadata.name }, fieldPath: `spec.containers{${c.container.name}}` }
  recordEvent(c.s, c.pod as KubeObject, input, at)
}

function status(c: ContainerCtx): ContainerStatus {
  return (c.pod.status.containerStatuses ?? [])[c.index] as ContainerStatus
}

function setStatus(c: ContainerCtx, patch: Partial<ContainerStatus>): void {
  const list = c.pod.status.containerStatuses ?? []
  const cur = list[c.index] as ContainerStatus
  list[c.index] = { ...cur, ...patch }
  c.pod.status.containerStatuses = list
}

function waiting(c: ContainerCtx, reason: string, message?: string): void {
  const state: ContainerState = { waiting: message === undefined ? { reason } : { reason, message } }
  setStatus(c, { state, ready: false, started: false })
}

function pullPolicy(c: ContainerCtx): string {
  return c.container.imagePullPolicy ?? defaultPullPolicy(c.container.image)
}

function presentOnNode(c: ContainerCtx, image: ImageInfo): boolean {
  const images = (c.node.status.images ?? []) as { names: string[] }[]
  return images.some((i) => i.names.includes(image.fullName))
}

function addImageToNode(c: ContainerCtx, image: ImageInfo): void {
  if (presentOnNode(c, image)) return
  const images = [...((c.node.status.images ?? []) as { names: string[]; sizeBytes: number }[])]
  images.push({ names: [image.imageID, image.fullName], sizeBytes: image.sizeBytes })
  c.node.status.images = images
  putObject(c.s, c.node)
}

/** The containerd error text for an image that cannot be pulled. */
export function pullError(ref: string): string {
  const r = parseImageRef(ref)
  const full = r ? `${r.repository}:${r.tag}` : ref
  const head = `failed to pull and unpack image "${full}": failed to resolve reference "${full}"`
  if (r && (isKnownRepository(r.repository) || r.repository.startsWith('registry.k8s.io/'))) return `${head}: ${full}: not found`
  const registry = r?.repository.split('/')[0] ?? ''
  if (r && registry !== 'docker.io') {
    const path = r.repository.slice(registry.length + 1)
    return `${head}: failed to do request: Head "https://${registry}/v2/${path}/manifests/${r.tag}": dial tcp: lookup ${registry} on 172.18.0.1:53: no such host`
  }
  return `${head}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
}

/** Go's Duration.String for a pull time truncated to ms: `512ms`, `2.233s`. */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s` : `${ms}ms`
}

/** Go's time.Duration String for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const sec = seconds % 60
  return h > 0 ? `${h}h${m}m${sec}s` : `${m}m${sec}s`
}

/** Begins pulling (or checking) the image at `at`; the first step of every (re)start. */
function beginPull(c: ContainerCtx, at: number): void {
  const ref = c.container.image
  c.rec.image = ref
  const image = findImage(ref)
  const policy = pullPolicy(c)
  if (!parseImageRef(ref)) {
    const msg = invalidImageMessage(ref)
    emit(c, 'Warning', 'InspectFailed', msg, at)
    emit(c, 'Warning', 'Failed', 'Error: InvalidImageName', at)
    waiting(c, 'InvalidImageName', msg)
    Object.assign(c.rec, { step: 'stuck', until: NEVER })
    return
  }
  if (image && policy !== 'Always' && presentOnNode(c, image)) {
    emit(c, 'Normal', 'Pulled', `Container image "${ref}" already present on machine`, at)
    Object.assign(c.rec, { step: 'creating', until: at + 500 })
    return
  }
  if (policy === 'Never') {
    const msg = `Container image "${ref}" is not present with pull policy of Never`
    emit(c, 'Warning', 'ErrImageNeverPull', msg, at)
    emit(c, 'Warning', 'Failed', 'Error: ErrImageNeverPull', at)
    waiting(c, 'ErrImageNeverPull', msg)
    Object.assign(c.rec, { step: 'stuck', until: NEVER })
    return
  }
  emit(c, 'Normal', 'Pulling', `Pulling image "${ref}"`, at)
  c.rec.pullAttempts += 1
  const ms = !image ? 1200 : presentOnNode(c, image) ? 400 + (image.sizeBytes % 500) : Math.round(image.pullSeconds * 1000)
  Object.assign(c.rec, { step: 'pulling', until: at + ms, pullMs: ms })
}

function finishPull(c: ContainerCtx, at: number): void {
  const ref = c.container.image
  const image = findImage(ref)
  if (!image) {
    const err = pullError(ref)
    emit(c, 'Warning', 'Failed', `Failed to pull image "${ref}": ${err}`, at)
    emit(c, 'Warning', 'Failed', 'Error: ErrImagePull', at)
    waiting(c, 'ErrImagePull', err)
    Object.assign(c.rec, { step: 'pullFailed', until: at + 10_000 })
    return
  }
  const took = formatDuration(c.rec.pullMs ?? 0)
  emit(c, 'Normal', 'Pulled', `Successfully pulled image "${ref}" in ${took} (${took} including waiting). Image size: ${image.sizeBytes} bytes.`, at)
  addImageToNode(c, image)
  const startAt = Math.max(at + 300, c.rec.startedAt === 0 ? parseTimestamp(c.pod.status.startTime ?? '') + image.startSeconds * 1000 : 0)
  Object.assign(c.rec, { step: 'creating', until: startAt })
}

function pullBackOff(c: ContainerCtx, at: number): void {
  const ref = c.container.image
  emit(c, 'Normal', 'BackOff', `Back-off pulling image "${ref}"`, at)
  emit(c, 'Warning', 'Failed', 'Error: ImagePullBackOff', at)
  waiting(c, 'ImagePullBackOff', `Back-off pulling image "${ref}": ErrImagePull: ${pullError(ref)}`)
  const delay = Math.min(10 * 2 ** (c.rec.pullAttempts - 1), BACKOFF_MAX_S) * 1000
  Object.assign(c.rec, { step: 'pullBackOff', until: at + delay })
}

function startContainer(c: ContainerCtx, at: number): void {
  const image = findImage(c.container.image) as ImageInfo
  const process: MainProcess = resolveProcess(image, c.container)
  const prev = status(c)
  const hadRun = c.rec.startedAt > 0
  const containerID = `containerd://${randomHex(c.s, 64)}`
  const restartCount = hadRun ? prev.restartCount + 1 : prev.restartCount
  const lastState = prev.state.terminated ? { terminated: prev.state.terminated } : prev.lastState
  emit(c, 'Normal', 'Created', `Created container: ${c.container.name}`, at)
  setStatus(c, { image: image.fullName, imageID: image.imageID, containerID, restartCount, lastState })
  c.rec.startedAt = at
  if (hadRun) resetContainerFilesystem(c)
  if (process.type === 'notFound') {
    const msg = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${process.binary}": executable file not found in $PATH: unknown`
    emit(c, 'Warning', 'Failed', `Error: ${msg}`, at)
    return exitContainer(c, at, 128, 'StartError', msg, true)
  }
  emit(c, 'Normal', 'Started', `Started container ${c.container.name}`, at)
  setStatus(c, { state: { running: { startedAt: ts(at) } }, started: true, ready: false })
  for (const line of containerStartLog(process, at)) appendLog(c.s, c.pod.metadata.uid, c.container.name, line)
  if (process.type === 'exit') return exitContainer(c, at, process.exitCode, process.exitCode === 0 ? 'Completed' : 'Error')
  const natural = process.type === 'run' && Number.isFinite(process.seconds) ? at + process.seconds * 1000 : NEVER
  const kill = livenessKillAt(c, process, at)
  c.rec.killAt = kill !== undefined && kill < natural ? kill : undefined
  Object.assign(c.rec, { step: 'running', until: Math.min(natural, c.rec.killAt ?? NEVER) })
}

function exitContainer(c: ContainerCtx, at: number, exitCode: number, reason: string, message?: string, neverStarted = false): void {
  const cur = status(c)
  const startedAt = neverStarted ? '1970-01-01T00:00:00Z' : ts(c.rec.startedAt)
  const terminated = { exitCode, reason, ...(message ? { message } : {}), startedAt, finishedAt: ts(at), containerID: cur.containerID }
  setStatus(c, { state: { terminated }, ready: false, started: false })
  Object.assign(c.rec, { step: 'exited', until: at + 1000, exitCode })
}

function onRunEnd(c: ContainerCtx, at: number): void {
  if (c.rec.killAt !== undefined && at >= c.rec.killAt) {
    emit(c, 'Normal', 'Killing', `Container ${c.container.name} failed liveness probe, will be restarted`, at)
    const process = resolveProcess(findImage(c.container.image) as ImageInfo, c.container)
    const grace = (c.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000
    if (process.type === 'server') return exitContainer(c, at, 0, 'Completed')
    return exitContainer(c, at + grace, 137, 'Error')
  }
  exitContainer(c, at, 0, 'Completed')
}

function decideRestart(c: ContainerCtx, at: number): void {
  const policy = c.pod.spec.restartPolicy ?? 'Always'
  if (policy === 'Never' || (policy === 'OnFailure' && c.rec.exitCode === 0)) {
    Object.assign(c.rec, { step: 'done', until: NEVER })
    return
  }
  const finished = at - 1000
  if (finished - c.rec.startedAt >= 600_000) c.rec.crashStreak = 0
  const delay = c.rec.crashStreak === 0 ? 0 : Math.min(10 * 2 ** (c.rec.crashStreak - 1), BACKOFF_MAX_S)
  c.rec.crashStreak += 1
  if (delay === 0) return beginPull(c, at)
  const name = c.container.name
  const podRef = `${c.pod.metadata.name}_${c.pod.metadata.namespace ?? 'default'}(${c.pod.metadata.uid})`
  emit(c, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${podRef}`, at)
  const terminated = status(c).state.terminated
  setStatus(c, { state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${name} pod=${podRef}` } }, lastState: terminated ? { terminated } : {} })
  Object.assign(c.rec, { step: 'crashBackOff', until: at + delay * 1000 })
}

/** A new container starts from the image: what apt-get installed and the old log are gone. */
function resetContainerFilesystem(c: ContainerCtx): void {
  const rt = c.s.runtime.containers[`${c.pod.metadata.uid}/${c.container.name}`]
  if (!rt) return
  rt.installed = []
  rt.aptUpdated = false
  rt.logs = []
}

/**
 * The pod's container image was changed (`kubectl set image pod/...`): the kubelet kills the
 * container ("definition changed") and starts it again with the new image.
 */
export function applyImageChange(c: ContainerCtx, now: number): boolean {
  if (c.rec.image === undefined || c.rec.image === c.container.image) return false
  if (c.rec.step === 'sandbox') return false
  if (c.rec.step === 'running') {
    emit(c, 'Normal', 'Killing', `Container ${c.container.name} definition changed, will be restarted`, now)
    exitContainer(c, now, 0, 'Completed')
    c.rec.crashStreak = 0
    return true
  }
  c.rec.pullAttempts = 0
  c.rec.crashStreak = 0
  beginPull(c, now)
  return true
}

/** Applies the step that ends at rec.until. */
function finishStep(c: ContainerCtx): void {
  const at = c.rec.until
  switch (c.rec.step) {
    case 'sandbox':
    case 'pullBackOff':
    case 'crashBackOff':
      return beginPull(c, at)
    case 'pulling':
      return finishPull(c, at)
    case 'pullFailed':
      return pullBackOff(c, at)
    case 'creating':
      return startContainer(c, at)
    case 'running':
      return onRunEnd(c, at)
    case 'exited':
      return decideRestart(c, at)
    default:
      c.rec.until = NEVER
  }
}

/** Replays every step that ended by `now`. Returns true when anything happened. */
export function advanceContainer(c: ContainerCtx, now: number): boolean {
  let steps = 0
  while (typeof c.rec.until === 'number' && c.rec.until <= now && steps < 2000) {
    finishStep(c)
    steps++
  }
  return steps > 0
}
