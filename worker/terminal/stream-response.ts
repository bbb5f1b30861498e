// `stream: true`: the line's output as NDJSON while simulated time follows the wall clock
// (docs/api.md "Streams"). The first step runs like any line (one read, one batch: state and
// history row) before the response starts, so 404/409 stay plain JSON errors. While it runs, the
// stream reads only the cluster's version (one row, at most once a second), decodes the document
// only when that changed, and writes only when the line recorded something (a request, a change,
// a completed task) and once at the end (the history row's exit code, the terminal's shell).
import type { StoredForm } from '../db/state-codec'
import { stream as honoStream } from 'hono/streaming'

import type { AppContext } from '../http/env'
import { commandLoop, type LoadedCluster } from '../http/command-loop'
import { gradeCommand, parseProgress, RECENT_MAX, taskList } from '../labs/grade'
import { visibleTrace } from '../labs/visible-trace'
import { classifyCommand } from '../labs/misconceptions'
import {
  advanceStream,
  interruptStream,
  startStream,
  type LineStream,
  type StreamStep,
} from '../sim/stream'
import { terminalPrompt, type ShellSession, type TerminalResult } from '../sim/session'
import { recordedCommand } from '../http/graded-line'
import { shellView, terminalLine, type TerminalLineBody } from './line'
import { mergeProgress, progressBase } from './progress-merge'
import { putTerminal, terminalRecord } from './records'
import { finishHistory, readIfChanged, updateClusterState } from './store'
import { registerStream } from './streams-registry'

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

/** The line up to its first pause, stored like any line (the shared loop: one read, one batch). */
async function firstStep(
  c: AppContext,
  clusterId: string,
  body: TerminalLineBody,
  first?: LoadedCluster,
) {
  const ref = {
    db: c.get('db'),
    codec: c.get('codec'),
    userId: c.get('userId')!,
    clusterId,
    clock: c.get('deps').now,
  }
  return commandLoop(ref, first, (loaded, state, now) => {
    // what the start made (the stream, its first step) and the shell it started in
    let started: ReturnType<typeof startStream> | undefined
    let shellBefore: ShellSession | null = null
    const graded = terminalLine(
      loaded,
      state,
      body,
      now,
      (session, input) => {
        const s = startStream(state, session, body.command, input)
        started = s
        shellBefore = session
        return s.step.result ?? partialResult(s.stream!, session)
      },
      (sim, stored) => ({
        c,
        /** the document as stored at `version`: what the next write of this line is a delta over */
        stored,
        clusterId,
        body,
        sim,
        stream: started!.stream,
        first: started!.step,
        version: loaded.row.version + 1,
        seq: loaded.row.version + 1,
        newlyCompleted: sim.newlyCompleted,
        session: shellBefore,
        /** tasks completed by the last step, for its `tasks` event */
        justDone: [] as string[],
        /** the progress as last stored or read: what this line added since is its own */
        base: progressBase(sim.progress),
        lastInterrupt: '',
      }),
    )
    // a line still running goes on changing this document: the cache must not hold it parsed
    return { ...graded, stillInUse: started!.stream !== undefined }
  })
}

/** What a line still running has done so far, for its history row and grading. */
function partialResult(stream: LineStream, session: TerminalResult['session']): TerminalResult {
  const all = stream.writer.all
  const text = (k: string) =>
    all
      .filter((o) => o.stream === k)
      .map((o) => o.text)
      .join('')
  return {
    state: stream.ctx.s,
    stdout: text('stdout'),
    stderr: text('stderr'),
    exitCode: 0,
    output: [...all],
    trace: stream.ctx.trace,
    changed: stream.ctx.changed,
    clear: stream.ctx.clear,
    session,
    prompt: terminalPrompt(session),
  }
}

type Started = Awaited<ReturnType<typeof firstStep>>

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

/** One resumption: re-reads the cluster if it changed, records what the step did. */
async function tick(run: Started, previous: StreamStep): Promise<StreamStep> {
  const { c } = run
  const stream = run.stream!
  const now = c.get('deps').now()
  let changed = false
  let first: StreamStep | undefined
  const watching = previous.onChange || previous.wakeAt <= now + 1000
  if (watching) {
    // one statement: the version, and the document only when it is not the one we hold
    const row = await readIfChanged(c.get('db'), run.clusterId, c.get('userId')!, run.version)
    if (row?.state != null && row.progress != null) {
      const key = { clusterId: run.clusterId, version: row.version }
      const loaded = (await c.get('codec').load(row, key))!
      stream.ctx.s = loaded.state
      run.stored = loaded.stored
      run.version = row.version
      adoptProgress(run, row.progress)
      changed = true
      // a watch sees the document as it was written first (a new pod ContainerCreating), then
      // as it stands now: the states in between are events a real watch would have delivered
      const at = Math.max(stream.ctx.now, Math.min(row.updatedAt, now))
      if (at < now) first = advanceStream(stream, stream.ctx.s, at, true)
    }
  }
  const later = first?.result ? first : advanceStream(stream, stream.ctx.s, now, changed && !first)
  const step = first && later !== first ? joinSteps(first, later) : later
  if (step.trace.length > 0 || step.changed.length > 0 || step.output.length > 0)
    await record(run, step, now)
  return step
}

