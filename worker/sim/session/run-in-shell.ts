// The terminal's entry point: one line typed in a terminal that is on the workstation or inside a
// container shell. Pure like run(): (state, session, line, now) -> state', output, session'.

import { cloneJSON, type ClusterState } from '../state'
import type { Ctx } from '../context'
import { runGuarded, type RunInput, type RunResult } from '../run'
import { settle } from '../shell/cluster-deps'
import type { Transcript } from '../shell/io'
import { openShell } from './open'
import { runContainerLine } from './container-line'
import { goneOutput, kubectlAfterExit, sessionGone, shellGoodbye } from './end'
import { promptOf } from './prompt'
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  type ShellSession,
  type WorkstationShellState,
} from './types'
import { documentChangedSince, probeDocument } from '../document-changed'

/** The learner's own prompt on the workstation (what the web terminal has always shown). */
export const WORKSTATION_PROMPT = '$ '

export interface TerminalInput extends Omit<RunInput, 'terminal'> {
  columns?: number
  rows?: number
  /** Ctrl+D on an empty line */
  eof?: boolean
  /** the tab's workstation shell as its previous line left it */
  workstation?: WorkstationShellState
  /** the exit status of the tab's previous line on the workstation (`$?`), as the terminal saw it */
  status?: number
}

export interface TerminalResult extends RunResult {
  /** where the next line will run: null = the workstation */
  session: ShellSession | null
  prompt: string
  /** set when the shell had ended before this line (the line was not run) */
  ended?: string
}

/** A session's prompt, or the workstation's. */
export function terminalPrompt(session: ShellSession | null): string {
  return session ? promptOf(session) : WORKSTATION_PROMPT
}

/** Runs a line where the terminal is: the workstation (maybe opening a shell) or a container. */
export function runInTerminal(
  state: ClusterState,
  session: ShellSession | null,
  line: string,
  input: TerminalInput,
): TerminalResult {
  return withChangeFlag(state, line, () => terminalLine(state, session, line, input))
}

/** Sets the result's documentChanged (see document-changed.ts). */
function withChangeFlag(
  state: ClusterState,
  line: string,
  f: () => TerminalResult,
): TerminalResult {
  const probe = probeDocument(state)
  const r = f()
  r.documentChanged = r.internalError
    ? true
    : documentChangedSince(r.state, probe, `terminal: ${line}`)
  return r
}

function terminalLine(
  state: ClusterState,
  session: ShellSession | null,
  line: string,
  input: TerminalInput,
): TerminalResult {
  const size = { columns: input.columns ?? DEFAULT_COLUMNS, rows: input.rows ?? DEFAULT_ROWS }
  if (session) return shellLine(state, session, line, input)
  if (input.eof) return { ...quiet(state, input), session: null, prompt: WORKSTATION_PROMPT }
  // withChangeFlag takes the readings around the whole line: run()'s own would be taken twice
  const terminal = {
    ...size,
    ...(input.workstation ? { workstation: input.workstation } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
  }
  const r = runGuarded(state, line, { ...input, terminal })
  if (!r.openShell) return { ...r, session: null, prompt: WORKSTATION_PROMPT }
  const opened = openShell(r.state, r.openShell, input.now)
  if ('error' in opened) {
    const text = `Error from server (NotFound): ${opened.error}\n`
    return withOutput(
      { ...r, session: null, prompt: WORKSTATION_PROMPT },
      [{ stream: 'stderr', text }],
      1,
    )
  }
  return { ...r, session: opened.session, prompt: promptOf(opened.session) }
}

function quiet(state: ClusterState, input: TerminalInput): RunResult {
  return {
    state: input.owned ? state : cloneJSON(state),
    stdout: '',
    stderr: '',
    exitCode: 0,
    trace: [],
    changed: [],
    clear: false,
    output: [],
  }
}

export function withOutput<T extends RunResult>(r: T, more: Transcript, exitCode: number): T {
  const stdout = more
    .filter((o) => o.stream === 'stdout')
    .map((o) => o.text)
    .join('')
  const stderr = more
    .filter((o) => o.stream === 'stderr')
    .map((o) => o.text)
    .join('')
  return {
    ...r,
    stdout: r.stdout + stdout,
    stderr: r.stderr + stderr,
    output: [...r.output, ...more],
    exitCode,
  }
}

/**
 * One line (or Ctrl+D) at a container shell's prompt. The container gone meanwhile ends the
 * session first (the line is not run: the learner saw the shell end, as kubectl would show it).
 */
export function runInShell(
  state: ClusterState,
  session: ShellSession,
  line: string,
  input: TerminalInput,
): TerminalResult {
  return withChangeFlag(state, line, () => shellLine(state, session, line, input))
}

function shellLine(
  state: ClusterState,
  session: ShellSession,
  line: string,
  input: TerminalInput,
): TerminalResult {
  const s = input.owned ? state : cloneJSON(state)
  const ctx: Ctx = {
    s,
    now: input.now,
    trace: [],
    changed: [],
    history: input.history ?? [],
    clear: false,
    terminal: { columns: input.columns ?? DEFAULT_COLUMNS, rows: input.rows ?? DEFAULT_ROWS },
  }
  const base = (): TerminalResult => ({
    ...quiet(s, { ...input, owned: true }),
    session,
    prompt: promptOf(session),
  })
  try {
    settle(s, input.now)
    const gone = sessionGone(ctx, session)
    if (gone) {
      const g = goneOutput(session)
      const out: Transcript = g.stderr ? [{ stream: 'stderr', text: g.stderr }] : []
      return {
        ...withOutput(base(), out, g.exitCode),
        session: null,
        prompt: WORKSTATION_PROMPT,
        ended: `Your shell in pod ${session.pod} ended: ${gone}.`,
      }
    }
    const r = input.eof
      ? { stdout: '', stderr: '', exitCode: session.status, output: [], exited: true, session }
      : runContainerLine(ctx, session, line)
    let result: TerminalResult = {
      ...base(),
      ...r,
      state: s,
      trace: ctx.trace,
      changed: ctx.changed,
      clear: ctx.clear,
      session: r.session,
      prompt: promptOf(r.session),
    }
    if (r.exited) result = endSession(ctx, result, r.session, input.eof === true)
    settle(s, input.now)
    return result
  } catch (e) {
    const text =
      'error: internal simulator error (the command was not run; please report what you typed)\n'
    return {
      ...withOutput({ ...base(), state: cloneJSON(state) }, [{ stream: 'stderr', text }], 1),
      internalError: e instanceof Error ? (e.stack ?? e.message) : String(e),
    }
  }
}

/** The shell exited: its goodbye, then what kubectl prints and does (run --rm deletes the pod). */
export function endSession(
  ctx: Ctx,
  r: TerminalResult,
  session: ShellSession,
  eof: boolean,
): TerminalResult {
  const bye = shellGoodbye(session, eof)
  const ending = kubectlAfterExit(ctx, session, session.status)
  const more: Transcript = bye ? [{ stream: 'stdout', text: bye }, ...ending.output] : ending.output
  return {
    ...withOutput({ ...r, changed: ctx.changed }, more, ending.exitCode),
    session: null,
    prompt: WORKSTATION_PROMPT,
  }
}
