// A line's outcome as every door grades and records it (the one-shot `run`, terminal tabs,
// streams, the Kubernetes API's exec): the grader sees `kubectl exec POD -- LINE` for a line typed
// in a pod's shell, the timeline `[pod] LINE`; misconceptions count only when no task completed.
import type { StoredForm } from '../db/state-codec'
import { classifyCommand } from '../labs/misconceptions'
import { appendRecent } from './kept-progress'
import { gradeCommand, RECENT_MAX, type Progress } from '../labs/grade'
import type { Lab } from '../labs/types'
import type { RunResult } from '../sim/run'
import type { ShellSession } from '../sim/session'

/** What was typed: a line (and its stdin), or Ctrl+D (`eof`). */
export interface TypedLine {
  command: string
  stdin?: string
  eof?: boolean
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

export interface SimulatedLine<R extends RunResult> {
  lab: Lab
  progress: Progress
  result: R
  newlyCompleted: string[]
}

/** The line's outcome, graded, as the shared loop stores it (no I/O). */
export function gradedLine<R extends RunResult, T>(
  lab: Lab,
  progress: Progress,
  result: R,
  line: { body: TypedLine; session: ShellSession | null; now: number; touched: boolean },
  answer: (s: SimulatedLine<R>, stored: StoredForm) => T,
) {
  const { body, session, now } = line
  const cmd = recordedCommand(session, body.command, body.eof === true)
  const last = { command: cmd.graded, stdin: body.stdin, ...result }
  // after a core bug the document may be half-changed: grade nothing and keep the stored one
  const newlyCompleted = result.internalError
    ? []
    : gradeCommand(lab, result.state, last, progress, now)
  // the workstation's history is the lab's recent lines: `history -c` clears them for what follows
  if (result.historyAfter) progress.recent = result.historyAfter.slice(-RECENT_MAX)
  else if (body.command.trim() !== '') progress.recent = appendRecent(progress.recent, body.command)
  // a command that completed a task did what the lab asked (e.g. "see the ClusterIP time out from
  // outside"): it is not a misconception
  const misconceptions =
    newlyCompleted.length > 0 ? [] : classifyCommand({ ...result, command: cmd.graded })
  return {
    state: result.state,
    // the terminal's own record changed: the document did, whatever the line itself did
    documentChanged: line.touched ? true : result.documentChanged,
    internalError: result.internalError,
    progress,
    trace: result.trace,
    history: {
      command: cmd.shown,
      stdin: body.stdin ?? null,
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      tasksCompleted: JSON.stringify(newlyCompleted),
      causes: JSON.stringify(misconceptions),
    },
    answer: (stored: StoredForm) => answer({ lab, progress, result, newlyCompleted }, stored),
  }
}
