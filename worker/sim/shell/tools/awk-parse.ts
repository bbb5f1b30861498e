// A small awk (POSIX awk, as mawk/busybox run it) for one-liners: patterns (BEGIN, END, /re/,
// expressions), print/printf, variables and arrays, if/for/for-in/next, the usual operators and
// length/substr/index/split/tolower/toupper/int/sprintf/sub/gsub. Left out: getline, user functions,
// output redirection, ranges.

import { lex, type Tok } from './awk-lex'

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; key: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'neg'; e: Expr }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'incr'; op: '++' | '--'; target: Expr; prefix: boolean }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'in'; key: Expr; name: string }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }

export type Stmt =
  | { k: 'print'; args: Expr[] }
  | { k: 'printf'; args: Expr[] }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit' }

export interface Rule {
  pattern: 'BEGIN' | 'END' | Expr | undefined
  action: Stmt[] | undefined
}

/** A program awk refuses to run (exit 2). */
export class AwkSyntaxError extends Error {}

export function parseAwk(src: string): Rule[] {
  return new AwkParser(lex(src)).program()
}

const PREC: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['in'], 3],
  [['~', '!~'], 4],
  [['<', '<=', '>', '>=', '==', '!='], 5],
  [['concat'], 6],
  [['+', '-'], 7],
  [['*', '/', '%'], 8],
]
const precOf = (op: string) => PREC.find(([ops]) => ops.includes(op))?.[1]

