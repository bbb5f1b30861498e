// A terminal line that streams, as a resumable state machine: startStream runs it until its first
// pause; advanceStream resumes it with the cluster as it is at a later `now` (re-read by the
// caller when it changed); interruptStream is Ctrl+C. Each step answers the output written since
// the last one, each chunk stamped with its simulated time. Lines that cannot stream run through
// runInTerminal and are done at once. Pure: time and the cluster come in as arguments.

import type { Ctx } from '../context'
import { cloneJSON, type ClusterState } from '../state'
import { documentChangedSince, probeDocument } from '../document-changed'
import { settle } from '../shell/cluster-deps'
import { parseLineCached as parseLine } from '../shell/parse-cache'
import { workstationShell } from '../shell/terminal'
import { sessionShell } from '../session/container-line'
import { sessionGone } from '../session/end'
import { runInTerminal, type TerminalInput, type TerminalResult } from '../session/run-in-shell'
import { DEFAULT_COLUMNS, DEFAULT_ROWS, type ShellSession } from '../session/types'
import { StreamShell } from './stream-shell'
import { streamingProgram } from './programs'
import { StreamWriter, type StreamChunk } from './writer'
import { SHELL_INTERRUPT, type Interrupt, type Pause } from './types'
import { doneStep, finish, pending } from './line-end'

export type { StreamChunk } from './writer'

export interface LineStream {
  ctx: Ctx
  sh: StreamShell
  gen: Generator<Pause, number, void>
  session: ShellSession | null
  pause?: Pause
  interrupt: Interrupt
  writer: StreamWriter
  traceFrom: number
  changedFrom: number
  /** the workstation shell's history list as the line started (a `history -c` replaces it) */
  startHistory?: string[]
}

export interface StreamStep {
  output: StreamChunk[]
  /** requests sent and objects changed since the last step */
  trace: TerminalResult['trace']
  changed: TerminalResult['changed']
  /** what Ctrl+C would print now */
  interrupt: Interrupt
  /** resume at this time at the latest (Infinity: only on Ctrl+C or the caller's limit) */
  wakeAt: number
  /** resume earlier when the cluster changed */
  onChange: boolean
  /** the whole line's result once it ended */
  result?: TerminalResult
}

const MARKERS =
  /\b(sleep|watch|ping|wait|fg)\b|\bkubectl\b.*(\s-[a-zA-Z]*[wf]\b|--watch|--follow|\brollout\b|\bwait\b|\bdelete\b|\bport-forward\b|\brun\b)/

/** Whether a line may stream (a quick look; a line that turns out not to ends at once anyway). */
export function mayStream(line: string): boolean {
  return MARKERS.test(line) && !line.includes('!')
}

/** Runs the line until it first pauses (or ends). */
export function startStream(
  state: ClusterState,
  session: ShellSession | null,
  line: string,
  input: TerminalInput,
): { stream?: LineStream; step: StreamStep } {
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
  if (input.workstation && ctx.terminal) ctx.terminal.workstation = input.workstation
  if (input.status !== undefined && ctx.terminal) ctx.terminal.status = input.status
  const parsed = parseLine(line)
  // a line fed stdin (`kubectl delete -f -`) runs to the end at once, reading it as before
  const streams = parsed.ok && mayStream(line) && !input.eof && !input.stdin
  const runAtOnce = () => runInTerminal(s, session, line, { ...input, owned: true })
  // a line that does not stream runs as any line: run() settles and says whether it changed
  if (!streams) return { step: doneStep(runAtOnce(), input.now) }
  // taken before the settle, whose writes count as the line's changes
  const probe = probeDocument(s)
  settle(s, input.now)
  const sh = streamShell(ctx, session, line)
  if (!sh) {
    const result = runAtOnce()
    if (!result.internalError)
      result.documentChanged = documentChangedSince(result.state, probe, `stream: ${line}`)
    return { step: doneStep(result, input.now) }
  }
  const writer = new StreamWriter(ctx, sh.budget)
  sh.tty = { out: writer.out, err: writer.err }
  const stream: LineStream = {
    ctx,
    sh,
    gen: sh.streamScript(parsed.script, { stdin: emptyInput(), out: writer.out, err: writer.err }),
    session,
    interrupt: SHELL_INTERRUPT,
    ...(session ? {} : { startHistory: sh.history }),
    writer,
    traceFrom: 0,
    changedFrom: 0,
  }
  sh.programs = streamingProgram
  sh.interrupt = (i) => {
    stream.interrupt = i ?? SHELL_INTERRUPT
  }
  return { stream, step: resume(stream) }
}

function emptyInput() {
  return { readAll: () => '', readLine: () => undefined } as unknown as import('../shell/io').Input
}

/** The shell the line runs in: the container session's, or a fresh workstation bash. */
function streamShell(
  ctx: Ctx,
  session: ShellSession | null,
  line: string,
): StreamShell | undefined {
  if (session) {
    if (sessionGone(ctx, session)) return undefined
    const sh = sessionShell(ctx, session, line)
    return sh ? StreamShell.from(sh) : undefined
  }
  // startStream always gives the context a terminal, so COLUMNS/LINES are always set here
  return StreamShell.from(workstationShell(ctx, line))
}

/**
 * Resumes the line at `now` on `state` (the same document settled further, or a fresh read when
 * the cluster changed: then `changed` is true and a watch looks at once).
 */
export function advanceStream(
  stream: LineStream,
  state: ClusterState,
  now: number,
  changed: boolean,
): StreamStep {
  stream.ctx.s = state
  stream.ctx.now = now
  settle(state, now)
  const p = stream.pause
  if (p && now < p.until && !(p.onChange && changed)) return pending(stream)
  return resume(stream)
}

/** Ctrl+C (or the caller's limit, with its `notice` on stderr): the line ends now. */
export function interruptStream(stream: LineStream, notice?: string): StreamStep {
  if (notice) stream.writer.err.write(notice)
  const code = notice ? 130 : stream.interrupt.exitCode
  if (stream.ctx.terminal) delete stream.ctx.terminal.open
  // the process ends: its `finally` blocks run (a port-forward closes its ports)
  stream.gen.return(code)
  return finish(stream, code, false)
}

function resume(stream: LineStream): StreamStep {
  const budget = stream.sh.budget
  // each resumption is a fresh slice of work: a loop that sleeps may run for minutes
  budget.commands = 0
  budget.iterations = 0
  const r = stream.gen.next()
  if (r.done) return finish(stream, r.value, true)
  stream.pause = r.value
  if (budget.stopped) return finish(stream, 1, true)
  return pending(stream)
}
