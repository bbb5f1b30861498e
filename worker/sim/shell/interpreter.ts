// Runs a parsed line the way a POSIX shell does: lists, && and ||, pipelines (each stage sees the
// previous stage's whole output, since programs here finish before the next starts; an endless
// one's first 256 KB, for a reader such as `head` to cut), loops, groups.
// Left out: signals and traps; a background job (`&`) runs at once and leaves its end in the job
// table (jobs.ts).

import type { AndOr, Command, Pipeline, Script } from './ast'
import type { Ctx } from '../context'
import type { Dialect, Host } from './host'
import { ITERATION_LIMIT, LimitReached, Pipe, type Budget, type Io } from './io'
import { expandFields, type Expander } from './expand'
import { ShellExpander } from './shell-expander'
import { runSimple } from './simple-command'
import { withRedirects } from './redirect'
import { randomInt } from '../state'
import { dict, own } from './own'
import { startJob, type Job } from './jobs'

/** One shell process: its variables, `$?`, and the limits shared with every shell of the line. */
export class Shell {
  vars: Record<string, string>
  exported: Set<string>
  status = 0
  /** set by `exit`: the rest of the script is skipped */
  exited = false
  /** status of the last command substitution of the current command (for `X=$(false)`) */
  substStatus: number | undefined
  errOut: Io['err'] | undefined
  /** background jobs started by this line (for their process ids) */
  jobs = 0
  /** the interactive shell's job table (jobs.ts), kept between lines */
  jobTable: Job[] = []
  /** `$!` */
  lastPid: number | undefined
  /** jobs `wait` waited for in this line: reported ended before the prompt */
  waited = new Set<Job>()
  /** the terminal's own streams, for isatty() (only the workstation line has them) */
  tty: { out: Io['out']; err: Io['err'] } | undefined
  /** an interactive shell's history list, the running line last (none in `sh -c` or scripts) */
  history: string[] | undefined

  constructor(
    readonly ctx: Ctx,
    readonly host: Host,
    readonly dialect: Dialect,
    readonly budget: Budget,
    /** per-line in-memory files (`> out.txt`) */
    readonly files: Record<string, string>,
    vars: Record<string, string>,
    exported: Set<string>,
    readonly args: string[] = [],
  ) {
    this.vars = vars
    this.exported = exported
  }

  /** A new shell whose variables start as the host's environment, all exported. */
  static login(
    ctx: Ctx,
    host: Host,
    dialect: Dialect,
    budget: Budget,
    files: Record<string, string>,
    args: string[] = [],
  ): Shell {
    return new Shell(
      ctx,
      host,
      dialect,
      budget,
      files,
      dict(host.env),
      new Set(Object.keys(host.env)),
      args,
    )
  }

  /** A copy for `( )`, pipelines and substitutions: changes do not come back. */
  subshell(): Shell {
    const sub = new Shell(
      this.ctx,
      this.host,
      this.dialect,
      this.budget,
      this.files,
      dict(this.vars),
      new Set(this.exported),
      this.args,
    )
    sub.status = this.status
    sub.tty = this.tty
    sub.history = this.history
    sub.jobTable = [...this.jobTable]
    sub.lastPid = this.lastPid
    return sub
  }

  get stopped(): boolean {
    return this.exited || this.budget.stopped !== undefined
  }

  runScript(script: Script, io: Io): number {
    for (const item of script.items) {
      if (this.stopped) break
      if (!item.background) {
        this.runAndOr(item, io)
        continue
      }
      this.runJob(item, io)
    }
    return this.status
  }

  /** `LIST &`: the job runs at once; `$?` is 0 whatever it does. */
  protected runJob(item: AndOr, io: Io): void {
    startJob(this, item, io, () => this.runAndOr(item, io))
    if (!this.stopped) this.status = 0
  }