class AwkParser {
  private i = 0
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.i] as Tok
  }
  private next(): Tok {
    return this.toks[this.i++] as Tok
  }
  private is(v: string): boolean {
    const t = this.peek()
    return (t.t === 'op' || t.t === 'name') && t.v === v
  }
  private expect(v: string): void {
    if (!this.is(v))
      throw new AwkSyntaxError(`syntax error at or near ${this.peek().v || 'end of file'}`)
    this.i++
  }
  private skip(): void {
    while (this.peek().t === 'nl' || this.is(';')) this.i++
  }

  program(): Rule[] {
    const rules: Rule[] = []
    for (this.skip(); this.peek().t !== 'eof'; this.skip()) {
      let pattern: Rule['pattern']
      if (this.is('BEGIN') || this.is('END')) pattern = this.next().v as 'BEGIN' | 'END'
      else if (!this.is('{')) pattern = this.expr()
      rules.push({ pattern, action: this.is('{') ? this.block().body : undefined })
    }
    return rules
  }

  private block(): { k: 'block'; body: Stmt[] } {
    this.expect('{')
    const body: Stmt[] = []
    for (this.skip(); !this.is('}'); this.skip()) {
      if (this.peek().t === 'eof') throw new AwkSyntaxError('syntax error at or near end of file')
      body.push(this.stmt())
    }
    this.expect('}')
    return { k: 'block', body }
  }

  private simpleOrBlock(): Stmt {
    while (this.peek().t === 'nl') this.i++
    return this.is('{') ? this.block() : this.stmt()
  }

  private stmt(): Stmt {
    if (++this.depth > 200) throw new AwkSyntaxError('statement nesting too deep')
    try {
      return this.stmtInner()
    } finally {
      this.depth--
    }
  }

  private stmtInner(): Stmt {
    if (this.is('{')) return this.block()
    const t = this.peek()
    if (t.t === 'name' && (t.v === 'print' || t.v === 'printf')) {
      this.i++
      const args: Expr[] = []
      if (!this.is(';') && !this.is('}') && this.peek().t !== 'nl' && this.peek().t !== 'eof') {
        args.push(this.expr())
        while (this.is(',')) {
          this.i++
          args.push(this.expr())
        }
      }
      return { k: t.v, args }
    }
    if (t.t === 'name' && t.v === 'if') {
      this.i++
      this.expect('(')
      const c = this.expr()
      this.expect(')')
      const then = this.simpleOrBlock()
      const save = this.i
      this.skip()
      if (this.is('else')) return (this.i++, { k: 'if', c, then, else: this.simpleOrBlock() })
      this.i = save
      return { k: 'if', c, then }
    }
    if (t.t === 'name' && t.v === 'for') return this.forStmt()
    if (t.t === 'name' && t.v === 'while') {
      this.i++
      this.expect('(')
      const c = this.expr()
      this.expect(')')
      return { k: 'while', c, body: this.simpleOrBlock() }
    }
    if (t.t === 'name' && (t.v === 'next' || t.v === 'exit')) return (this.i++, { k: t.v })
    return { k: 'expr', e: this.expr() }
  }

  private forStmt(): Stmt {
    this.i++
    this.expect('(')
    const a = this.toks[this.i]
    const b = this.toks[this.i + 1]
    const c = this.toks[this.i + 2]
    if (
      a?.t === 'name' &&
      b?.t === 'name' &&
      b.v === 'in' &&
      c?.t === 'name' &&
      this.toks[this.i + 3]?.v === ')'
    ) {
      this.i += 4
      return { k: 'forin', v: a.v, arr: c.v, body: this.simpleOrBlock() }
    }
    const init = this.is(';') ? undefined : this.stmt()
    this.expect(';')
    const cond = this.is(';') ? undefined : this.expr()
    this.expect(';')
    const step = this.is(')') ? undefined : this.stmt()
    this.expect(')')
    return { k: 'for', init, c: cond, step, body: this.simpleOrBlock() }
  }

  expr(noGt = false): Expr {
    const left = this.binary(1, noGt)
    if (this.is('?')) {
      this.i++
      const a = this.expr(noGt)
      this.expect(':')
      return { k: 'cond', c: left, a, b: this.expr(noGt) }
    }
    const t = this.peek()
    if (
      t.t === 'op' &&
      ['=', '+=', '-=', '*=', '/=', '%='].includes(t.v) &&
      (left.k === 'var' || left.k === 'field' || left.k === 'index')
    ) {
      this.i++
      return { k: 'assign', op: t.v, target: left, e: this.expr(noGt) }
    }
    return left
  }

  private binary(min: number, noGt: boolean): Expr {
    let left = this.unary()
    for (;;) {
      const t = this.peek()
      let op = t.t === 'op' || (t.t === 'name' && t.v === 'in') ? t.v : undefined
      if (op === '>' && noGt) return left
      const startsOperand =
        ['num', 'str', 'name', 'func', 're'].includes(t.t) &&
        !(t.t === 'name' && ['in', 'else'].includes(t.v))
      if (op === undefined || precOf(op) === undefined) {
        if (
          startsOperand ||
          (t.t === 'op' && (t.v === '$' || t.v === '(' || t.v === '!' || t.v === '-'))
        )
          op = 'concat'
        else return left
      }
      const prec = precOf(op) as number
      if (prec < min) return left
      if (op !== 'concat') this.i++
      if (op === 'in') {
        const arr = this.next()
        left = { k: 'in', key: left, name: arr.v }
        continue
      }
      const right = this.binary(prec + 1, noGt)
      left = { k: 'bin', op, a: left, b: right }
    }
  }

  private depth = 0

  private unary(): Expr {
    if (++this.depth > 200) throw new AwkSyntaxError('expression nesting too deep')
    try {
      return this.unaryInner()
    } finally {
      this.depth--
    }
  }

  private unaryInner(): Expr {
    if (this.is('!')) return (this.i++, { k: 'not', e: this.unary() })
    if (this.is('-')) return (this.i++, { k: 'neg', e: this.unary() })
    if (this.is('+')) return (this.i++, this.unary())
    if (this.is('++') || this.is('--')) {
      const op = this.next().v as '++' | '--'
      return { k: 'incr', op, target: this.unary(), prefix: true }
    }
    let e = this.primary()
    if (this.is('++') || this.is('--'))
      e = { k: 'incr', op: this.next().v as '++' | '--', target: e, prefix: false }
    return e
  }

  private primary(): Expr {
    const t = this.next()
    if (t.t === 'num') return { k: 'num', v: Number(t.v) }
    if (t.t === 'str') return { k: 'str', v: t.v }
    if (t.t === 're') return { k: 're', v: t.v }
    if (t.t === 'op' && t.v === '$') return { k: 'field', e: this.primary() }
    if (t.t === 'op' && t.v === '(') {
      const e = this.expr()
      this.expect(')')
      return e
    }
    if (t.t === 'func') {
      this.expect('(')
      const args: Expr[] = []
      if (!this.is(')')) {
        args.push(this.expr())
        while (this.is(',')) {
          this.i++
          args.push(this.expr())
        }
      }
      this.expect(')')
      return { k: 'call', name: t.v, args }
    }
    if (t.t === 'name' && !['in', 'else', 'BEGIN', 'END'].includes(t.v)) {
      if (t.v === 'length') return { k: 'call', name: 'length', args: [] }
      if (this.is('[')) {
        this.i++
        const key = this.expr()
        while (this.is(',')) {
          this.i++
          this.expr()
        }
        this.expect(']')
        return { k: 'index', name: t.v, key }
      }
      return { k: 'var', name: t.v }
    }
    throw new AwkSyntaxError(`syntax error at or near ${t.v || 'end of file'}`)
  }
}
