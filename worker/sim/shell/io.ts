// Output streams and the limits that stop a runaway line (a terminal line runs inside one
// request: it must end, and its answer must stay small).

import { forTerminal } from './bytes'
import type { ProcessResult } from '../context'

export const OUTPUT_LIMIT = 256 * 1024
export const ITERATION_LIMIT = 1000
export const COMMAND_LIMIT = 200
/** the longest string a line may build (a variable, an expanded word, a padded field) */
export const STRING_LIMIT = 256 * 1024
/** loop iterations one awk program may run (its loops are cheap, so more than the shell's) */
export const AWK_STEP_LIMIT = 100_000

export type StopReason = 'output' | 'iterations' | 'commands' | 'string' | 'awk-steps' | 'endless'

/**
 * Thrown where a line would build more than a limit allows (deep inside expansion or a tool, where
 * no budget is at hand); the shell running the command catches it and stops the line.
 */
export class LimitReached extends Error {
  constructor(readonly reason: StopReason) {
    super(`limit reached: ${reason}`)
  }
}

/** Answers `s` when it is within the string limit; otherwise stops the line. */
export function withinStringLimit(s: string): string {
  if (s.length > STRING_LIMIT) throw new LimitReached('string')
  return s
}

/** Stops the line before a string of `length` characters is built. */
export function checkStringLength(length: number): void {
  if (length > STRING_LIMIT) throw new LimitReached('string')
}

/** Shared by every shell a line starts (substitutions, pipelines, `sh -c` in pods). */
export interface Budget {
  commands: number
  iterations: number
  stopped?: StopReason
}

/** A fresh budget for one terminal line. */
export function newBudget(): Budget {
  return { commands: 0, iterations: 0 }
}

/** The line on stderr that says why a line was cut (no real shell has these limits). */
export function stopMessage(reason: StopReason): string {
  if (reason === 'output') {
    return `service-lab: output limit (${OUTPUT_LIMIT / 1024} KB) reached; the rest was discarded\n`
  }
  if (reason === 'iterations') {
    return `service-lab: loop limit (${ITERATION_LIMIT} iterations per line) reached; the line was stopped\n`
  }
  if (reason === 'string') {
    return `service-lab: string limit (${STRING_LIMIT / 1024} KB per string) reached; the line was stopped\n`
  }
  if (reason === 'endless') {
    return `service-lab: input limit (${OUTPUT_LIMIT / 1024} KB from an endless source such as /dev/zero or yes) reached; the line was stopped\n`
  }
  if (reason === 'awk-steps') {
    return `service-lab: awk loop limit (${AWK_STEP_LIMIT} iterations per program) reached; the line was stopped\n`
  }
  return `service-lab: command limit (${COMMAND_LIMIT} commands per line) reached; the line was stopped\n`
}

export interface Writer {
  write(s: string): void
  /**
   * What was written is only the start of an output that never ends (`yes`, `cat /dev/zero`).
   * A pipe lets its reader take what it needs; a writer without this method stops the line.
   */
  endless?(): void
}

/** Both terminal streams in the order they were written (a terminal shows them interleaved). */
export type Transcript = { stream: 'stdout' | 'stderr'; text: string }[]

/** A result's output in the order it was written (stdout first when it does not say). */
export function inOrderOf(r: { stdout: string; stderr: string; output?: Transcript }): Transcript {
  return (
    r.output ?? [
      { stream: 'stdout', text: r.stdout },
      { stream: 'stderr', text: r.stderr },
    ]
  )
}

/**
 * The `output` to give a ProcessResult, spread into it: set only when some stderr comes before
 * some stdout, since all of stdout then all of stderr is what a result without one means.
 */
export function mixedOrder(list: Transcript): { output?: Transcript } {
  const chunks = list.filter((o) => o.text !== '')
  const firstErr = chunks.findIndex((o) => o.stream === 'stderr')
  const mixed = firstErr >= 0 && chunks.slice(firstErr).some((o) => o.stream === 'stdout')
  return mixed ? { output: chunks } : {}
}

/** A program's stdout and stderr built up in the order it writes them (curl -v, kubectl's notices). */
export class OrderedOutput {
  private stdout = ''
  private stderr = ''
  private readonly output: Transcript = []

  out(text: string): void {
    this.add('stdout', text)
  }

  err(text: string): void {
    this.add('stderr', text)
  }

