// How a streaming line's steps are answered (line-stream.ts): a pending step (the output since
// the last, when to resume), and the last one, which leaves the line's result: the session it
// ends in or opens, the workstation state the tab keeps, the cluster settled.

import { settle } from '../shell/cluster-deps'
import { stopMessage, type Transcript } from '../shell/io'
import { workstationStateOf } from '../shell/workstation-state'
import { savedSession } from '../session/container-line'
import { openShell } from '../session/open'
import { promptOf } from '../session/prompt'
import { endSession, WORKSTATION_PROMPT, type TerminalResult } from '../session/run-in-shell'
import { SHELL_INTERRUPT } from './types'
import { reportEndedJobs } from '../shell/jobs'
import type { LineStream, StreamStep } from './line-stream'

/** A step of a line still running: the output since the last, and when to resume it. */
export function pending(stream: LineStream): StreamStep {
  const step = flush(stream)
  return {
    ...step,
    wakeAt: stream.pause?.until ?? Infinity,
    onChange: stream.pause?.onChange === true,
  }
}

function flush(stream: LineStream) {
  const { ctx } = stream
  const trace = ctx.trace.slice(stream.traceFrom)
  const changed = ctx.changed.slice(stream.changedFrom)
  stream.traceFrom = ctx.trace.length
  stream.changedFrom = ctx.changed.length
  return { output: stream.writer.take(), trace, changed, interrupt: stream.interrupt }
}

/**
 * The line's last step: its result (the session it leaves or opens, the workstation state it
 * keeps), the cluster settled, and what ending printed.
 */
export function finish(stream: LineStream, exitCode: number, natural: boolean): StreamStep {
  const { ctx, sh } = stream
  const reason = sh.budget.stopped
  if (natural) reportEndedJobs(sh, stream.writer.err)
  if (reason) stream.writer.err.write(stopMessage(reason))
  const code = reason && exitCode === 0 ? 1 : exitCode
  let result = terminalResult(stream, code)
  if (stream.session) {
    const saved = savedSession(sh, stream.session, code)
    result = { ...result, session: saved, prompt: promptOf(saved) }
    if (natural && sh.exited) result = endSession(ctx, result, saved, false)
  } else {
    // `history -c` on the workstation: the caller keeps the cleared list (Ctx.historyAfter)
    if (sh.history !== stream.startHistory) result.historyAfter = sh.history ?? []
    // what the line set stays for the tab's next line (past the limit: the tab keeps its last)
    const kept = workstationStateOf(sh, ctx.terminal?.workstation)
    if (kept) result.workstation = kept
  }
  if (!stream.session && natural && ctx.terminal?.open) {
    const opened = openShell(ctx.s, ctx.terminal.open, ctx.now)
    if ('session' in opened)
      result = { ...result, session: opened.session, prompt: promptOf(opened.session) }
  }
  settle(ctx.s, ctx.now)
  // what endSession printed (kubectl's end lines) goes out with the last step
  const extra: Transcript = result.output.slice(stream.writer.all.length)
  for (const o of extra)
    (o.stream === 'stdout' ? stream.writer.out : stream.writer.err).write(o.text)
  const step = flush(stream)
  return {
    ...step,
    wakeAt: Infinity,
    onChange: false,
    result: { ...result, changed: ctx.changed, trace: ctx.trace },
  }
}

function terminalResult(stream: LineStream, exitCode: number): TerminalResult {
  return streamResult(stream, exitCode, null, WORKSTATION_PROMPT)
}

/**
 * A streamed line's result from what it has written so far: at its end (the workstation's prompt
 * again), or while it still runs (its first step's history row and grading, in `session`).
 */
export function streamResult(
  stream: LineStream,
  exitCode: number,
  session: TerminalResult['session'],
  prompt: string,
): TerminalResult {
  const all = stream.writer.all
  const text = (k: 'stdout' | 'stderr') =>
    all
      .filter((o) => o.stream === k)
      .map((o) => o.text)
      .join('')
  return {
    state: stream.ctx.s,
    stdout: text('stdout'),
    stderr: text('stderr'),
    exitCode,
    output: [...all],
    trace: stream.ctx.trace,
    changed: stream.ctx.changed,
    clear: stream.ctx.clear,
    session,
    prompt,
    // a streaming line runs in steps across requests: not tracked, so it may have changed
    documentChanged: true,
  }
}

export function doneStep(result: TerminalResult, now: number): StreamStep {
  return {
    output: result.output.map((o) => ({ ...o, at: now })),
    trace: result.trace,
    changed: result.changed,
    interrupt: SHELL_INTERRUPT,
    wakeAt: Infinity,
    onChange: false,
    result,
  }
}
