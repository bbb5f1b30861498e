// The core's entry point: one terminal line against one cluster document, at time `now`.
// Controllers settle before the line (time passed since the last command) and after it.

import { cloneJSON, type ClusterState } from './state'
import type { Change, Ctx } from './context'
import type { TraceEntry } from './net/types'
import { settle } from './shell/cluster-deps'
import { lineOf } from './shell/line'
import { runLine } from './shell/terminal'
import type { OpenRequest, WorkstationShellState } from './session/types'
import { documentChangedSince, probeDocument } from './document-changed'

export interface RunInput {
  /** ms since epoch: when the learner pressed Enter */
  now: number
  /** what `kubectl apply -f -` and other readers of stdin get */
  stdin?: string
  /** earlier lines of this lab, oldest first, for `history` */
  history?: string[]
  /**
   * The caller hands over a document it will not read again (the platform parses a fresh one per
   * command), so the core changes it in place instead of copying it first. After an internal error
   * such a document may be half-changed: the caller must keep its stored copy.
   */
  owned?: boolean
  /** the learner's terminal: its size, and whether `kubectl exec -it` may open a shell in it */
  terminal?: {
    columns: number
    rows: number
    workstation?: WorkstationShellState
    /** `$?` as the tab's previous line left it (the terminal says; it is not stored) */
    status?: number
  }
}

export interface RunResult {
  /** the new document; the input is not mutated unless it was handed over (`owned`) */
  state: ClusterState
  stdout: string
  stderr: string
  exitCode: number
  /** every request the line sent, with its hops and diagnosis */
  trace: TraceEntry[]
  /** objects the line created, changed or deleted */
  changed: Change[]
  /** true after `clear` */
  clear: boolean
  /** the workstation's history list when the line rewrote it (`history -c`); see Ctx */
  historyAfter?: string[]
  /** the workstation shell as the line left it (only with `terminal`): the tab keeps it */
  workstation?: WorkstationShellState
  /**
   * stdout and stderr in the order the programs wrote them (each program's stdout before its
   * stderr), so a terminal can show them interleaved as a real one does
   */
  output: { stream: 'stdout' | 'stderr'; text: string }[]
  /** the shell `kubectl exec -it` / `run -it` asked to open (only with `terminal`) */
  openShell?: OpenRequest
  /** set only when the core hit a bug: the exception's message and stack, for the server log (never shown) */
  internalError?: string
  /**
   * false only when `state` is guaranteed JSON-identical to the input document (nothing to
   * re-encode or store); see document-changed.ts. Always true after an internal error. run() and
   * runInTerminal() always set it; a result built elsewhere without it means "may have changed".
   */
  documentChanged?: boolean
  /** programs the line ran (builtins not counted), towards the line's command limit */
  programs?: number
}

const INTERNAL_ERROR =
  'error: internal simulator error (the command was not run; please report what you typed)\n'

/**
 * Runs one line as bash on the learner's workstation would, then lets the cluster settle.
 * Never throws: a bug inside the core answers `error: internal simulator error`, exit 1, and the
 * state as it was.
 */
export function run(state: ClusterState, line: string, input: RunInput): RunResult {
  const probe = probeDocument(state)
  const result = runGuarded(state, line, input)
  if (!result.internalError)
    result.documentChanged = documentChangedSince(result.state, probe, `run: ${line}`)
  return result
}

/**
 * run() without its own change readings, for a caller that takes them around more than the line
 * (runInTerminal: the line and the shell it may open).
 */
export function runGuarded(state: ClusterState, line: string, input: RunInput): RunResult {
  try {
    const s = input.owned ? state : cloneJSON(state)
    const ctx: Ctx = {
      s,
      now: input.now,
      trace: [],
      changed: [],
      history: input.history ?? [],
      clear: false,
    }
    if (input.terminal) ctx.terminal = { ...input.terminal }
    settle(s, input.now)
    const r = runLine(ctx, line, input.stdin ?? '')
    settle(s, input.now)
    const result: RunResult = {
      state: s,
      ...r,
      trace: ctx.trace,
      changed: ctx.changed,
      clear: ctx.clear,
      documentChanged: true,
      programs: lineOf(ctx).budget.commands,
    }
    if (ctx.terminal?.open) result.openShell = ctx.terminal.open
    if (ctx.historyAfter) result.historyAfter = ctx.historyAfter
    if (ctx.workstationAfter) result.workstation = ctx.workstationAfter
    return result
  } catch (e) {
    return {
      internalError: e instanceof Error ? (e.stack ?? e.message) : String(e),
      state: cloneOrSame(state),
      stdout: '',
      stderr: INTERNAL_ERROR,
      exitCode: 1,
      output: [{ stream: 'stderr', text: INTERNAL_ERROR }],
      trace: [],
      changed: [],
      clear: false,
      documentChanged: true,
    }
  }
}

function cloneOrSame(state: ClusterState): ClusterState {
  try {
    return structuredClone(state)
  } catch {
    return state
  }
}
