// A small awk (POSIX awk, as mawk/busybox run it) for one-liners: patterns (BEGIN, END, /re/,
// expressions), print/printf, variables and arrays, if/for/for-in/next, the usual operators and
// length/substr/index/split/tolower/toupper/int/sprintf/sub/gsub. Left out: getline, user functions,
// output redirection, ranges.

import { lex } from './awk-lex'
import { AwkExprParser } from './awk-parse-expr'
import { AwkSyntaxError, type Expr, type Rule, type Stmt } from './awk-ast'

/** A program's rules, or AwkSyntaxError. */
export function parseAwk(src: string): Rule[] {
  return new AwkParser(lex(src)).program()
}

/** The program's rules and statements; expressions come from AwkExprParser. */
class AwkParser extends AwkExprParser {
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
    if (t.t === 'name' && t.v === 'next') return (this.i++, { k: 'next' })
    if (t.t === 'name' && t.v === 'exit') {
      this.i++
      // `exit` [expression]: the expression, if any, is awk's exit status
      const n = this.peek()
      const bare = n.t === 'nl' || n.t === 'eof' || this.is(';') || this.is('}')
      return bare ? { k: 'exit' } : { k: 'exit', code: this.expr() }
    }
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
}
