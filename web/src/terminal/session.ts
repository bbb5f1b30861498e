// One terminal tab's shell: the line editor at the prompt, the line running on the server, Ctrl+C,
// typeahead and multi-line pastes, and where the shell stands (workstation or inside a pod).

import { errorText } from '../api'
import type { TraceEntry } from '../types'
import { LineEditor, type LineEvent } from './line-editor'
import { LineEvents } from './line-events'
import { TtyEcho } from './tty-echo'
import { runLine, type RunEnd, type ShellRef } from './run-stream'
import {
  WORKSTATION_PROMPT,
  type LineResult,
  type Screen,
  type SessionHooks,
} from './session-types'
import { interruptTerminal, resizeTerminal, terminalState } from './terminal-routes'

export type { LineResult, Screen, SessionHooks } from './session-types'

const failed = (t: TraceEntry) => t.outcome !== 'answered' || t.hops.some((h) => !h.ok)

export class TerminalSession {
  prompt = WORKSTATION_PROMPT
  shell: ShellRef | null = null
  busy = false
  /** true once the first prompt is shown */
  ready = false
  /** set once an answer carries `prompt`: the server keeps terminals (interrupt, resize, restore) */
  serverTerminals = false
  private readonly editor: LineEditor
  private typeahead = ''
  private readonly echo = new TtyEcho()
  private abort: AbortController | undefined
  private running: Promise<void> | undefined
  private lastChar = '\n'
  /**
   * `$?`: the exit status of this tab's last line (undefined after a reload). The server does not
   * store it (a failed line that changed nothing writes nothing), so the next line carries it
   */
  private status: number | undefined

  constructor(
    private readonly screen: Screen,
    private readonly clusterId: string,
    readonly id: string,
    private readonly hooks: SessionHooks,
  ) {
    this.editor = new LineEditor({
      write: (d) => screen.write(d),
      complete: (before) => hooks.complete(before),
      columns: screen.cols,
    })
  }

  setHistory(items: string[]): void {
    this.editor.setHistory(items)
  }

  /** Asks the server where this terminal stands (after a reload), then shows the prompt. */
  async restore(): Promise<void> {
    try {
      const r = await terminalState(this.clusterId, this.id)
      if (typeof r.prompt === 'string') {
        this.serverTerminals = true
        this.prompt = r.prompt
        this.shell = r.shell ?? null
      }
      if (r.ended) this.screen.write(`${r.ended}\r\n`)
    } catch {
      // an older server keeps no terminals: every tab starts on the workstation
    }
    this.ready = true
    await this.showPrompt()
  }

  /** After a change made elsewhere (Reset cluster): an idle tab whose shell ended says so. */
  async refresh(): Promise<void> {
    if (this.busy || !this.editor.reading || !this.serverTerminals) return
    const r = await terminalState(this.clusterId, this.id).catch(() => undefined)
    if (!r || typeof r.prompt !== 'string' || this.busy) return
    if (r.prompt === this.prompt && !r.ended) return
    const was = this.shell
    this.prompt = r.prompt
    this.shell = r.shell ?? null
    const gone = was && !this.shell ? `Your shell in pod ${was.pod} ended.` : ''
    const ended = r.ended ?? gone
    this.screen.write(`\r\n${ended ? `${ended}\r\n` : ''}`)
    await this.showPrompt()
  }

  focus(): void {
    this.screen.focus?.()
  }

  /** Keys from xterm.js (onData). */
  input(data: string): void {
    if (this.busy || !this.editor.reading) {
      // keys typed while a line runs, or before the first prompt, wait for the next prompt
      const i = this.busy ? data.indexOf('\x03') : -1
      if (i >= 0) return this.interrupt()
      // under a running command the tty echoes the keys and keeps them, its own rubbing out
      // done (tty-echo.ts); before the first prompt they simply wait
      if (!this.busy) this.typeahead += data
      else this.screen.write(this.echo.feed(data))
      return
    }
    const { events, rest } = this.editor.feed(data)
    this.typeahead = rest + this.typeahead
    for (const ev of events) this.handle(ev)
  }

  /** A Run button: the command goes onto the prompt as typed, then Enter. False when busy. */
  typeAndRun(command: string): boolean {
    if (this.busy) return false
    this.input('\x05\x15' + command.replace(/[\r\n]+/g, ' ') + '\r')
    return true
  }

  /** A line the page runs for the learner (Apply), shown as `shown`; the typed line is kept. */
  async runFor(command: string, stdin: string, shown: string): Promise<LineResult | undefined> {
    if (this.busy || !this.editor.reading) return undefined
    const kept = this.editor.text
    // the editor's kubectl runs on the workstation even when this tab is inside a pod's shell
    this.screen.write(`\r\x1b[J${WORKSTATION_PROMPT}${shown}\r\n`)
    const end = await this.run(command, { stdin, workstation: true })
    if (kept) this.editor.type(kept)
    return end
  }

