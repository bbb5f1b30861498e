// A simple command (XCU 2.9.1): expand, redirect, then assignments alone, a builtin, or a program
// found on the host. `NAME=value cmd` puts NAME in cmd's environment only.

import type { SimpleCommand } from './ast'
import type { Env, ProcessResult } from '../context'
import {
  COMMAND_LIMIT,
  devNull,
  Input,
  mixedOrder,
  OrderedPipe,
  Pipe,
  type Io,
  type Transcript,
} from './io'
import { ExpansionError, expandFields, expandString } from './expand'
import { withRedirects } from './redirect'
import { notFoundMessage, type Dialect, type Proc } from './host'
import { BUILTINS } from './builtins'
import { parseLineCached as parseLine } from './parse-cache'
import { syntaxErrorText } from './syntax-text'
import { Shell } from './interpreter'
import { dict, own } from './own'
import { startBashVariables } from './workstation-state'
import { forwardConnections, reportForwardConnections } from './jobs'

/** Runs one simple command and answers its exit status (XCU 2.9.1 order: expand, redirect, run). */
export function runSimple(sh: Shell, cmd: SimpleCommand, io: Io): number {
  sh.substStatus = undefined
  const x = sh.expander(io)
  let argv: string[]
  let values: [string, string][]
  try {
    argv = expandFields(x, cmd.words)
    values = cmd.assigns.map((a) => [a.name, expandString(x, a.value)])
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e
    io.err.write(e.message)
    return 1
  }
  if (sh.stopped) return 1
  const r = withRedirects(sh, cmd.redirects, io)
  if (!r.ok) return 1
  if (argv.length === 0) {
    for (const [n, v] of values) sh.vars[n] = v
    return sh.substStatus ?? 0
  }
  const env = environment(sh)
  for (const [n, v] of values) env[n] = v
  return execute(sh, argv, r.io, env)
}

/** The exported variables, as a child process receives them. */
export function environment(sh: Shell): Env {
  const env: Env = dict()
  for (const name of sh.exported) {
    const v = own(sh.vars, name)
    if (v !== undefined) env[name] = v
  }
  return env
}

/** Runs argv[0] as a builtin or a program of the host; 127 when there is none. */
export function execute(sh: Shell, argv: string[], io: Io, env: Env): number {
  const name = argv[0] ?? ''
  const builtin = own(BUILTINS, name)
  if (builtin) return builtin(sh, argv, io, env)
  const tool = sh.host.find(name)
  if (!tool) {
    io.err.write(notFoundMessage(sh.dialect, name))
    return 127
  }
  // programs (not builtins) count toward the line's command limit: they are what costs
  sh.budget.commands += 1
  if (sh.budget.commands > COMMAND_LIMIT) {
    sh.budget.stopped = 'commands'
    return 1
  }
  const tty = { out: io.out === sh.tty?.out, err: io.err === sh.tty?.err }
  const proc = makeProc(sh, argv, io.stdin.readAll(), env, tty, io.stdin.endless)
  const forwarded = sh.jobTable.length > 0 ? forwardConnections(sh) : undefined
  const result = tool(proc)
  if (forwarded) reportForwardConnections(sh, forwarded)
  if (proc.readEndless && result.endless === undefined) {
    // a program that reads all its input (wc, sort) would wait for ever on an endless one
    sh.budget.stopped ??= 'endless'
    return 1
  }
  if (result.endless) return writeEndless(sh, io, result)
  writeResult(io, result)
  return result.exitCode
}

/** A program's output, in the order it wrote it when it says (a terminal shows the two mixed). */
export function writeResult(io: Io, result: ProcessResult): void {
  if (result.output && isOrderOf(result)) {
    for (const o of result.output) (o.stream === 'stdout' ? io.out : io.err).write(o.text)
    return
  }
  io.out.write(result.stdout)
  io.err.write(result.stderr)
}

/** Whether `output` still holds stdout and stderr (a caller may have changed one and not it). */
function isOrderOf(r: ProcessResult): boolean {
  let out = ''
  let err = ''
  for (const o of r.output ?? []) {
    if (o.stream === 'stdout') out += o.text
    else err += o.text
  }
  return out === r.stdout && err === r.stderr
}

