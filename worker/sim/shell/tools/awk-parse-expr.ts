// awk's expressions (awk-parse.ts): precedence climbing over the lexer's tokens, with the
// token helpers the statement parser shares; nesting past 200 levels is refused.

import type { Tok } from './awk-lex'
import { AwkSyntaxError, type Expr } from './awk-ast'

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

/** Expressions by precedence climbing, over the lexer's tokens; AwkParser adds the statements. */
export class AwkExprParser {
  protected i = 0
  constructor(protected readonly toks: Tok[]) {}

  protected peek(): Tok {
    return this.toks[this.i] as Tok
  }
  protected next(): Tok {
    return this.toks[this.i++] as Tok
  }
  protected is(v: string): boolean {
    const t = this.peek()
    return (t.t === 'op' || t.t === 'name') && t.v === v
  }
  protected expect(v: string): void {
    if (!this.is(v))
      throw new AwkSyntaxError(`syntax error at or near ${this.peek().v || 'end of file'}`)
    this.i++
  }
  protected skip(): void {
    while (this.peek().t === 'nl' || this.is(';')) this.i++
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

  protected depth = 0

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
