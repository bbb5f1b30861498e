// One line typed in a terminal tab (workstation or container shell): the same cost as any command
// (one read, one batch of two rows), graded and recorded like `kubectl exec POD -- LINE` when it
// ran inside a pod. Kept beside worker/http/run-command.ts, which serves the one-shot `run`.
import { withApiTraces } from '../db/api-traces'
import type { Database } from '../db/client'
import { findCluster, storeRun, type ClusterRow } from '../db/clusters'
import type { StateCodec } from '../db/state-codec'
import type { Lab } from '../labs/types'
import { classifyCommand } from '../labs/misconceptions'
import { gradeCommand, parseProgress, RECENT_MAX, taskList, type Progress } from '../labs/grade'
import { runInTerminal, type ShellSession, type TerminalResult } from '../sim/session'
import type { ClusterState } from '../sim/state'
import { AppError, notFound } from '../http/errors'
import { labOfCluster } from '../http/lab-access'
import { putTerminal, terminalRecord } from './records'

export interface TerminalLineBody {
  command: string
  stdin?: string
  terminal?: string
  columns?: number
  rows?: number
  eof?: boolean
}

const MAX_ATTEMPTS = 40
const STORED_OUTPUT_MAX = 16 * 1024
const ACTIVE_GAP_MS = 10 * 60_000

const clip = (t: string) =>
  t.length <= STORED_OUTPUT_MAX ? t : `${t.slice(0, STORED_OUTPUT_MAX)}\n[... output truncated ...]`

/** `{pod, container, namespace}` for the API, or null on the workstation. */
export function shellView(session: ShellSession | null) {
  return session
    ? { pod: session.pod, container: session.container, namespace: session.namespace }
    : null
}

/** What the grader and the instructor's timeline see for a line typed where `session` is. */
export function recordedCommand(session: ShellSession | null, line: string, eof: boolean) {
  const typed = eof ? 'exit' : line
  if (!session) return { graded: typed, shown: typed }
  const ns = session.namespace === 'default' ? '' : ` -n ${session.namespace}`
  return {
    graded: `kubectl exec${ns} ${session.pod} -c ${session.container} -- ${typed}`,
    shown: `[${session.pod}] ${eof ? '^D' : line}`,
  }
}

export interface SimulatedLine {
  row: ClusterRow
  lab: Lab
  progress: Progress
  result: TerminalResult
  newlyCompleted: string[]
  now: number
}

/** Runs the line on a decoded cluster and grades it (no I/O). */
export function simulateLine(
  row: ClusterRow,
  lab: Lab,
  state: ClusterState,
  body: TerminalLineBody,
  now: number,
): SimulatedLine {
  const progress = parseProgress(row.progress)
  const id = body.terminal ?? 'default'
  const rec = terminalRecord(state, id, now)
  const columns = body.columns ?? rec.columns
  const rows = body.rows ?? rec.rows
  const result = runInTerminal(state, rec.session, body.command, {
    now,
    stdin: body.stdin,
    history: progress.recent,
    owned: true,
    columns,
    rows,
    eof: body.eof,
  })
  if (!result.internalError)
    putTerminal(result.state, id, { session: result.session, columns, rows, usedAt: now })
  const cmd = recordedCommand(rec.session, body.command, body.eof === true)
  const last = { command: cmd.graded, stdin: body.stdin, ...result }
  const newlyCompleted = result.internalError
    ? []
    : gradeCommand(lab, result.state, last, progress, now)
  if (body.command.trim() !== '')
    progress.recent = [...progress.recent, body.command].slice(-RECENT_MAX)
  return { row, lab, progress, result, newlyCompleted, now }
}

/** The one batch a line writes: the cluster (if unchanged since read) and its history row. */
export async function storeLine(
  db: Database,
  codec: StateCodec,
  s: SimulatedLine,
  body: TerminalLineBody,
  session: ShellSession | null,
  /** a line typed through the Kubernetes API (`kubectl exec -it`): keep its traces for the map */
  viaApi = false,
): Promise<boolean> {
  const { row, result, progress, now } = s
  const gap = row.lastActivityAt === null ? 0 : now - row.lastActivityAt
  const cmd = recordedCommand(session, body.command, body.eof === true)
  const misconceptions =
    s.newlyCompleted.length > 0 ? [] : classifyCommand({ ...result, command: cmd.graded })
  return storeRun(db, {
    clusterId: row.id,
    expectedVersion: row.version,
    state: result.internalError ? row.state : await codec.encode(result.state),
    progress: JSON.stringify(progress),
    now,
    timeSpentDelta: gap > 0 && gap < ACTIVE_GAP_MS ? Math.round(gap / 1000) : 0,
    apiTraces: viaApi ? withApiTraces(row.apiTraces, result.trace, s.lab.hideDiagnoses) : undefined,
    history: {
      at: now,
      command: cmd.shown,
      stdin: body.stdin ?? null,
      exitCode: result.exitCode,
      stdout: clip(result.stdout),
      stderr: clip(result.stderr),
      tasksCompleted: JSON.stringify(s.newlyCompleted),
      causes: JSON.stringify(misconceptions),
    },
  })
}

/** The JSON answer of a terminal line: today's fields plus prompt, shell, output (and ended). */
export function lineAnswer(s: SimulatedLine) {
  const { lab, result, progress } = s
  const trace = lab.hideDiagnoses ? result.trace.map(({ diagnosis: _, ...t }) => t) : result.trace
  const diagnosis = lab.hideDiagnoses
    ? []
    : result.trace.filter((t) => t.diagnosis).map((t) => t.diagnosis!)
  return {
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    tasks: taskList(lab, progress),
    newlyCompleted: s.newlyCompleted,
    trace,
    changed: result.changed,
    clear: result.clear,
    diagnosis,
    completedAt: progress.completedAt,
    prompt: result.prompt,
    shell: shellView(result.session),
    output: result.output,
    ...(result.ended ? { ended: result.ended } : {}),
  }
}

/** Reads the caller's cluster and its lab, or 404. */
export async function loadCluster(db: Database, clusterId: string, userId: string) {
  const row = await findCluster(db, clusterId, userId)
  if (!row) throw notFound('That cluster')
  const lab = await labOfCluster(db, row.labId, userId)
  if (!lab) throw notFound('That lab')
  return { row, lab }
}

/** A non-streamed terminal line: read, simulate, one batch; a lost race runs it again. */
export async function runTerminalLine(
  db: Database,
  codec: StateCodec,
  userId: string,
  clusterId: string,
  body: TerminalLineBody,
  clock: () => number,
  viaApi = false,
) {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { row, lab } = await loadCluster(db, clusterId, userId)
    const state = await codec.decode(row.state)
    const session = terminalRecord(state, body.terminal ?? 'default', 0).session
    const s = simulateLine(row, lab, state, body, clock())
    if (s.result.internalError)
      console.error('simulator error', { command: body.command, error: s.result.internalError })
    if (await storeLine(db, codec, s, body, session, viaApi)) return lineAnswer(s)
    await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)))
  }
  throw new AppError(409, 'conflict', 'The cluster is busy with other commands; please try again.')
}
