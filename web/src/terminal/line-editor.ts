// A small readline for the lab terminal: emacs keys, history, Ctrl+R, Tab completion and the
// redraw of a line that wraps. Pure: it writes terminal bytes through a callback and reports
// what the line ended in, so it runs under @xterm/headless in unit tests.
// Simplification: every character is taken as one column wide (no CJK or emoji widths).

import { HistoryCursor, refine, searchPrompt, type SearchState } from './history-search'
import { parseKeys, visibleWidth } from './keys'
import { edit, insert, type Line } from './line-edits'

export type LineEvent =
  { type: 'submit'; line: string } | { type: 'interrupt' } | { type: 'eof' } | { type: 'clear' }

export interface Completer {
  (before: string): { line: string; candidates: string[] }
}

export interface LineEditorOptions {
  write: (data: string) => void
  complete?: Completer
  columns?: number
}

export class LineEditor {
  private line: Line = { text: '', cursor: 0 }
  private prompt = ''
  private row = 0
  /** the screen column the prompt starts at (output without a final newline, such as `^C`) */
  private column = 0
  private killed = ''
  private lastKey = ''
  private search: SearchState | undefined
  private readonly history = new HistoryCursor()
  /** true while a line is being read (between prompt() and Enter, Ctrl+D or Ctrl+C) */
  reading = false
  columns: number

  constructor(private readonly opts: LineEditorOptions) {
    this.columns = opts.columns ?? 80
  }

  setHistory(items: string[]): void {
    this.history.reset(items)
  }

  /** Prints `prompt` at screen column `column` and starts reading a fresh line. */
  start(prompt: string, column = 0): void {
    this.prompt = prompt
    this.line = { text: '', cursor: 0 }
    this.row = 0
    this.column = Math.max(0, Math.min(column, this.columns - 1))
    this.search = undefined
    this.reading = true
    this.opts.write(prompt)
  }

  /** Puts `text` on the line as if typed (Run buttons, pasted lines). */
  type(text: string): undefined {
    this.line = insert(this.line, text)
    return this.render()
  }

  /** Draws the line again from its first row, e.g. after the screen was cleared. */
  redraw(): void {
    this.row = 0
    this.render()
  }

  get text(): string {
    return this.line.text
  }

  /**
   * Handles keys until the line ends. Returns the events and the input left over after the
   * line ended (the next lines of a multi-line paste), which the caller feeds in later.
   */
  feed(data: string): { events: LineEvent[]; rest: string } {
    const events: LineEvent[] = []
    const keys = parseKeys(data)
    let used = 0
    for (const key of keys) {
      used += key.text.length
      if (!this.reading) break
      const ev = this.search ? this.searchKey(key.name, key.text) : this.key(key.name, key.text)
      this.lastKey = key.name
      if (ev) events.push(ev)
      if (!this.reading) return { events, rest: data.slice(used) }
    }
    return { events, rest: '' }
  }

  private key(name: string, text: string): LineEvent | undefined {
    if (name === 'insert') return this.type(text)
    const edited = edit(this.line, name)
    if (edited) {
      this.line = edited.line
      if (edited.killed) this.killed = edited.killed
      return this.render()
    }
    return this.command(name)
  }

  private command(name: string): LineEvent | undefined {
    const { text } = this.line
    switch (name) {
      case 'enter':
        return this.finish({ type: 'submit', line: text }, '\r\n')
      case 'interrupt':
        return this.finish({ type: 'interrupt' }, '^C\r\n')
      case 'eof':
        if (text === '') return this.finish({ type: 'eof' }, '')
        this.line = edit(this.line, 'delete')?.line ?? this.line
        return this.render()
      case 'clear':
        return { type: 'clear' }
      case 'yank':
        return this.type(this.killed)
      case 'up':
      case 'down':
        return this.recall(name === 'up' ? -1 : 1)
      case 'tab':
        return this.completeWord()
      case 'reverse-search':
        this.search = {
          query: '',
          at: this.history.length,
          match: text,
          failed: false,
          original: text,
        }
        return this.render()
      default:
        return undefined
    }
  }

  private searchKey(name: string, text: string): LineEvent | undefined {
    const s = this.search
    if (!s) return undefined
    if (name === 'insert' || name === 'backspace' || name === 'reverse-search') {
      const query =
        name === 'insert' ? s.query + text : name === 'backspace' ? s.query.slice(0, -1) : s.query
      this.search = refine(this.history, s, query, name === 'reverse-search')
      const m = this.search
      this.line = { text: m.match, cursor: Math.max(0, m.match.indexOf(m.query)) }
      return this.render()
    }
    this.search = undefined
    if (name === 'abort' || name === 'interrupt') {
      this.line = { text: s.original, cursor: s.original.length }
      return name === 'interrupt' ? this.finish({ type: 'interrupt' }, '^C\r\n') : this.render()
    }
    this.render()
    return this.key(name, text)
  }

  private recall(dir: -1 | 1): undefined {
    const text = this.history.step(dir, this.line.text)
    if (text === undefined) return undefined
    this.line = { text, cursor: text.length }
    this.render()
    return undefined
  }

  private completeWord(): undefined {
    const complete = this.opts.complete
    if (!complete) return undefined
    const before = this.line.text.slice(0, this.line.cursor)
    const after = this.line.text.slice(this.line.cursor)
    const c = complete(before)
    if (c.line !== before) {
      this.line = { text: c.line + after, cursor: c.line.length }
      this.render()
    } else if (c.candidates.length && this.lastKey === 'tab') {
      // bash lists the choices on the second Tab, then draws the line again under them
      this.moveToEnd()
      this.opts.write(`\r\n${c.candidates.join('  ')}\r\n`)
      this.column = 0
      this.redraw()
    }
    return undefined
  }

  private finish(ev: LineEvent, echo: string): LineEvent {
    this.moveToEnd()
    this.opts.write(echo)
    this.reading = false
    this.search = undefined
    return ev
  }

  private moveToEnd(): void {
    this.line = { ...this.line, cursor: this.line.text.length }
    this.render()
  }

  /**
   * Rewrites prompt and line from where the prompt starts (what is left of it stays) and puts the
   * cursor where it belongs.
   */
  private render(): undefined {
    const cols = Math.max(1, this.columns)
    const shown = this.search ? searchPrompt(this.search) : this.prompt
    const width = this.column + visibleWidth(shown)
    let out = this.row > 0 ? `\x1b[${this.row}A` : ''
    out += `\r${this.column ? `\x1b[${this.column}C` : ''}\x1b[J${shown}${this.line.text}`
    const end = width + this.line.text.length
    // at the right margin the cursor waits to wrap; step onto the next row so counting holds
    if (end > 0 && end % cols === 0) out += '\r\n'
    const endRow = Math.floor(end / cols)
    const pos = width + this.line.cursor
    const row = Math.floor(pos / cols)
    if (endRow > row) out += `\x1b[${endRow - row}A`
    out += '\r' + (pos % cols ? `\x1b[${pos % cols}C` : '')
    this.row = row
    this.opts.write(out)
    return undefined
  }
}