  private add(stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return
    if (stream === 'stdout') this.stdout += text
    else this.stderr += text
    const last = this.output[this.output.length - 1]
    if (last?.stream === stream) last.text += text
    else this.output.push({ stream, text })
  }

  result(exitCode: number): ProcessResult {
    const { stdout, stderr } = this
    return { stdout, stderr, exitCode, ...mixedOrder(this.output) }
  }
}

/** Collects what a command writes; past the limit it keeps nothing more and stops the line. */
export class Sink implements Writer {
  private chunks: string[] = []

  constructor(
    private readonly budget: Budget,
    /** shared with another sink when both count toward one limit (the terminal's stdout+stderr) */
    private readonly counter: { bytes: number } = { bytes: 0 },
    private readonly transcript?: { list: Transcript; stream: 'stdout' | 'stderr' },
  ) {}

  private record(s: string): void {
    if (!this.transcript || s === '') return
    const { list, stream } = this.transcript
    s = forTerminal(s)
    const last = list[list.length - 1]
    if (last && last.stream === stream) last.text += s
    else list.push({ stream, text: s })
  }

  write(s: string): void {
    if (!s || this.budget.stopped) return
    const room = OUTPUT_LIMIT - this.counter.bytes
    if (s.length > room) {
      this.chunks.push(s.slice(0, Math.max(0, room)))
      this.record(s.slice(0, Math.max(0, room)))
      this.counter.bytes = OUTPUT_LIMIT
      this.budget.stopped = 'output'
      return
    }
    this.chunks.push(s)
    this.record(s)
    this.counter.bytes += s.length
  }

  /** bytes written so far (with the sink it shares its limit with) */
  protected used(): number {
    return this.counter.bytes
  }

  /** An endless output reaching the terminal or a capture (`$(yes)`): the line cannot end. */
  endless(): void {
    // on a terminal that filled up, the output limit is what the learner saw
    const full = this.transcript !== undefined && this.counter.bytes >= OUTPUT_LIMIT
    this.budget.stopped ??= full ? 'output' : 'endless'
  }

  text(): string {
    const text = this.chunks.join('')
    return this.transcript ? forTerminal(text) : text
  }
}

/** A pipe between two stages: an endless output is handed on as such, for the reader to cut. */
export class Pipe extends Sink {
  ended = false

  override endless(): void {
    this.ended = true
  }

  /** an endless writer blocks for ever: what later commands would write never gets through */
  override write(s: string): void {
    if (!this.ended) super.write(s)
  }

  /** how much more this pipe holds before the output limit */
  room(): number {
    return Math.max(0, OUTPUT_LIMIT - this.used())
  }

  /** What the next stage reads. */
  input(): Input {
    return new Input(this.text(), this.ended)
  }
}

/** A pipe that notes, in one list shared with its sibling, what got through it and when. */
export class OrderedPipe extends Pipe {
  constructor(
    budget: Budget,
    private readonly order: Transcript,
    private readonly stream: 'stdout' | 'stderr',
  ) {
    super(budget)
  }

  override write(s: string): void {
    const before = this.room()
    super.write(s)
    const taken = s.slice(0, before - this.room())
    if (taken === '') return
    const last = this.order[this.order.length - 1]
    if (last?.stream === this.stream) last.text += taken
    else this.order.push({ stream: this.stream, text: taken })
  }
}

export const devNull: Writer = { write: () => undefined }

/** A command's standard input: what one reader takes, the next does not see again (`while read`). */
export class Input {
  private pos = 0

  constructor(
    private readonly text: string,
    /** the text is only the start of this input: it never ends (`yes |`, `< /dev/zero`) */
    readonly endless = false,
  ) {}

  /** everything not read yet */
  readAll(): string {
    const rest = this.text.slice(this.pos)
    this.pos = this.text.length
    return rest
  }

  /** the next line without its newline; undefined at the end */
  readLine(): string | undefined {
    if (this.pos >= this.text.length && !this.endless) return undefined
    let end = this.text.indexOf('\n', this.pos)
    // a line that never ends (or lines past what was read) would keep `read` waiting for ever
    if (end < 0 && this.endless) throw new LimitReached('endless')
    if (end < 0) end = this.text.length
    const line = this.text.slice(this.pos, end)
    this.pos = end + 1
    return line
  }
}

/** What a command reads and where it writes. */
export interface Io {
  stdin: Input
  out: Writer
  err: Writer
}
