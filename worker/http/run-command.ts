// One terminal line through the one-shot `run` API: the simulation and grading of the line, stored
// by the shared loop (./command-loop.ts: one read, one batch of two rows, lost races re-run).
import type { Database } from '../db/client'
import type { ClusterRow } from '../db/clusters'
import type { StateCodec } from '../db/state-codec'
import { parseProgress, taskList } from '../labs/grade'
import type { Lab } from '../labs/types'
import { run } from '../sim/run'
import type { TraceEntry } from '../sim/net/types'
import { commandLoop, type LoadedCluster } from './command-loop'
import { gradedLine } from './graded-line'
import { notFound } from './errors'
import { labOfCluster } from './lab-access'

/** The trace and diagnoses a lab shows (a lab may hide the diagnoses: finding them is the task). */
export function visibleTrace(lab: Lab, trace: TraceEntry[]) {
  if (!lab.hideDiagnoses)
    return { trace, diagnosis: trace.filter((t) => t.diagnosis).map((t) => t.diagnosis!) }
  return { trace: trace.map(({ diagnosis: _, ...t }) => t), diagnosis: [] }
}

export async function runInCluster(
  db: Database,
  codec: StateCodec,
  userId: string,
  clusterId: string,
  body: { command: string; stdin?: string },
  clock: () => number,
  /** the row the caller has just read (the Kubernetes API's exec checked the pod in it) */
  first?: ClusterRow | LoadedCluster,
  /** an exec through the Kubernetes API: its traces are kept for the lab page's map */
  viaApi = false,
) {
  const ref = { db, codec, userId, clusterId, clock, viaApi }
  return commandLoop(ref, await withLab(db, userId, first), ({ row, lab }, state, now) => {
    const progress = parseProgress(row.progress)
    const result = run(state, body.command, {
      now,
      stdin: body.stdin,
      history: progress.recent,
      owned: true,
    })
    const line = { body, session: null, now, touched: false }
    return gradedLine(lab, progress, result, line, (s) => {
      const { trace, diagnosis } = visibleTrace(lab, result.trace)
      return {
        stdout: result.stdout,
        stderr: result.stderr,
        exitCode: result.exitCode,
        tasks: taskList(lab, s.progress),
        newlyCompleted: s.newlyCompleted,
        trace,
        changed: result.changed,
        clear: result.clear,
        diagnosis,
        completedAt: s.progress.completedAt,
      }
    })
  })
}

/** A row read by the caller, with its lab (read here only if the caller did not bring it). */
async function withLab(
  db: Database,
  userId: string,
  first: ClusterRow | LoadedCluster | undefined,
): Promise<LoadedCluster | undefined> {
  if (!first || 'lab' in first) return first
  const lab = await labOfCluster(db, first.labId, userId)
  if (!lab) throw notFound('That lab')
  return { row: first, lab }
}
