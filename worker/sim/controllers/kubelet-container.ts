// One container's life as the kubelet drives it (pkg/kubelet/kuberuntime SyncPod +
// images/image_manager.go): pull (with back-off on failure), create, start, run, exit, restart
// with the crash back-off 10s, 20s, 40s ... capped at 5m (reset after 10 minutes of running).
// Each step ends at a known time; advanceContainer replays every step that ended by `now`,
// writing status and events at the time each step happened.

import { findImage, type ImageInfo } from '../images/catalog'
import { resolveProcess, type MainProcess } from '../images/process'
import { appendLog } from '../net/images'
import { randomHex } from '../state'
import { atBackOffCap, podEventCounts, skipCycles, type CycleMark } from './kubelet-catch-up'
import { BACKOFF_MAX_S, emit, setStatus, status, type ContainerCtx } from './kubelet-ctx'
import { containerStartLog } from './kubelet-logs'
import { livenessKillAt } from './kubelet-health'
import { beginPull, finishPull, pullBackOff } from './kubelet-pull'
import { prepareContainerConfig } from './kubelet-config'
import { networkExit } from './kubelet-net-exit'
import { NEVER } from './kubelet-record'
import { ts } from './util'
import { markChanged } from '../document-changed'

export type { ContainerCtx } from './kubelet-ctx'
export { pullError } from './kubelet-pull'

/** Go's time.Duration String for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const sec = seconds % 60
  return h > 0 ? `${h}h${m}m${sec}s` : `${m}m${sec}s`
}

function startContainer(c: ContainerCtx, at: number): void {
  if (!prepareContainerConfig(c, at)) return
  const image = findImage(c.container.image) as ImageInfo
  const process: MainProcess = networkExit(c.s, c.pod, resolveProcess(image, c.container))
  const prev = status(c)
  const hadRun = c.rec.startedAt > 0
  const containerID = `containerd://${randomHex(c.s, 64)}`
  const restartCount = hadRun ? prev.restartCount + 1 : prev.restartCount
  const lastState = prev.state.terminated ? { terminated: prev.state.terminated } : prev.lastState
  emit(c, 'Normal', 'Created', `Created container: ${c.container.name}`, at)
  setStatus(c, {
    image: image.fullName,
    imageID: image.imageID,
    containerID,
    restartCount,
    lastState,
  })
  c.rec.startedAt = at
  if (hadRun) resetContainerFilesystem(c)
  if (process.type === 'notFound') {
    const msg = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${process.binary}": executable file not found in $PATH: unknown`
    emit(c, 'Warning', 'Failed', `Error: ${msg}`, at)
    return exitContainer(c, at, 128, 'StartError', msg, true)
  }
  emit(c, 'Normal', 'Started', `Started container ${c.container.name}`, at)
  setStatus(c, { state: { running: { startedAt: ts(at) } }, started: true, ready: false })
  for (const line of containerStartLog(image, process, at))
    appendLog(c.s, c.pod.metadata.uid, c.container.name, line)
  if (process.type === 'exit')
    return exitContainer(c, at, process.exitCode, process.exitCode === 0 ? 'Completed' : 'Error')
  const natural =
    process.type === 'run' && Number.isFinite(process.seconds) ? at + process.seconds * 1000 : NEVER
  const kill = livenessKillAt(c, process, at)
  c.rec.killAt = kill !== undefined && kill < natural ? kill : undefined
  Object.assign(c.rec, { step: 'running', until: Math.min(natural, c.rec.killAt ?? NEVER) })
}

function exitContainer(
  c: ContainerCtx,
  at: number,
  exitCode: number,
  reason: string,
  message?: string,
  neverStarted = false,
): void {
  const cur = status(c)
  const startedAt = neverStarted ? '1970-01-01T00:00:00Z' : ts(c.rec.startedAt)
  const terminated = {
    exitCode,
    reason,
    ...(message ? { message } : {}),
    startedAt,
    finishedAt: ts(at),
    containerID: cur.containerID,
  }
  setStatus(c, { state: { terminated }, ready: false, started: false })
  Object.assign(c.rec, { step: 'exited', until: at + 1000, exitCode, exitReason: undefined })
}

/**
 * The run ends: naturally (exit 0), or killed after failed liveness probes. A server stops on
 * SIGTERM at once; a PID 1 without a handler keeps running until SIGKILL after the grace period.
 */
function onRunEnd(c: ContainerCtx, at: number): void {
  if (c.rec.mainExit !== undefined) {
    const code = c.rec.mainExit
    c.rec.mainExit = undefined
    return exitContainer(c, at, code, code === 0 ? 'Completed' : 'Error')
  }
  if (c.rec.exitReason === 'Error') return exitContainer(c, at, 137, 'Error')
  if (c.rec.killAt !== undefined && at >= c.rec.killAt) {
    c.rec.killAt = undefined
    emit(
      c,
      'Normal',
      'Killing',
      `Container ${c.container.name} failed liveness probe, will be restarted`,
      at,
    )
    const process = resolveProcess(findImage(c.container.image) as ImageInfo, c.container)
    if (process.type === 'server') return exitContainer(c, at, 0, 'Completed')
    Object.assign(c.rec, {
      exitReason: 'Error',
      until: at + (c.pod.spec.terminationGracePeriodSeconds ?? 30) * 1000,
    })
    return
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
  const delay =
    c.rec.crashStreak === 0 ? 0 : Math.min(10 * 2 ** (c.rec.crashStreak - 1), BACKOFF_MAX_S)
  c.rec.crashStreak += 1
  if (delay === 0) return beginPull(c, at)
  const name = c.container.name
  const podRef = `${c.pod.metadata.name}_${c.pod.metadata.namespace ?? 'default'}(${c.pod.metadata.uid})`
  emit(c, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${podRef}`, at)
  const terminated = status(c).state.terminated
  setStatus(c, {
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${goDuration(delay)} restarting failed container=${name} pod=${podRef}`,
      },
    },
    lastState: terminated ? { terminated } : {},
  })
  Object.assign(c.rec, { step: 'crashBackOff', until: at + delay * 1000 })
}

/** A new container starts from the image: what apt-get installed and the old log are gone. */
function resetContainerFilesystem(c: ContainerCtx): void {
  const rt = c.s.runtime.containers[`${c.pod.metadata.uid}/${c.container.name}`]
  if (!rt) return
  if (rt.logs.length > 0) markChanged()
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
    emit(
      c,
      'Normal',
      'Killing',
      `Container ${c.container.name} definition changed, will be restarted`,
      now,
    )
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
    case 'configError':
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
  let mark: CycleMark | undefined
  while (typeof c.rec.until === 'number' && c.rec.until <= now && steps < 5000) {
    if (atBackOffCap(c)) {
      if (mark?.step === c.rec.step) {
        skipCycles(c, mark, now)
        mark = undefined
      } else if (!mark) {
        const restartCount = status(c).restartCount
        mark = {
          step: c.rec.step,
          until: c.rec.until,
          restartCount,
          crashStreak: c.rec.crashStreak,
          pullAttempts: c.rec.pullAttempts,
          counts: podEventCounts(c),
        }
      }
    }
    finishStep(c)
    steps++
  }
  return steps > 0
}
