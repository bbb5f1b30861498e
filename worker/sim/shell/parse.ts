// The grammar of POSIX shell command lines (XCU 2.10), the part a terminal user types:
// lists, and-or lists, pipelines, simple commands, for/while/until/if, ( ) and { } groups.
// Left out: case, functions, arrays, globbing.

import type { AndOr, Command, Pipeline, Script, Word } from './ast'
import type { Token } from './lexer'
import { SimpleCommandParser } from './parse-simple'
import { ShellSyntaxError } from './syntax-error'

export type ParseResult = { ok: true; script: Script } | { ok: false; error: ShellSyntaxError }

/** Parses a whole line; syntax errors come back as data. */
export function parseLine(src: string): ParseResult {
  try {
    return { ok: true, script: parseScript(src) }
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { ok: false, error: e }
    throw e
  }
}

/** Deeper nesting than any typed line needs; it keeps the parser's recursion bounded. */
const MAX_NESTING = 100

function parseScript(src: string, depth = 0): Script {
  if (depth > MAX_NESTING) throw new ShellSyntaxError('maximum nesting level exceeded')
  const p = new Parser(src, depth)
  const script = p.list()
  const t = p.peek()
  if (t.t !== 'eof') throw p.unexpected(t)
  return script
}

const CLOSERS = new Set(['do', 'done', 'then', 'else', 'elif', 'fi', '}', 'in'])

function keyword(t: Token): string | undefined {
  if (t.t !== 'word' || t.parts.length !== 1) return undefined
  const p = t.parts[0]
  return p && p.t === 'lit' && !p.quoted ? p.v : undefined
}

class Parser extends SimpleCommandParser {
  private nesting: number

  constructor(src: string, depth: number) {
    super(src)
    this.nesting = depth
  }

  protected parseNested(sub: string): Script {
    return parseScript(sub, this.nesting + 1)
  }

  list(): Script {
    if (++this.nesting > MAX_NESTING) throw new ShellSyntaxError('maximum nesting level exceeded')
    const items: AndOr[] = []
    this.skipNewlines()
    for (;;) {
      const t = this.peek()
      if (t.t === 'eof' || (t.t === 'op' && t.v === ')')) break
      const kw = keyword(t)
      if (kw !== undefined && CLOSERS.has(kw)) break
      const item = this.andOr()
      items.push(item)
      const sep = this.peek()
      if (sep.t !== 'op' || ![';', '&', '\n'].includes(sep.v)) break
      this.take()
      if (sep.v === '&') item.background = true
      this.skipNewlines()
    }
    this.nesting--
    return { items }
  }

  private body(): Script {
    const s = this.list()
    if (s.items.length === 0) throw this.unexpected(this.peek())
    return s
  }

  private andOr(): AndOr {
    const from = this.nextStart()
    const first = this.pipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const t = this.peek()
      if (t.t !== 'op' || (t.v !== '&&' && t.v !== '||')) break
      this.take()
      this.skipNewlines()
      rest.push({ op: t.v, pipeline: this.pipeline() })
    }
    return { first, rest, background: false, text: this.source(from, this.takenEnd) }
  }

  private pipeline(): Pipeline {
    let negate = false
    if (keyword(this.peek()) === '!') {
      this.take()
      negate = true
    }
    const commands = [this.command()]
    while (this.isOp('|')) {
      this.take()
      this.skipNewlines()
      commands.push(this.command())
    }
    return { negate, commands }
  }

  private command(): Command {
    const t = this.peek()
    const kw = keyword(t)
    let cmd: Command
    if (kw === 'for') cmd = this.forCommand()
    else if (kw === 'while' || kw === 'until') cmd = this.loop(kw)
    else if (kw === 'if') cmd = this.ifCommand()
    else if (kw === '{') {
      this.take()
      cmd = { type: 'brace', body: this.body(), redirects: [] }
      this.expect('}')
    } else if (t.t === 'op' && t.v === '(') {
      this.take()
      cmd = { type: 'subshell', body: this.body(), redirects: [] }
      if (!this.isOp(')')) throw this.unexpected(this.peek())
      this.take()
    } else return this.simple()
    while (this.peek().t === 'redir') cmd.redirects.push(this.redirect())
    return cmd
  }

  private expect(kw: string): void {
    const t = this.peek()
    if (keyword(t) !== kw) throw this.unexpected(t)
    this.take()
  }

  private forCommand(): Command {
    this.take()
    const nameTok = this.take()
    const name = keyword(nameTok)
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      if (nameTok.t === 'word')
        throw new ShellSyntaxError(`\`${nameTok.text}': not a valid identifier`)
      throw this.unexpected(nameTok)
    }
    this.skipNewlines()
    let items: Word[] | null = null
    if (keyword(this.peek()) === 'in') {
      this.take()
      items = []
      for (let t = this.peek(); t.t === 'word'; t = this.peek())
        items.push((this.take() as { parts: Word }).parts)
    }
    if (this.isOp(';') || this.isOp('\n')) this.take()
    this.skipNewlines()
    this.expect('do')
    const body = this.body()
    this.expect('done')
    return { type: 'for', name, items, body, redirects: [] }
  }

  private loop(kind: 'while' | 'until'): Command {
    this.take()
    const cond = this.body()
    this.expect('do')
    const body = this.body()
    this.expect('done')
    return { type: kind, cond, body, redirects: [] }
  }

  private ifCommand(): Command {
    this.take()
    const branches = [{ cond: this.body(), body: (this.expect('then'), this.body()) }]
    let otherwise: Script | undefined
    for (;;) {
      const kw = keyword(this.peek())
      if (kw === 'elif') {
        this.take()
        branches.push({ cond: this.body(), body: (this.expect('then'), this.body()) })
      } else if (kw === 'else') {
        this.take()
        otherwise = this.body()
      } else break
    }
    this.expect('fi')
    return { type: 'if', branches, otherwise, redirects: [] }
  }
}
