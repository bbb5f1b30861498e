// kubectl commands that wait (TERMINAL-FACTS B5, B6; KUBERNETES-FACTS T15): each first runs as the
// one-shot command does (its checks, messages and first lines), then keeps following the cluster
// as simulated time passes. Ctrl+C is kubectl's handler: `^C`, exit 1, prompt on the same line.

import type { Invocation } from '../kubectl/invocation'
import { podForArgument } from '../kubectl/pod-for-object'
import { defaultContainer } from '../kubectl/exec'
import { deploymentStatus } from '../kubectl/rollout-status'
import { resolveTargets } from '../kubectl/targets'
import type { Deployment, Pod } from '../objects/types'
import { getObject } from '../state'
import { replay, runOnce } from './sync'
import { KUBECTL_INTERRUPT, type Pause, type StreamProc } from './types'

type Run = Generator<Pause, number, void>

const tick = (p: StreamProc): Pause => ({ until: p.ctx.now + 1000, onChange: true })

/** Go durations as kubectl flags take them (`30s`, `1m30s`, `2m`); 0 when absent. */
export function durationMs(text: string): number | undefined {
  if (text === '' || text === '0') return 0
  let total = 0
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g
  let consumed = 0
  for (const m of text.matchAll(re)) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h']
    total += Number(m[1]) * unit
    consumed += m[0].length
  }
  return consumed === text.length ? total : undefined
}

/** `kubectl logs -f`: the lines so far, then each new line, until the container goes away. */
export function* followLogs(p: StreamProc, inv: Invocation): Run {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const first = runOnce(p)
  replay(p, first)
  if (first.exitCode !== 0 || inv.flags.str('selector') || !inv.args[0]) return first.exitCode
  const found = podForArgument(inv, inv.args[0])
  if (!found.ok) return first.exitCode
  const uid = found.pod.metadata.uid
  const container =
    inv.args[1] ?? (inv.flags.str('container') || defaultContainer(found.pod, true).name)
  const logsNow = () => p.ctx.s.runtime.containers[`${uid}/${container}`]?.logs ?? []
  let last = logsNow()
  for (;;) {
    yield tick(p)
    const pod = getObject<Pod>(
      p.ctx.s,
      'Pod',
      found.pod.metadata.namespace,
      found.pod.metadata.name,
    )
    if (!pod || pod.metadata.uid !== uid) return 0
    const logs = logsNow()
    p.io.out.write(
      newLines(last, logs)
        .map((l) => `${l}\n`)
        .join(''),
    )
    last = [...logs]
  }
}

/** The lines of `now` after those of `before` (the log keeps its last 200 lines). */
function newLines(before: string[], now: string[]): string[] {
  if (before.length === 0) return now
  const tail = before[before.length - 1]
  if (now.length >= before.length && now[before.length - 1] === tail)
    return now.slice(before.length)
  const at = now.lastIndexOf(tail as string)
  return at >= 0 ? now.slice(at + 1) : now
}

/** `kubectl rollout status deployment/x`: a line per change of the Deployment until done. */
export function* rolloutStatus(p: StreamProc, inv: Invocation): Run {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const first = runOnce(p, [...p.argv, '--watch=false'])
  replay(p, first)
  if (first.exitCode !== 0 || first.stdout.endsWith('successfully rolled out\n'))
    return first.exitCode
  const found = resolveTargets(inv, { selector: false, allowEmptySelector: true })
  const t = found.ok ? found.targets[0] : undefined
  if (!t) return first.exitCode
  const timeout = durationMs(inv.flags.str('timeout')) ?? 0
  const start = p.ctx.now
  let rv = getObject(p.ctx.s, 'Deployment', t.namespace, t.name)?.metadata.resourceVersion
  for (;;) {
    yield tick(p)
    const d = getObject<Deployment>(p.ctx.s, 'Deployment', t.namespace, t.name)
    if (!d) {
      p.io.err.write('error: object has been deleted\n')
      return 1
    }
    if (timeout > 0 && p.ctx.now - start >= timeout) {
      p.io.err.write('error: timed out waiting for the condition\n')
      return 1
    }
    if (d.metadata.resourceVersion === rv) continue
    rv = d.metadata.resourceVersion
    const st = deploymentStatus(d)
    if ('error' in st) {
      p.io.err.write(`error: ${st.error}\n`)
      return 1
    }
    p.io.out.write(st.line)
    if (st.done) return 0
  }
}

