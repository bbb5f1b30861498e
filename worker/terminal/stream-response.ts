// `stream: true`: the line's output as NDJSON while simulated time follows the wall clock
// (docs/api.md "Streams"). The first step runs like any line (one read, one batch: state and
// history row) before the response starts, so 404/409 stay plain JSON errors. While it runs, the
// stream reads only the cluster's version (one row, at most once a second), decodes the document
// only when that changed, and writes only when the line recorded something (a request, a change,
// a completed task) and once at the end (the history row's exit code, the terminal's shell).
import { stream as honoStream } from 'hono/streaming'

import type { AppContext } from '../http/env'
import type { LoadedCluster } from '../http/command-loop'
import { completionOf, taskList } from '../labs/grade'
import { visibleTrace } from '../labs/visible-trace'
import { interruptStream, type StreamStep } from '../sim/stream'
import { terminalPrompt, type TerminalResult } from '../sim/session'
import { shellView, type TerminalLineBody } from './line'
import { registerStream } from './streams-registry'
import { firstStep, type Started } from './stream-first-step'
import { finishLine, tick } from './stream-store'

/** A stream ends by itself after this long, with LIMIT_NOTICE on stderr. */
export const STREAM_LIMIT_MS = 10 * 60_000
export const LIMIT_NOTICE =
  "service-lab: this command was stopped after 10 minutes (the terminal's limit for one command)\n"
/** a write the client has not taken for this long means it is gone */
const WRITE_STALL_MS = 15_000

type Event = Record<string, unknown> & { type: string }

export async function streamTerminalLine(
  c: AppContext,
  clusterId: string,
  body: TerminalLineBody,
  first?: LoadedCluster,
) {
  const run = await firstStep(c, clusterId, body, first)
  c.header('Content-Type', 'application/x-ndjson')
  // nginx in front (README) would hold the events back in its buffer until the line ends
  c.header('X-Accel-Buffering', 'no')
  return honoStream(c, async (out) => {
    let stopped = false
    let wake: () => void = () => undefined
    const stopping = new Promise<void>((resolve) => (wake = resolve))
    const stop = () => {
      stopped = true
      wake()
    }
    // a write the client no longer reads may never finish: stopping (or a long stall) wins
    const stalled = () => out.sleep(WRITE_STALL_MS).then(stop)
    const send = (e: Event) =>
      Promise.race([out.write(`${JSON.stringify(e)}\n`).then(() => undefined), stopping, stalled()])
    const sleep = (ms: number) => Promise.race([out.sleep(ms), stopping])
    out.onAbort(stop)
    // the client going away (Ctrl+C aborts the fetch): Node and workerd signal it on the request
    c.req.raw.signal?.addEventListener('abort', stop)
    // POST .../interrupt runs in another request: it may only set the flag (workerd forbids
    // resuming this request's promises from there); the loop sees it within a second
    const unregister = registerStream(
      c.get('userId')!,
      clusterId,
      body.terminal ?? 'default',
      () => {
        stopped = true
      },
    )
    const work = follow(run, send, sleep, () => stopped).finally(unregister)
    keepAlive(c, work)
    await work
  })
}

/**
 * On Workers a request's pending work is cancelled when its client disconnects; waitUntil lets
 * the stream notice the Ctrl+C and record the line's end. Node has no execution context.
 */
function keepAlive(c: AppContext, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work.catch(() => undefined))
  } catch {
    // no execution context (Node): the process keeps running anyway
  }
}

async function follow(
  run: Started,
  send: (e: Event) => Promise<void>,
  sleep: (ms: number) => Promise<unknown>,
  stopped: () => boolean,
) {
  await send({ type: 'start', prompt: terminalPrompt(run.session), shell: shellView(run.session) })
  await sendStep(run, run.first, send)
  let step = run.first
  const startedAt = run.c.get('deps').now()
  while (!step.result) {
    const now = run.c.get('deps').now()
    if (stopped()) {
      step = interruptStream(run.stream!)
      break
    }
    if (now - startedAt >= STREAM_LIMIT_MS) {
      step = interruptStream(run.stream!, LIMIT_NOTICE)
      await sendStep(run, step, send)
      break
    }
    const wait = Math.max(0, Math.min(step.wakeAt, now + 1000) - now)
    await sleep(Math.max(wait, 50))
    if (stopped()) continue
    step = await tick(run, step)
    await sendStep(run, step, send)
  }
  // a line that ended in its first step was stored whole already
  if (!run.first.result) await finishLine(run, step)
  if (!stopped()) await send(endEvent(run, step.result!))
}

async function sendStep(run: Started, step: StreamStep, send: (e: Event) => Promise<void>) {
  for (const o of step.output) await send({ type: 'output', stream: o.stream, text: o.text })
  for (const t of visibleTrace(run.sim.lab, step.trace).trace)
    await send({ type: 'trace', trace: t })
  if (step.changed.length > 0) await send({ type: 'changed', changed: step.changed })
  const interrupt = JSON.stringify(step.interrupt)
  if (!step.result && interrupt !== run.lastInterrupt) {
    run.lastInterrupt = interrupt
    await send({ type: 'interrupt', text: step.interrupt.text, exitCode: step.interrupt.exitCode })
  }
  if (run.justDone.length > 0) {
    await send({
      type: 'tasks',
      tasks: taskList(run.sim.lab, run.sim.progress),
      newlyCompleted: run.justDone,
      completedAt: completionOf(run.sim.lab, run.sim.progress),
    })
    run.justDone = []
  }
}

function endEvent(run: Started, result: TerminalResult): Event {
  const { lab, progress } = run.sim
  return {
    type: 'end',
    exitCode: result.exitCode,
    tasks: taskList(lab, progress),
    newlyCompleted: run.newlyCompleted,
    prompt: result.prompt,
    shell: shellView(result.session),
    clear: result.clear,
    diagnosis: visibleTrace(lab, result.trace).diagnosis,
    completedAt: completionOf(lab, progress),
    ...(result.ended ? { ended: result.ended } : {}),
  }
}
