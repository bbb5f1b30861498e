// The learner's terminal: parses a line as interactive bash and runs it on the workstation.

import type { Ctx, ProcessResult } from '../context'
import { parseLine } from './parse'
import { syntaxErrorText } from './syntax-text'
import { Shell } from './interpreter'
import { Input, Sink, stopMessage } from './io'
import { lineFiles, lineOf } from './line'
import { setCurrentLine, workstationHost } from './workstation'

/** Runs one line typed in the terminal; stdout+stderr together stay within the output limit. */
export function runLine(ctx: Ctx, line: string, stdin: string): ProcessResult {
  setCurrentLine(ctx, line)
  const parsed = parseLine(line)
  if (!parsed.ok)
    return { stdout: '', stderr: syntaxErrorText('bash', parsed.error, line), exitCode: 2 }
  const state = lineOf(ctx)
  const counter = { bytes: 0 }
  const out = new Sink(state.budget, counter)
  const err = new Sink(state.budget, counter)
  const sh = Shell.login(
    ctx,
    workstationHost(),
    'bash',
    state.budget,
    lineFiles(ctx, 'workstation'),
  )
  sh.tty = { out, err }
  // bash sets these itself; they are shell variables, not exported
  sh.vars.HOSTNAME = 'workstation'
  sh.vars.BASH = '/usr/bin/bash'
  sh.vars.BASH_VERSION = '5.2.21(1)-release'
  let exitCode = sh.runScript(parsed.script, { stdin: new Input(stdin), out, err })
  let stderr = err.text()
  const reason = state.budget.stopped
  if (reason) {
    stderr += stopMessage(reason)
    exitCode = exitCode === 0 ? 1 : exitCode
  }
  return { stdout: out.text(), stderr, exitCode }
}