function joinSteps(a: StreamStep, b: StreamStep): StreamStep {
  return {
    ...b,
    output: [...a.output, ...b.output],
    trace: [...a.trace, ...b.trace],
    changed: [...a.changed, ...b.changed],
  }
}

/**
 * A step that printed, sent requests or changed objects is graded (what it printed counts: a watch
 * row showing a new pod's IP); one that sent requests, changed objects or completed a task is
 * stored (one conditional update).
 */
async function record(run: Started, step: StreamStep, now: number) {
  const { c, sim } = run
  const state = run.stream!.ctx.s
  const cmd = recordedCommand(run.session, run.body.command, false)
  const text = (k: 'stdout' | 'stderr') =>
    step.output
      .filter((o) => o.stream === k)
      .map((o) => o.text)
      .join('')
  const last = {
    command: cmd.graded,
    stdout: text('stdout'),
    stderr: text('stderr'),
    exitCode: 0,
    trace: step.trace,
  }
  const done = gradeCommand(sim.lab, state, last, sim.progress, now)
  run.newlyCompleted.push(...done)
  run.justDone = done
  if (done.length === 0 && step.trace.length === 0 && step.changed.length === 0) return
  const encoded = await c.get('codec').encodeChanged(state, run.stored)
  const stored = await updateClusterState(c.get('db'), {
    clusterId: run.clusterId,
    expectedVersion: run.version,
    document: encoded.write,
    progress: JSON.stringify(sim.progress),
    now,
  })
  if (stored) {
    run.version += 1
    run.base = progressBase(sim.progress)
    keepStored(run, encoded.stored)
  }
}

/**
 * What this line's write stored (the row now at `run.version`): the next write is a delta over it,
 * and the learner's next command finds it in this isolate (its JSON: the stream may go on).
 */
function keepStored(run: Started, stored: StoredForm) {
  run.stored = stored
  run.c.get('codec').remember({ clusterId: run.clusterId, version: run.version }, stored)
}

/**
 * The row as another writer left it: its progress, plus the tasks and notes this line added that
 * did not land yet (a step's write that lost a race), so neither writer's progress is lost.
 */
function adoptProgress(run: Started, stored: string) {
  const current = parseProgress(stored)
  run.sim.progress = mergeProgress(run.sim.lab, current, run.base, run.sim.progress)
  run.base = progressBase(current)
}

/** The end: the history row gets the exit code and output, the terminal its shell. */
async function finishLine(run: Started, step: StreamStep) {
  const { c, sim } = run
  const result = step.result!
  const id = run.body.terminal ?? 'default'
  for (let attempt = 0; attempt < 10; attempt++) {
    // `history -c` in the line: the workstation's list (the lab's recent lines) starts afresh
    if (result.historyAfter) sim.progress.recent = result.historyAfter.slice(-RECENT_MAX)
    const state = run.stream ? run.stream.ctx.s : result.state
    const rec = terminalRecord(state, id, c.get('deps').now())
    const workstation = result.workstation ?? rec.workstation
    putTerminal(state, id, {
      ...rec,
      session: result.session,
      ...(workstation ? { workstation } : {}),
      usedAt: c.get('deps').now(),
    })
    const misconceptions =
      run.newlyCompleted.length > 0
        ? []
        : classifyCommand({
            ...result,
            command: recordedCommand(run.session, run.body.command, false).graded,
          })
    const encoded = await c.get('codec').encodeChanged(state, run.stored)
    const ok = await finishHistory(c.get('db'), {
      clusterId: run.clusterId,
      expectedVersion: run.version,
      document: encoded.write,
      progress: JSON.stringify(sim.progress),
      now: c.get('deps').now(),
      seq: run.seq,
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      tasksCompleted: JSON.stringify(run.newlyCompleted),
      causes: JSON.stringify(misconceptions),
    })
    if (ok) {
      run.version += 1
      keepStored(run, encoded.stored)
    }
    if (ok || !run.stream) return
    // lost a race: the document and progress as they stand now (one row, not the lab), this
    // line's terminal record and completed tasks added again on the next attempt
    const row = await readIfChanged(c.get('db'), run.clusterId, c.get('userId')!, run.version)
    if (!row) return
    if (row.state == null || row.progress == null) continue
    const key = { clusterId: run.clusterId, version: row.version }
    const loaded = await c.get('codec').load(row, key)
    if (!loaded) continue
    run.stream.ctx.s = loaded.state
    run.stored = loaded.stored
    run.version = row.version
    adoptProgress(run, row.progress)
  }
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
      completedAt: run.sim.progress.completedAt,
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
    completedAt: progress.completedAt,
    ...(result.ended ? { ended: result.ended } : {}),
  }
}
