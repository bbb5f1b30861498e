// One terminal line: one read, the pure simulation, grading, one conditional write + one history
// row in one batch. A lost race (another tab wrote first) re-runs the line on the fresh state.
import { withApiTraces } from '../db/api-traces'
import type { Database } from '../db/client'
import { findCluster, storeRun, type ClusterRow } from '../db/clusters'
import type { StateCodec } from '../db/state-codec'
import { classifyCommand } from '../labs/misconceptions'
import { gradeCommand, parseProgress, RECENT_MAX, taskList } from '../labs/grade'
import { run } from '../sim/run'
import { AppError, notFound } from './errors'
import { labOfCluster } from './lab-access'

const MAX_ATTEMPTS = 40
/** history rows keep at most this much of each stream */
const STORED_OUTPUT_MAX = 16 * 1024
/** a gap longer than this between commands is a break, not time spent */
const ACTIVE_GAP_MS = 10 * 60_000

function clip(text: string): string {
  return text.length <= STORED_OUTPUT_MAX ? text : `${text.slice(0, STORED_OUTPUT_MAX)}\n[... output truncated ...]`
}

export async function runInCluster(
  db: Database,
  codec: StateCodec,
  userId: string,
  clusterId: string,
  body: { command: string; stdin?: string },
  clock: () => number,
  /**
   * an exec through the Kubernetes API: its traces are kept for the lab page's map; `first` is the
   * row it has just read (it checked the pod in it)
   */
  api?: { first?: ClusterRow },
) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = attempt === 0 && api?.first ? api.first : await findCluster(db, clusterId, userId)
    if (!row) throw notFound('That cluster')
    const lab = await labOfCluster(db, row.labId, userId)
    if (!lab) throw notFound('That lab')
    const now = clock()
    const progress = parseProgress(row.progress)
    const loaded = await codec.load(row.state, { clusterId, version: row.version })
    const result = run(loaded.state, body.command, {
      now,
      stdin: body.stdin,
      history: progress.recent,
      owned: true,
    })
    // a bug in the core: the learner sees a generic line, the operator's log gets the stack
    if (result.internalError) console.error('simulator error', { command: body.command, error: result.internalError })
    const last = { command: body.command, stdin: body.stdin, ...result }
    // after a core bug the document may be half-changed: grade nothing and keep the stored one
    const newlyCompleted = result.internalError ? [] : gradeCommand(lab, result.state, last, progress, now)
    if (body.command.trim() !== '') progress.recent = [...progress.recent, body.command].slice(-RECENT_MAX)
    const gap = row.lastActivityAt === null ? 0 : now - row.lastActivityAt
    // a command that completed a task did what the lab asked (e.g. "see the ClusterIP time out
    // from outside"): it is not a misconception
    const misconceptions = newlyCompleted.length > 0 ? [] : classifyCommand(last)
    const encoded = result.internalError ? undefined : await codec.encodeChanged(result.state, loaded.json)
    const stored = await storeRun(db, {
      clusterId,
      expectedVersion: row.version,
      // a command that changed nothing in the document (a get, a describe) rewrites only progress
      state: encoded?.stored,
      progress: JSON.stringify(progress),
      now,
      timeSpentDelta: gap > 0 && gap < ACTIVE_GAP_MS ? Math.round(gap / 1000) : 0,
      apiTraces: api ? withApiTraces(row.apiTraces, result.trace, lab.hideDiagnoses) : undefined,
      history: {
        at: now,
        command: body.command,
        stdin: body.stdin ?? null,
        exitCode: result.exitCode,
        stdout: clip(result.stdout),
        stderr: clip(result.stderr),
        tasksCompleted: JSON.stringify(newlyCompleted),
        causes: JSON.stringify(misconceptions),
      },
    })
    // this isolate keeps the document as now stored, so the learner's next command skips the gunzip
    if (stored && encoded) codec.remember({ clusterId, version: row.version + 1 }, encoded.json, result.state)
    if (!stored) {
      // back off a little, at random, so racing tabs do not collide again in lockstep
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)))
      continue
    }
    const trace = lab.hideDiagnoses ? result.trace.map(({ diagnosis: _, ...t }) => t) : result.trace
    const diagnoses = lab.hideDiagnoses ? [] : result.trace.filter((t) => t.diagnosis).map((t) => t.diagnosis!)
    return {
      stdout: result.stdout,
      stderr: result.stderr,
      exitCode: result.exitCode,
      tasks: taskList(lab, progress),
      newlyCompleted,
      trace,
      changed: result.changed,
      clear: result.clear,
      diagnosis: diagnoses,
      completedAt: progress.completedAt,
    }
  }
  throw new AppError(409, 'conflict', 'The cluster is busy with other commands; please try again.')
}