/** `kubectl wait --for=... [--timeout=30s]`: asks again each second until met or timed out. */
export function* waitFor(p: StreamProc, inv: Invocation): Run {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const timeout = durationMs(inv.flags.str('timeout') || '30s') ?? 30_000
  const start = p.ctx.now
  for (;;) {
    const r = runOnce(p)
    const timedOut = r.output.some((o) => o.text.includes('timed out waiting for the condition'))
    if (!timedOut || p.ctx.now - start >= timeout) {
      replay(p, r)
      return r.exitCode
    }
    yield { until: Math.min(p.ctx.now + 1000, start + timeout), onChange: true }
  }
}

/** `kubectl delete pod x` returns once the pods are gone: after their grace period (T15). */
export function* deleteAndWait(p: StreamProc): Run {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const from = p.ctx.changed.length
  const r = runOnce(p)
  replay(p, r)
  const pods = p.ctx.changed
    .slice(from)
    .filter((c) => c.kind === 'Pod' && c.op === 'deleted')
    .map((c) => ({ ns: c.namespace, name: c.name }))
  const present = () => pods.some((d) => getObject(p.ctx.s, 'Pod', d.ns, d.name) !== undefined)
  while (present()) yield tick(p)
  return r.exitCode
}

/**
 * `kubectl port-forward`: forwards (kubectl/port-forward.ts) until Ctrl+C, printing `Handling
 * connection for PORT` for each connection made meanwhile (from another terminal tab). Ctrl+C or
 * the limit ends the process, and its forwards with it.
 */
export function* holdPortForward(p: StreamProc): Run {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const before = new Set(p.ctx.s.runtime.portForwards)
  const r = runOnce(p)
  replay(p, r)
  if (r.exitCode !== 0) return r.exitCode
  const mine = p.ctx.s.runtime.portForwards.filter((f) => !before.has(f)).map((f) => f.localPort)
  const seen = new Map(mine.map((port) => [port, connectionsOf(p, port)]))
  try {
    for (;;) {
      yield tick(p)
      for (const port of mine) {
        const now = connectionsOf(p, port)
        const was = seen.get(port) ?? 0
        if (now > was) p.io.out.write(`Handling connection for ${port}\n`.repeat(now - was))
        seen.set(port, now)
      }
    }
  } finally {
    const rt = p.ctx.s.runtime
    rt.portForwards = rt.portForwards.filter((f) => !mine.includes(f.localPort))
  }
}

function connectionsOf(p: StreamProc, port: number): number {
  return p.ctx.s.runtime.portForwards.find((f) => f.localPort === port)?.connections ?? 0
}

/** `kubectl run -it`: kubectl waits silently for the pod to run, then attaches (run.go:470). */
export function* runAttach(p: StreamProc, inv: Invocation): Run {
  p.onInterrupt(KUBECTL_INTERRUPT)
  const r = runOnce(p)
  const open = p.ctx.terminal?.open
  if (r.exitCode !== 0 || !open) {
    replay(p, r)
    return r.exitCode
  }
  const timeout = durationMs(inv.flags.str('pod-running-timeout') || '1m') ?? 60_000
  const start = p.ctx.now
  for (;;) {
    const pod = getObject<Pod>(p.ctx.s, 'Pod', open.namespace, open.pod)
    const st = pod?.status.containerStatuses?.find((c) => c.name === open.container)
    if (st?.state.running) break
    if (!pod || p.ctx.now - start >= timeout) {
      if (p.ctx.terminal) delete p.ctx.terminal.open
      p.io.err.write('error: timed out waiting for the condition\n')
      return 1
    }
    yield tick(p)
  }
  replay(p, r)
  return 0
}
