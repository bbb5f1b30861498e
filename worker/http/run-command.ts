// One terminal line through the one-shot `run` API: the simulation and grading of the line, stored
// by the shared loop (./command-loop.ts: one read, one batch of two rows, lost races re-run).
import type { Database } from '../db/client'
import type { CommandRow } from '../db/command-read'
import type { StateCodec } from '../db/state-codec'
import { completionOf, taskList } from '../labs/grade'
import { run, type RunResult } from '../sim/run'
import { commandLoop, type LoadedCluster } from './command-loop'
import { visibleTrace } from '../labs/visible-trace'
import { gradedLine, type SimulatedLine } from './graded-line'
import { readProgress } from './kept-progress'
import { notFound } from './errors'
import { labOfCluster } from './lab-access'

export async function runInCluster(
  db: Database,
  codec: StateCodec,
  userId: string,
  clusterId: string,
  body: { command: string; stdin?: string },
  clock: () => number,
  /** the row the caller has just read (the Kubernetes API's exec checked the pod in it) */
  first?: CommandRow | LoadedCluster,
  /** an exec through the Kubernetes API: its traces are kept for the lab page's map */
  viaApi = false,
) {
  const ref = { db, codec, userId, clusterId, clock, viaApi }
  return commandLoop(ref, await withLab(db, userId, first), ({ row, lab }, state, now) => {
    const progress = readProgress(row.id, row.progress)
    const result = run(state, body.command, {
      now,
      stdin: body.stdin,
      history: progress.recent,
      owned: true,
    })
    const line = { body, session: null, now, touched: false }
    return gradedLine(lab, progress, result, line, runAnswer)
  })
}

/** The JSON answer of a line: its output, the lab's tasks, and the traces the lab shows. */
export function runAnswer({ lab, progress, result, newlyCompleted }: SimulatedLine<RunResult>) {
  const { trace, diagnosis } = visibleTrace(lab, result.trace)
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    tasks: taskList(lab, progress),
    newlyCompleted,
    trace,
    changed: result.changed,
    clear: result.clear,
    diagnosis,
    completedAt: completionOf(lab, progress),
  }
}

/** A row read by the caller, with its lab (read here only if the caller did not bring it). */
async function withLab(
  db: Database,
  userId: string,
  first: CommandRow | LoadedCluster | undefined,
): Promise<LoadedCluster | undefined> {
  if (!first || 'lab' in first) return first
  const lab = await labOfCluster(db, first.labId, userId)
  if (!lab) throw notFound('That lab')
  return { row: first, lab }
}
