// Splits a line into shell tokens: words (with their quoted and substituted parts) and operators.
// Hand-written rather than `shell-quote`: that package flattens `$(...)` and backticks into
// strings, cannot nest them, knows no `for`/`while` keywords or here-documents, and expands
// variables at parse time, while a shell expands them when each command runs.

import type { Redirect, Script, Word, WordPart } from './ast'
import { readDollar, readBackquote } from './lexer-dollar'
import { ShellSyntaxError } from './syntax-error'

export type Token =
  | { t: 'word'; parts: Word; text: string }
  | { t: 'op'; v: string }
  | { t: 'redir'; fd: number | null; op: Redirect['op'] | '<<-' }
  | { t: 'eof' }

const META = ' \t\n|&;()<>'
const OPERATORS = ['&&', '||', ';;', '|', '&', ';', '(', ')', '\n']
const REDIRS = ['&>>', '&>', '>>', '>&', '>|', '<<<', '<<-', '<<', '<&', '>', '<'] as const

export interface PendingHeredoc {
  redirect: Redirect
  delimiter: string
  stripTabs: boolean
}

/** Tokens on demand; the parser registers here-documents, which are read after the next newline. */
export class Lexer {
  i = 0
  /** where the last token returned by next() starts */
  start = 0
  pending: PendingHeredoc[] = []

  constructor(
    readonly src: string,
    readonly parseSub: (src: string) => Script,
  ) {}

  next(): Token {
    this.skipBlanks()
    this.start = this.i
    if (this.i >= this.src.length) return { t: 'eof' }
    const c = this.src[this.i] as string
    if (c === '\n') {
      this.i++
      this.readHeredocs()
      return { t: 'op', v: '\n' }
    }
    const redir = this.readRedir(null)
    if (redir) return redir
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.i)) {
        this.i += op.length
        return { t: 'op', v: op }
      }
    }
    return this.readWord()
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.i]
      if (c === ' ' || c === '\t') this.i++
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2
      else if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++
      } else return
    }
  }

  private readRedir(fd: number | null): Token | null {
    for (const op of REDIRS) {
      if (!this.src.startsWith(op, this.i)) continue
      if (fd !== null && op.startsWith('&')) return null
      this.i += op.length
      return { t: 'redir', fd, op: op === '>|' ? '>' : op }
    }
    return null
  }

  private readWord(): Token {
    const start = this.i
    const parts: WordPart[] = []
    const lit = (v: string, quoted: boolean) => {
      const last = parts[parts.length - 1]
      if (last && last.t === 'lit' && last.quoted === quoted) last.v += v
      else parts.push({ t: 'lit', v, quoted })
    }
    while (this.i < this.src.length) {
      const c = this.src[this.i] as string
      if (META.includes(c)) break
      if (c === '\\') {
        const n = this.src[this.i + 1]
        this.i += 2
        if (n === undefined) lit('\\', false)
        else if (n !== '\n') lit(n, true)
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1)
        if (end < 0)
          throw new ShellSyntaxError("unexpected EOF while looking for matching `''", 'quote')
        lit(this.src.slice(this.i + 1, end), true)
        this.i = end + 1
      } else if (c === '"') {
        this.readDouble(parts, lit)
      } else if (c === '$' && this.src[this.i + 1] === "'") {
        lit(this.readAnsiC(), true)
      } else if (c === '$' || c === '`') {
        const part = c === '$' ? readDollar(this, false) : readBackquote(this, false)
        if (part) parts.push(part)
        else lit(c, false)
      } else {
        lit(c, false)
        this.i++
      }
    }
    const text = this.src.slice(start, this.i)
    if (/^\d+$/.test(text) && (this.src[this.i] === '>' || this.src[this.i] === '<')) {
      const redir = this.readRedir(Number(text))
      if (redir) return redir
    }
    return { t: 'word', parts, text }
  }

  private readDouble(parts: WordPart[], lit: (v: string, quoted: boolean) => void): void {
    this.i++
    lit('', true)
    for (;;) {
      if (this.i >= this.src.length) {
        throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'', 'quote')
      }
      const c = this.src[this.i] as string
      if (c === '"') {
        this.i++
        return
      }
      if (c === '\\') {
        const n = this.src[this.i + 1] ?? ''
        if ('$`"\\'.includes(n) && n !== '') lit(n, true)
        else if (n !== '\n') lit('\\' + n, true)
        this.i += 2
      } else if (c === '$' || c === '`') {
        const part = c === '$' ? readDollar(this, true) : readBackquote(this, true)
        if (part) parts.push(part)
        else lit(c, true)
      } else {
        lit(c, true)
        this.i++
      }
    }
  }

  /** `$'...'` (bash ANSI-C quoting): backslash escapes are interpreted, nothing is expanded. */
  private readAnsiC(): string {
    const esc: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      e: '\x1b',
      f: '\f',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
    }
    let out = ''
    for (let j = this.i + 2; j < this.src.length; j++) {
      const c = this.src[j] as string
      if (c === "'") {
        this.i = j + 1
        return out
      }
      if (c === '\\' && j + 1 < this.src.length) {
        const n = this.src[++j] as string
        out += Object.prototype.hasOwnProperty.call(esc, n) ? esc[n] : '\\' + n
      } else out += c
    }
    throw new ShellSyntaxError("unexpected EOF while looking for matching `''", 'quote')
  }

  /** A here-document body as one word, expanded like double quotes; `"` stays as typed. */
  heredocWord(): Word {
    const parts: WordPart[] = []
    let text = ''
    const flush = () => {
      if (text) parts.push({ t: 'lit', v: text, quoted: true })
      text = ''
    }
    while (this.i < this.src.length) {
      const c = this.src[this.i] as string
      const n = this.src[this.i + 1] ?? ''
      if (c === '\\' && n !== '' && '$`\\\n'.includes(n)) {
        if (n !== '\n') text += n
        this.i += 2
      } else if (c === '$' || c === '`') {
        const part = c === '$' ? readDollar(this, true) : readBackquote(this, true)
        if (part) {
          flush()
          parts.push(part)
        } else text += c
      } else {
        text += c
        this.i++
      }
    }
    flush()
    return parts
  }

  /** The operand of `${VAR:-word}`: one word, blanks inside kept. */
  subWord(text: string): Word {
    const sub = new Lexer(text, this.parseSub)
    const parts: WordPart[] = []
    for (;;) {
      const before = sub.i
      const tok = sub.next()
      if (tok.t === 'eof') return parts
      if (parts.length > 0 && /^[ \t]/.test(text.slice(before)))
        parts.push({ t: 'lit', v: ' ', quoted: false })
      if (tok.t === 'word') parts.push(...tok.parts)
      else parts.push({ t: 'lit', v: text.slice(before, sub.i).trim(), quoted: false })
    }
  }

  /** Reads the bodies of here-documents whose operator appeared on the line just ended. */
  private readHeredocs(): void {
    for (const h of this.pending) {
      const lines: string[] = []
      while (this.i < this.src.length) {
        let end = this.src.indexOf('\n', this.i)
        if (end < 0) end = this.src.length
        let line = this.src.slice(this.i, end)
        this.i = Math.min(end + 1, this.src.length)
        if (h.stripTabs) line = line.replace(/^\t+/, '')
        if (line === h.delimiter) break
        lines.push(line + '\n')
      }
      const doc = h.redirect.heredoc
      if (doc) {
        doc.body = lines.join('')
        if (doc.expand) doc.word = new Lexer(doc.body, this.parseSub).heredocWord()
      }
    }
    this.pending = []
  }
}
