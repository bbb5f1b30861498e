// What a streamed line writes while it runs (stream-response.ts): a step that recorded something
// (a request, a change, a completed task) is stored with one conditional update, the document
// re-read only when its version moved, and the end writes the history row and the terminal's
// shell; a write that lost a race adopts the other writer's progress and tries again.
import type { StoredForm } from '../db/state-codec'
import { gradeCommand, parseProgress, RECENT_MAX } from '../labs/grade'
import { classifyCommand } from '../labs/misconceptions'
import { advanceStream, type StreamStep } from '../sim/stream'
import { recordedCommand } from '../http/graded-line'
import { mergeProgress, progressBase } from './progress-merge'
import { putTerminal, terminalRecord } from './records'
import { updateClusterState } from '../db/clusters'
import { finishHistory, readIfChanged } from './store'
import type { Started } from './stream-first-step'

type ChangedRow = NonNullable<Awaited<ReturnType<typeof readIfChanged>>>

/** One resumption: re-reads the cluster if it changed, records what the step did. */
export async function tick(run: Started, previous: StreamStep): Promise<StreamStep> {
  const { c } = run
  const stream = run.stream!
  const now = c.get('deps').now()
  let changed = false
  let first: StreamStep | undefined
  const watching = previous.onChange || previous.wakeAt <= now + 1000
  if (watching) {
    // one statement: the version, and the document only when it is not the one we hold
    const row = await readIfChanged(c.get('db'), run.clusterId, c.get('userId')!, run.version)
    if (row && (await adoptRow(run, row))) {
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
export async function finishLine(run: Started, step: StreamStep) {
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
    // lost a race: the document and progress as they stand now; this line's terminal record and
    // completed tasks are added again on the next attempt
    const row = await readIfChanged(c.get('db'), run.clusterId, c.get('userId')!, run.version)
    if (!row) return
    await adoptRow(run, row)
  }
}

/**
 * The row another writer stored (its document and progress, one row, not the lab) becomes the
 * stream's: the next write is over its version, with this line's tasks and notes added again.
 * False when the row holds no document to take (the version alone was read).
 */
async function adoptRow(run: Started, row: ChangedRow): Promise<boolean> {
  if (row.state == null || row.progress == null) return false
  const key = { clusterId: run.clusterId, version: row.version }
  const loaded = await run.c.get('codec').load(row, key)
  if (!loaded) return false
  run.stream!.ctx.s = loaded.state
  run.stored = loaded.stored
  run.version = row.version
  adoptProgress(run, row.progress)
  return true
}