/**
 * An output that never ends: a pipe takes the start that fits it and lets its reader decide (as
 * SIGPIPE ends `yes | head -2`); anywhere else the program would write for ever, so the line stops.
 */
function writeEndless(sh: Shell, io: Io, result: ProcessResult): number {
  io.err.write(result.stderr)
  io.out.write(io.out instanceof Pipe ? result.stdout.slice(0, io.out.room()) : result.stdout)
  if (io.out.endless) io.out.endless()
  else sh.budget.stopped ??= 'endless'
  return result.exitCode
}

/** The process view a program gets: its argv and input, and ways to start other programs. */
export function makeProc(
  sh: Shell,
  argv: string[],
  stdin: string,
  env: Env,
  tty = { out: false, err: false },
  stdinEndless = false,
): Proc {
  const p: Proc = {
    tty,
    ctx: sh.ctx,
    host: sh.host,
    argv,
    stdin,
    env,
    files: sh.files,
    spawn: spawner(sh, env, tty),
    script: scripter(sh, env),
  }
  if (stdinEndless) watchEndlessStdin(p)
  return p
}

/** Marks the program as a reader of its endless stdin the moment it looks at it. */
function watchEndlessStdin(p: Proc): void {
  const text = p.stdin
  p.stdinEndless = true
  Object.defineProperty(p, 'stdin', {
    enumerable: true,
    get() {
      p.readEndless = true
      return text
    },
  })
}

// Proc's functions are made by these (not as named closures in the object literal: bundled with
// keepNames, each of those costs a defineProperty, and every program run makes a Proc)

function spawner(sh: Shell, env: Env, tty: Proc['tty']): Proc['spawn'] {
  return (args, input) => {
    const child = sh.subshell()
    // a program started by another (xargs, timeout, env) writes where its parent writes
    return capture(
      (io) => {
        child.tty = { out: tty.out ? io.out : devNull, err: tty.err ? io.err : devNull }
        return execute(child, args, io, env)
      },
      sh,
      input,
    )
  }
}

function scripter(sh: Shell, env: Env): Proc['script'] {
  return (src, dialect, input, args) => runScriptText(sh, src, dialect, input, args, env)
}

/** A child's output, endless when it never ends (the parent hands that on: `sh -c yes | head`). */
function capture(fn: (io: Io) => number, sh: Shell, input: string): ProcessResult {
  const order: Transcript = []
  const out = new OrderedPipe(sh.budget, order, 'stdout')
  const err = new OrderedPipe(sh.budget, order, 'stderr')
  const exitCode = fn({ stdin: new Input(input), out, err })
  const result: ProcessResult = {
    stdout: out.text(),
    stderr: err.text(),
    exitCode,
    ...mixedOrder(order),
  }
  if (out.ended) result.endless = true
  // an endless stderr (`sh -c 'yes >&2'`) has no reader to end it
  if (err.ended) sh.budget.stopped ??= 'endless'
  return result
}

/** `sh -c 'script'` on the same host: a new shell with the caller's environment. */
export function runScriptText(
  sh: Shell,
  src: string,
  dialect: Dialect,
  input: string,
  args: string[],
  env: Env,
): ProcessResult {
  const parsed = parseLine(src)
  if (!parsed.ok)
    return { stdout: '', stderr: syntaxErrorText(dialect, parsed.error, src), exitCode: 2 }
  // a shell starts in its parent's working directory and exports PWD (bash, dash and ash do), so
  // the programs it runs after a `cd` resolve relative paths from there
  const vars = dict(env)
  vars.PWD = own(sh.vars, 'PWD') ?? own(env, 'PWD') ?? '/'
  const exported = new Set(Object.keys(vars))
  if (dialect === 'bash-c' && !sh.host.container) startBashVariables(vars)
  const child = new Shell(sh.ctx, sh.host, dialect, sh.budget, sh.files, vars, exported, args)
  return capture((io) => child.runScript(parsed.script, io), sh, input)
}
