// The terminal's interpreter as a generator: the same shell (worker/sim/shell/interpreter.ts),
// but lists, loops, conditionals and simple commands can pause inside a streaming program
// (sleep, watch, ping, kubectl get -w ...) and resume later. Pipelines, subshells, `$(...)` and
// `sh -c` run to the end at once, as before (a `sleep` there returns at once).

import type { AndOr, Command, Script, SimpleCommand } from '../shell/ast'
import type { Io } from '../shell/io'
import { ITERATION_LIMIT } from '../shell/io'
import { Shell } from '../shell/interpreter'
import { ExpansionError, expandFields, expandString } from '../shell/expand'
import { withRedirects } from '../shell/redirect'
import { environment, execute } from '../shell/simple-command'
import type { Interrupt, Pause, StreamProgram } from './types'

export type Run = Generator<Pause, number, void>

/** A Shell whose scripts can pause; `programs` says which commands stream. */
export class StreamShell extends Shell {
  interrupt: ((i: Interrupt | undefined) => void) | undefined
  programs: (sh: Shell, name: string) => StreamProgram | undefined = () => undefined

  /** This shell's state as a streaming shell (the variables are shared, not copied). */
  static from(sh: Shell): StreamShell {
    const s = new StreamShell(
      sh.ctx,
      sh.host,
      sh.dialect,
      sh.budget,
      sh.files,
      sh.vars,
      sh.exported,
      sh.args,
    )
    s.status = sh.status
    s.tty = sh.tty
    s.history = sh.history
    s.jobTable = sh.jobTable
    s.lastPid = sh.lastPid
    return s
  }

  *streamScript(script: Script, io: Io): Run {
    for (const item of script.items) {
      if (this.stopped) break
      // a background job does not hold the line: it runs at once, as in any line
      if (item.background) this.runJob(item, io)
      else yield* this.streamAndOr(item, io)
    }
    return this.status
  }

  private *streamAndOr(item: AndOr, io: Io): Run {
    this.status = yield* this.streamPipeline(item.first, io)
    for (const { op, pipeline } of item.rest) {
      if (this.stopped) return this.status
      if ((op === '&&') === (this.status === 0))
        this.status = yield* this.streamPipeline(pipeline, io)
    }
    return this.status
  }

  private *streamPipeline(p: AndOr['first'], io: Io): Run {
    const only = p.commands.length === 1 ? p.commands[0] : undefined
    // a pipeline's stages run one after another on whole outputs: no streaming inside
    const status = only
      ? yield* this.streamCommand(only, io)
      : this.runScript(
          { items: [{ first: p, rest: [], background: false, text: '' }] } as Script,
          io,
        )
    if (!only) return status
    return p.negate ? (status === 0 ? 1 : 0) : status
  }

  private *streamCommand(cmd: Command, io: Io): Run {
    if (cmd.type === 'simple') return yield* this.streamSimple(cmd, io)
    if (cmd.type === 'subshell') return this.runCommand(cmd, io)
    const r = withRedirects(this, cmd.redirects, io)
    if (!r.ok) return 1
    const rio = r.io
    switch (cmd.type) {
      case 'for': {
        const items = cmd.items === null ? this.args : expandFields(this.expander(rio), cmd.items)
        this.status = 0
        for (const item of items) {
          if (!this.step()) break
          this.vars[cmd.name] = item
          yield* this.streamScript(cmd.body, rio)
        }
        return this.status
      }
      case 'while':
      case 'until': {
        let status = 0
        while (this.step()) {
          const c = yield* this.streamScript(cmd.cond, rio)
          if (this.stopped || (cmd.type === 'while' ? c !== 0 : c === 0)) break
          status = yield* this.streamScript(cmd.body, rio)
        }
        this.status = status
        return status
      }
      case 'if':
        for (const b of cmd.branches) {
          if ((yield* this.streamScript(b.cond, rio)) === 0)
            return yield* this.streamScript(b.body, rio)
          if (this.stopped) return this.status
        }
        this.status = cmd.otherwise ? yield* this.streamScript(cmd.otherwise, rio) : 0
        return this.status
      case 'brace':
        return yield* this.streamScript(cmd.body, rio)
    }
  }

  private step(): boolean {
    this.budget.iterations += 1
    if (this.budget.iterations > ITERATION_LIMIT) this.budget.stopped = 'iterations'
    return !this.stopped
  }

  /** XCU 2.9.1 as in runSimple, but a streaming program may pause the line. */
  private *streamSimple(cmd: SimpleCommand, io: Io): Run {
    this.substStatus = undefined
    const x = this.expander(io)
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
    if (this.stopped) return 1
    const r = withRedirects(this, cmd.redirects, io)
    if (!r.ok) return 1
    if (argv.length === 0) {
      for (const [n, v] of values) this.vars[n] = v
      return this.substStatus ?? 0
    }
    const env = environment(this)
    for (const [n, v] of values) env[n] = v
    const program = this.programs(this, argv[0] as string)
    if (!program) return execute(this, argv, r.io, env)
    this.budget.commands += 1
    const code = yield* program({
      ctx: this.ctx,
      sh: this,
      argv,
      io: r.io,
      env,
      onInterrupt: (i) => this.interrupt?.(i),
    })
    this.interrupt?.(undefined)
    return code
  }
}
