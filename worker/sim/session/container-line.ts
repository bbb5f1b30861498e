// One line typed at a container's shell prompt: the same interpreter as the workstation's, with
// the container as host, the session's variables, cwd, `$?` and files carried in and out.

import type { Ctx } from '../context'
import type { Pod } from '../objects/types'
import { getObject } from '../state'
import type { Transcript } from '../shell/io'
import { Input, Sink, stopMessage } from '../shell/io'
import { Shell } from '../shell/interpreter'
import { parseLineCached as parseLine } from '../shell/parse-cache'
import { syntaxErrorText } from '../shell/syntax-text'
import { lineFiles, lineOf } from '../shell/line'
import { podHost } from '../shell/pod-host'
import { reportEndedJobs } from '../shell/jobs'
import { cloneJSON } from '../clone-json'
import type { LineResult } from '../shell/terminal'
import type { ShellSession } from './types'

export interface ContainerLineResult extends LineResult {
  session: ShellSession
  /** `exit` ran: the shell is over */
  exited: boolean
}

/**
 * The shell of a session, rebuilt for one line (variables, exported names, files, `$?`, and its
 * history with `line` added, as it stands while the line runs).
 */
export function sessionShell(ctx: Ctx, session: ShellSession, line: string): Shell | undefined {
  const pod = getObject<Pod>(ctx.s, 'Pod', session.namespace, session.pod)
  const spec = pod?.spec.containers.find((c) => c.name === session.container)
  if (!pod || !spec) return undefined
  const host = podHost(ctx, pod, spec)
  const files = lineFiles(ctx, host.container?.key ?? '')
  Object.assign(files, session.files)
  const sh = new Shell(
    ctx,
    host,
    session.dialect,
    lineOf(ctx).budget,
    files,
    { ...session.vars },
    new Set(session.exported),
  )
  sh.status = session.status
  sh.history = remembered(session, line)
  if (session.jobs) sh.jobTable = cloneJSON(session.jobs)
  sh.lastPid = session.lastPid
  // interactive bash keeps COLUMNS/LINES in step with the window (checkwinsize); ash does not
  if (session.dialect === 'bash' && ctx.terminal) {
    sh.vars.COLUMNS = String(ctx.terminal.columns)
    sh.vars.LINES = String(ctx.terminal.rows)
  }
  return sh
}

/** The session as the shell left it. */
export function savedSession(sh: Shell, session: ShellSession, status: number): ShellSession {
  const vars = { ...sh.vars }
  delete vars.COLUMNS
  delete vars.LINES
  const history = sh.history ?? []
  const saved = {
    ...session,
    vars,
    exported: [...sh.exported],
    files: { ...sh.files },
    status,
    history,
  }
  delete saved.jobs
  if (sh.lastPid !== undefined) saved.lastPid = sh.lastPid
  return sh.jobTable.length > 0 ? { ...saved, jobs: cloneJSON(sh.jobTable) } : saved
}

/**
 * The shell's history with the typed line added, as it stands while the line runs: bash keeps
 * HISTSIZE (500) lines; busybox ash its 255 (FEATURE_EDITING_HISTORY) and not a line equal to the
 * one before (lineedit.c remember_in_history). Empty lines are not kept. The images' rc files set
 * no HISTCONTROL, so bash keeps repeats and lines starting with a space.
 */
function remembered(session: ShellSession, line: string): string[] {
  const list = [...(session.history ?? [])]
  const repeat = session.dialect === 'ash' && list[list.length - 1] === line
  if (line.trim() !== '' && !repeat) list.push(line)
  return list.slice(-(session.dialect === 'ash' ? 255 : 500))
}

/** Runs `line` in the session's container; the caller has checked the container is there. */
export function runContainerLine(
  ctx: Ctx,
  session: ShellSession,
  line: string,
): ContainerLineResult {
  const sh = sessionShell(ctx, session, line)
  if (!sh) throw new Error('runContainerLine: the session container is gone')
  const output: Transcript = []
  const counter = { bytes: 0 }
  const budget = lineOf(ctx).budget
  const out = new Sink(budget, counter, { list: output, stream: 'stdout' })
  const err = new Sink(budget, counter, { list: output, stream: 'stderr' })
  sh.tty = { out, err }
  const parsed = parseLine(line)
  let exitCode: number
  if (!parsed.ok) {
    err.write(syntaxErrorText(session.dialect, parsed.error, line))
    exitCode = 2
  } else exitCode = sh.runScript(parsed.script, { stdin: new Input(''), out, err })
  reportEndedJobs(sh, err)
  let stderr = err.text()
  if (budget.stopped) {
    stderr += stopMessage(budget.stopped)
    output.push({ stream: 'stderr', text: stopMessage(budget.stopped) })
    exitCode = exitCode === 0 ? 1 : exitCode
  }
  return {
    stdout: out.text(),
    stderr,
    exitCode,
    output,
    exited: sh.exited,
    session: savedSession(sh, session, exitCode),
  }
}
