// What every simulated program (kubectl, curl, the shell's builtins) runs with.

import type { ClusterState } from './state'
import type { TraceEntry } from './net/types'
import type { TerminalCtx, WorkstationShellState } from './session/types'
import type { Transcript } from './shell/io'

export interface Change {
  kind: string
  namespace?: string
  name: string
  op: 'created' | 'configured' | 'deleted'
}

/** One program's result, as a process would leave it. */
export interface ProcessResult {
  stdout: string
  stderr: string
  exitCode: number
  /**
   * For a program that read a source that never ends (/dev/zero, `yes |`) or writes for ever
   * (`yes`): true when stdout is only the start of an endless output, false when the program
   * stopped reading in time (`head -c 16`). Left unset by such a reader, the line is stopped.
   */
  endless?: boolean
  /**
   * stdout and stderr in the order the program wrote them, for a program that writes both and
   * whose order shows on a terminal (curl -v's trace around the body, kubectl's notices before
   * the output). Joined per stream it is stdout and stderr; without it stdout comes first.
   */
  output?: Transcript
}

export interface Ctx {
  /** the cluster, mutated in place by the run (run() works on its own copy) */
  s: ClusterState
  /** ms since epoch: the time of this command */
  now: number
  /** every request the line sent, for the UI and the grader */
  trace: TraceEntry[]
  /** objects created, changed or deleted by the line */
  changed: Change[]
  /** earlier command lines in this lab, oldest first (for `history`) */
  history: string[]
  /** set by `clear` */
  clear: boolean
  /**
   * the workstation shell's history list after the line, set only when the line rewrote it
   * (`history -c`): bash keeps that for the session's next lines, so the caller stores it
   */
  historyAfter?: string[]
  /** the learner's terminal (size, shells to open); absent for one-shot lines */
  terminal?: TerminalCtx
  /** the workstation shell as the line left it (set only in a terminal tab) */
  workstationAfter?: WorkstationShellState
}

/** Environment variables of the shell running a program. */
export type Env = Record<string, string>

export type Program = (ctx: Ctx, argv: string[], stdin: string, env: Env) => ProcessResult

export function ok(stdout = ''): ProcessResult {
  return { stdout, stderr: '', exitCode: 0 }
}

export function fail(stderr: string, exitCode = 1, stdout = ''): ProcessResult {
  return { stdout, stderr, exitCode }
}