  private runAndOr(item: AndOr, io: Io): void {
    this.status = this.runPipeline(item.first, io)
    for (const { op, pipeline } of item.rest) {
      if (this.stopped) return
      if ((op === '&&') === (this.status === 0)) this.status = this.runPipeline(pipeline, io)
    }
  }

  private runPipeline(p: Pipeline, io: Io): number {
    let stdin = io.stdin
    let status = 0
    p.commands.forEach((cmd, i) => {
      if (this.stopped) return
      const last = i === p.commands.length - 1
      const pipe = last ? undefined : new Pipe(this.budget)
      const shell = p.commands.length > 1 ? this.subshell() : this
      status = shell.runCommand(cmd, { stdin, out: pipe ?? io.out, err: io.err })
      if (pipe) stdin = pipe.input()
    })
    return p.negate ? (status === 0 ? 1 : 0) : status
  }

  /** Runs one command; a limit reached anywhere inside it stops the whole line. */
  runCommand(cmd: Command, io: Io): number {
    try {
      return this.runCompound(cmd, io)
    } catch (e) {
      if (!(e instanceof LimitReached)) throw e
      this.budget.stopped ??= e.reason
      this.status = 1
      return 1
    }
  }

  private runCompound(cmd: Command, io: Io): number {
    if (cmd.type === 'simple') return runSimple(this, cmd, io)
    const r = withRedirects(this, cmd.redirects, io)
    if (!r.ok) return 1
    const rio = r.io
    switch (cmd.type) {
      case 'for':
        return this.runFor(
          cmd.name,
          cmd.items === null ? this.args : expandFields(this.expander(rio), cmd.items),
          cmd.body,
          rio,
        )
      case 'while':
      case 'until':
        return this.runLoop(cmd.type, cmd.cond, cmd.body, rio)
      case 'if':
        for (const b of cmd.branches) {
          if (this.runScript(b.cond, rio) === 0) return this.runScript(b.body, rio)
          if (this.stopped) return this.status
        }
        this.status = cmd.otherwise ? this.runScript(cmd.otherwise, rio) : 0
        return this.status
      case 'brace':
        return this.runScript(cmd.body, rio)
      case 'subshell':
        return this.subshell().runScript(cmd.body, rio)
    }
  }

  private tick(): boolean {
    this.budget.iterations += 1
    if (this.budget.iterations > ITERATION_LIMIT) this.budget.stopped = 'iterations'
    return !this.stopped
  }

  private runFor(name: string, items: string[], body: Script, io: Io): number {
    this.status = 0
    for (const item of items) {
      if (!this.tick()) break
      this.vars[name] = item
      this.runScript(body, io)
    }
    return this.status
  }

  private runLoop(kind: 'while' | 'until', cond: Script, body: Script, io: Io): number {
    let status = 0
    while (this.tick()) {
      const c = this.runScript(cond, io)
      if (this.stopped || (kind === 'while' ? c !== 0 : c === 0)) break
      status = this.runScript(body, io)
    }
    this.status = status
    return status
  }

  /** Expansion bound to this shell, with substitution errors going to `io.err`. */
  expander(io: Io): Expander {
    this.errOut = io.err
    return new ShellExpander(this, io)
  }

  param(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.status)
      case '$':
        // a plausible PID: the learner's login shell, or a process started by `kubectl exec`
        return this.host.container ? String(7 + this.budget.commands) : '2217'
      case '#':
        return String(this.args.length)
      case '@':
      case '*':
        return this.args.join(' ')
      case '0':
        return this.dialect === 'bash' || this.dialect === 'bash-c' ? 'bash' : 'sh'
      case '!':
        return this.lastPid === undefined ? '' : String(this.lastPid)
      case '-':
        return this.dialect === 'bash' ? 'himBHs' : 'hB'
      case 'RANDOM':
        return String(randomInt(this.ctx.s, 32768))
    }
    if (/^[1-9]$/.test(name)) return this.args[Number(name) - 1]
    return own(this.vars, name)
  }
}