  /** The screen's size within what the API accepts (a pane not yet laid out can be tiny). */
  private size(): { columns: number; rows: number } {
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))
    return { columns: clamp(this.screen.cols, 20, 500), rows: clamp(this.screen.rows, 5, 200) }
  }

  resize(): void {
    this.editor.columns = this.screen.cols
    if (!this.serverTerminals || !this.busy) return
    resizeTerminal(this.clusterId, this.id, this.size())
  }

  /** Ctrl+C on a running line: drop the request and print what the program prints on SIGINT. */
  interrupt(): void {
    const abort = this.abort
    if (!abort) return
    // SIGINT flushes the tty's input (no NOFLSH): what was typed under the command is gone
    this.typeahead = ''
    this.echo.reset()
    abort.abort()
    if (this.serverTerminals) interruptTerminal(this.clusterId, this.id)
  }

  dispose(): void {
    this.abort?.abort()
  }

  private handle(ev: LineEvent): void {
    if (ev.type === 'submit') {
      const line = ev.line.trim()
      if (!line) return void this.showPrompt()
      this.hooks.onCommand(line)
      void this.run(line)
    } else if (ev.type === 'interrupt') {
      void this.showPrompt()
    } else if (ev.type === 'clear') {
      this.screen.clear()
      this.editor.redraw()
      this.hooks.onShown()
    } else if (this.shell) {
      // Ctrl+D on an empty line ends a pod's shell; the server prints what bash or ash print
      void this.run('', { eof: true })
    } else {
      // bash ends on EOF and prints `exit` on the next line (TERMINAL-FACTS A3); the workstation's
      // terminal then opens a fresh shell at once, as a web terminal reconnecting would
      this.screen.write('\r\nexit\r\n')
      void this.showPrompt()
    }
  }

  private async run(
    command: string,
    extra: { stdin?: string; eof?: boolean; workstation?: boolean } = {},
  ): Promise<LineResult | undefined> {
    this.busy = true
    this.hooks.onBusy(true)
    this.hooks.onShown()
    const abort = new AbortController()
    this.abort = abort
    this.lastChar = '\n'
    const seen = new LineEvents(this.hooks)
    const { workstation, ...fields } = extra
    // without `terminal` a line runs as a one-shot on the workstation and leaves the shell alone
    const status = this.status === undefined ? {} : { status: this.status }
    const req = workstation
      ? { command, ...fields }
      : { command, ...fields, terminal: this.id, ...this.size(), ...status }
    this.running = runLine(this.clusterId, req, abort.signal, (e) => {
      if (seen.take(e)) this.output(e.type === 'output' ? e.text : '')
    }).catch((err: unknown) => {
      if (!abort.signal.aborted) this.output(`${errorText(err)}\n`)
    })
    await this.running
    this.abort = undefined
    // a Run button's one-shot line leaves the shell, and its `$?`, alone; Ctrl+C is bash's 130
    if (!workstation)
      this.status =
        seen.end?.exitCode ?? (abort.signal.aborted ? seen.interruptStatus : this.status)
    if (seen.end) this.finish(seen.end, seen.traces)
    else if (abort.signal.aborted) {
      // what the program prints on SIGINT (kubectl: `^C` and no newline, so the prompt follows)
      this.screen.write(seen.interruptText)
      if (typeof seen.start?.prompt === 'string') this.prompt = seen.start.prompt
    }
    this.busy = false
    await this.showPrompt()
    if (!this.busy) this.hooks.onBusy(false)
    return seen.end && { ...seen.end, ...seen.printed }
  }

  private output(text: string): void {
    if (!text) return
    this.lastChar = text[text.length - 1] ?? this.lastChar
    this.screen.write(text)
    this.hooks.onShown()
  }

  private finish(end: RunEnd, traces: TraceEntry[]): void {
    if (end.clear) this.screen.clear()
    if (typeof end.prompt === 'string') {
      this.serverTerminals = true
      this.prompt = end.prompt
    }
    if (end.shell !== undefined) this.shell = end.shell
    if (end.ended) this.screen.write(`${end.ended}\r\n`)
    const explained = [...new Set(traces.filter(failed).map((t) => t.diagnosis ?? ''))]
    for (const d of explained.filter(Boolean)) {
      if (this.lastChar !== '\n') this.screen.write('\r\n')
      this.screen.write(`\x1b[1;33mService Lab explains:\x1b[0m ${d}\r\n`)
      this.lastChar = '\n'
    }
    this.hooks.onEnd(end)
  }

  /** Prints the prompt and feeds any typeahead (the rest of a paste) into the new line. */
  private async showPrompt(): Promise<void> {
    const column = (await this.screen.column?.()) ?? 0
    this.editor.columns = this.screen.cols
    this.editor.start(this.prompt, column)
    this.hooks.onShown()
    const pending = this.typeahead + this.echo.take()
    this.typeahead = ''
    if (!pending) return
    this.input(pending)
  }
}
