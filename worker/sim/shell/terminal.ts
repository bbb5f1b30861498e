// The learner's terminal: parses a line as interactive bash and runs it on the workstation.

import type { Ctx, ProcessResult } from '../context'
import type { Transcript } from './io'
import { parseLineCached as parseLine } from './parse-cache'
import { syntaxErrorText } from './syntax-text'
import { Shell } from './interpreter'
import { Input, Sink, stopMessage } from './io'
import { lineFiles, lineOf } from './line'
import { workstationHost } from './workstation'
import { expandHistory } from './history-expansion'
import { dict } from './own'
import { cloneJSON } from '../clone-json'
import { reportEndedJobs } from './jobs'
import { setBashVariables, workstationLimitMessage, workstationStateOf } from './workstation-state'

export interface LineResult extends ProcessResult {
  /** stdout and stderr in the order they were written, for a terminal that shows them together */
  output: Transcript
}

/** Runs one line typed in the terminal; stdout+stderr together stay within the output limit. */
export function runLine(ctx: Ctx, typed: string, stdin: string): LineResult {
  const h = expandHistory(typed, ctx.history)
  if (!h.ok)
    return {
      stdout: '',
      stderr: h.error,
      exitCode: 1,
      output: [{ stream: 'stderr', text: h.error }],
    }
  const echoed = h.changed ? `${h.line}\n` : ''
  const result = runExpanded(ctx, h.line, stdin)
  if (!echoed) return result
  return {
    ...result,
    stdout: echoed + result.stdout,
    output: [{ stream: 'stdout', text: echoed }, ...result.output],
  }
}

/**
 * The interactive bash a typed line runs in on the workstation (it streams or not): bash's own
 * variables, COLUMNS/LINES of the terminal tab when there is one, and the history list.
 */
export function workstationShell(ctx: Ctx, line: string): Shell {
  const kept = ctx.terminal?.workstation
  const files = lineFiles(ctx, 'workstation')
  const budget = lineOf(ctx).budget
  const sh = kept
    ? new Shell(
        ctx,
        workstationHost(),
        'bash',
        budget,
        Object.assign(files, kept.files),
        dict(kept.vars),
        new Set(kept.exported),
      )
    : Shell.login(ctx, workstationHost(), 'bash', budget, files)
  // the lab's earlier lines, then this one (bash adds a line to its history before running it)
  sh.history = [...ctx.history, line]
  // `$?` of the tab's previous line: the web terminal sends it (it is not kept in the document, so
  // a failed line that changed nothing still writes nothing: session/types.ts)
  if (ctx.terminal?.status !== undefined) sh.status = ctx.terminal.status
  setBashVariables(sh, kept)
  if (kept?.jobs) sh.jobTable = cloneJSON(kept.jobs)
  sh.lastPid = kept?.lastPid
  // interactive bash keeps COLUMNS/LINES in step with a terminal tab (checkwinsize); a one-shot
  // line (no tab) leaves them unset
  if (ctx.terminal) {
    sh.vars.COLUMNS = String(ctx.terminal.columns)
    sh.vars.LINES = String(ctx.terminal.rows)
  }
  return sh
}

function runExpanded(ctx: Ctx, line: string, stdin: string): LineResult {
  const parsed = parseLine(line)
  if (!parsed.ok) {
    const stderr = syntaxErrorText('bash', parsed.error, line)
    return { stdout: '', stderr, exitCode: 2, output: [{ stream: 'stderr', text: stderr }] }
  }
  const state = lineOf(ctx)
  const counter = { bytes: 0 }
  const output: Transcript = []
  const out = new Sink(state.budget, counter, { list: output, stream: 'stdout' })
  const err = new Sink(state.budget, counter, { list: output, stream: 'stderr' })
  const sh = workstationShell(ctx, line)
  const history = sh.history
  sh.tty = { out, err }
  let exitCode = sh.runScript(parsed.script, { stdin: new Input(stdin), out, err })
  reportEndedJobs(sh, err)
  // `history -c` replaced the list (a subshell's own copy does not count, as in bash)
  if (sh.history !== history) ctx.historyAfter = sh.history ?? []
  let stderr = err.text()
  const reason = state.budget.stopped
  if (reason) {
    stderr += stopMessage(reason)
    output.push({ stream: 'stderr', text: stopMessage(reason) })
    exitCode = exitCode === 0 ? 1 : exitCode
  }
  if (ctx.terminal) {
    const kept = workstationStateOf(sh, ctx.terminal.workstation)
    if (kept) ctx.workstationAfter = kept
    else {
      stderr += workstationLimitMessage()
      output.push({ stream: 'stderr', text: workstationLimitMessage() })
    }
  }
  return { stdout: out.text(), stderr, exitCode, output }
}
