// The simple commands of a shell line (XCU 2.9.1) and the token helpers the grammar in parse.ts
// shares: words, `NAME=value` assignments, redirections and here-documents.

import type { Assignment, Redirect, Script, SimpleCommand, Word } from './ast'
import { Lexer, type Token } from './lexer'
import { ShellSyntaxError } from './syntax-error'

/**
 * The token helpers of the shell's parser (parse.ts) and the simple command it ends in: words,
 * `NAME=value` assignments and redirections (here-documents queued on the lexer). A command
 * substitution's text is parsed by the subclass (parseNested), one level deeper.
 */
export abstract class SimpleCommandParser {
  private la: Token | null = null
  private laStart = 0
  /** where the last token taken ends */
  protected takenEnd = 0
  private readonly lx: Lexer

  constructor(src: string) {
    this.lx = new Lexer(src, (sub) => this.parseNested(sub))
  }

  protected abstract parseNested(sub: string): Script

  peek(): Token {
    if (!this.la) {
      this.la = this.lx.next()
      this.laStart = this.lx.start
    }
    return this.la
  }

  take(): Token {
    const t = this.peek()
    this.la = null
    this.takenEnd = this.lx.i
    return t
  }

  /** Where the next token starts (after blanks). */
  protected nextStart(): number {
    this.peek()
    return this.laStart
  }

  /** The line's text between two offsets. */
  protected source(from: number, to: number): string {
    return this.lx.src.slice(from, to)
  }

  unexpected(t: Token): ShellSyntaxError {
    if (t.t === 'eof') return new ShellSyntaxError('syntax error: unexpected end of file', 'eof')
    const text = t.t === 'op' ? (t.v === '\n' ? 'newline' : t.v) : t.t === 'redir' ? t.op : t.text
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`, 'token', text)
  }

  protected isOp(v: string): boolean {
    const t = this.peek()
    return t.t === 'op' && t.v === v
  }

  protected skipNewlines(): void {
    while (this.isOp('\n')) this.take()
  }

  protected simple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirects: [] }
    for (;;) {
      const t = this.peek()
      if (t.t === 'redir') cmd.redirects.push(this.redirect())
      else if (t.t === 'word') {
        this.take()
        const a = cmd.words.length === 0 ? assignment(t.parts) : undefined
        if (a) cmd.assigns.push(a)
        else cmd.words.push(t.parts)
      } else break
    }
    if (cmd.assigns.length + cmd.words.length + cmd.redirects.length === 0) {
      throw this.unexpected(this.peek())
    }
    return cmd
  }

  protected redirect(): Redirect {
    const t = this.take() as Extract<Token, { t: 'redir' }>
    const target = this.take()
    // an interactive line ends with a newline, which is what bash reports as missing here
    if (target.t === 'eof') throw this.unexpected({ t: 'op', v: '\n' })
    if (target.t !== 'word') throw this.unexpected(target)
    if (t.op === '<<' || t.op === '<<-') {
      const delimiter = target.parts.map((p) => (p.t === 'lit' ? p.v : '')).join('')
      const expand = target.parts.every((p) => !(p.t === 'lit' && p.quoted))
      const r: Redirect = { fd: t.fd ?? 0, op: '<<', target: [], heredoc: { body: '', expand } }
      this.lx.pending.push({ redirect: r, delimiter, stripTabs: t.op === '<<-' })
      return r
    }
    const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1)
    return { fd, op: t.op, target: target.parts }
  }
}

/** `NAME=value` at the start of a simple command. */
function assignment(parts: Word): Assignment | undefined {
  const first = parts[0]
  if (!first || first.t !== 'lit' || first.quoted) return undefined
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v)
  if (!m) return undefined
  const rest = first.v.slice(m[0].length)
  const value: Word = rest
    ? [{ t: 'lit', v: rest, quoted: false }, ...parts.slice(1)]
    : parts.slice(1)
  return { name: m[1] as string, value }
}
