// The awk machine: variables, fields and arrays, expressions and statements, and one program's
// rules run over the input lines (BEGIN, each line, END; `next` and `exit`). awk.ts is the tool
// around it; awk-builtins.ts its functions.

import type { Expr, Rule, Stmt } from './awk-ast'
import { callBuiltin } from './awk-builtins'
import { NUMERIC, num, str, type Val } from './awk-values'
import { printfText } from './echo'
import { dict, own } from '../own'
import { AWK_STEP_LIMIT, LimitReached, OUTPUT_LIMIT, withinStringLimit } from '../io'

class Next extends Error {}
class Exit extends Error {}

/** One run of a program: what it has set and printed so far. */
export class Awk {
  vars: Record<string, Val> = dict({ NR: 0, NF: 0, FS: ' ', OFS: ' ', ORS: '\n', FILENAME: '' })
  arrays: Record<string, Record<string, Val>> = dict()
  fields: string[] = ['']
  out = ''

  setRecord(line: string): void {
    const fs = str(this.vars.FS ?? ' ')
    const parts =
      fs === ' '
        ? line
            .trim()
            .split(/[ \t]+/)
            .filter((x) => x !== '')
        : line.split(fs.length === 1 ? fs : new RegExp(fs))
    this.fields = [line, ...parts]
    this.vars.NF = parts.length
  }

  getField(i: number): string {
    return i === 0 ? (this.fields[0] ?? '') : (this.fields[i] ?? '')
  }

  setField(i: number, v: string): void {
    if (i === 0) return this.setRecord(v)
    while (this.fields.length <= i) this.fields.push('')
    this.fields[i] = v
    this.vars.NF = this.fields.length - 1
    this.fields[0] = this.fields.slice(1).join(str(this.vars.OFS ?? ' '))
  }

  eval(e: Expr): Val {
    switch (e.k) {
      case 'num':
        return e.v
      case 'str':
        return e.v
      case 're':
        return new RegExp(e.v).test(this.getField(0)) ? 1 : 0
      case 'var':
        return own(this.vars, e.name) ?? ''
      case 'field':
        return this.getField(Math.trunc(num(this.eval(e.e))))
      case 'index':
        return own(own(this.arrays, e.name) ?? {}, str(this.eval(e.key))) ?? ''
      case 'in':
        return own(own(this.arrays, e.name) ?? {}, str(this.eval(e.key))) !== undefined ? 1 : 0
      case 'not':
        return this.truthy(this.eval(e.e)) ? 0 : 1
      case 'neg':
        return -num(this.eval(e.e))
      case 'cond':
        return this.truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b)
      case 'assign':
        return this.assign(e)
      case 'incr': {
        const old = num(this.eval(e.target))
        const now = e.op === '++' ? old + 1 : old - 1
        this.store(e.target, now)
        return e.prefix ? now : old
      }
      case 'call':
        return callBuiltin(this, e.name, e.args)
      case 'bin':
        return this.binary(e.op, e.a, e.b)
    }
  }

  truthy(v: Val): boolean {
    return typeof v === 'number' ? v !== 0 : v !== '' && !(NUMERIC.test(v) && Number(v) === 0)
  }

  store(target: Expr, v: Val): void {
    if (target.k === 'var') this.vars[target.name] = v
    else if (target.k === 'field') this.setField(Math.trunc(num(this.eval(target.e))), str(v))
    else if (target.k === 'index')
      (this.arrays[target.name] = own(this.arrays, target.name) ?? dict())[
        str(this.eval(target.key))
      ] = v
  }

  assign(e: Extract<Expr, { k: 'assign' }>): Val {
    const rhs = this.eval(e.e)
    const cur = () => num(this.eval(e.target))
    const ops: Record<string, () => Val> = {
      '=': () => rhs,
      '+=': () => cur() + num(rhs),
      '-=': () => cur() - num(rhs),
      '*=': () => cur() * num(rhs),
      '/=': () => cur() / num(rhs),
      '%=': () => cur() % num(rhs),
    }
    const v = (ops[e.op] ?? (() => rhs))()
    this.store(e.target, v)
    return v
  }

  binary(op: string, a: Expr, b: Expr): Val {
    if (op === '&&') return this.truthy(this.eval(a)) && this.truthy(this.eval(b)) ? 1 : 0
    if (op === '||') return this.truthy(this.eval(a)) || this.truthy(this.eval(b)) ? 1 : 0
    if (op === '~' || op === '!~') {
      const re = b.k === 're' ? b.v : str(this.eval(b))
      const hit = new RegExp(re).test(str(this.eval(a)))
      return hit === (op === '~') ? 1 : 0
    }
    const x = this.eval(a)
    const y = this.eval(b)
    if (op === 'concat') return withinStringLimit(str(x) + str(y))
    const arith: Record<string, (p: number, q: number) => number> = {
      '+': (p, q) => p + q,
      '-': (p, q) => p - q,
      '*': (p, q) => p * q,
      '/': (p, q) => p / q,
      '%': (p, q) => p % q,
    }
    const f = arith[op]
    if (f) return f(num(x), num(y))
    const numeric =
      (typeof x === 'number' || NUMERIC.test(x)) && (typeof y === 'number' || NUMERIC.test(y))
    const c = numeric ? num(x) - num(y) : str(x) < str(y) ? -1 : str(x) > str(y) ? 1 : 0
    const cmp: Record<string, boolean> = {
      '<': c < 0,
      '<=': c <= 0,
      '>': c > 0,
      '>=': c >= 0,
      '==': c === 0,
      '!=': c !== 0,
    }
    return cmp[op] ? 1 : 0
  }

  exec(st: Stmt): void {
    switch (st.k) {
      case 'print': {
        const parts =
          st.args.length === 0 ? [this.getField(0)] : st.args.map((a) => str(this.eval(a)))
        this.out += parts.join(str(this.vars.OFS ?? ' ')) + str(this.vars.ORS ?? '\n')
        return
      }
      case 'printf':
        this.out += printfText(st.args.map((a) => str(this.eval(a)))).stdout
        return
      case 'expr':
        this.eval(st.e)
        return
      case 'if':
        if (this.truthy(this.eval(st.c))) this.exec(st.then)
        else if (st.else) this.exec(st.else)
        return
      case 'block':
        for (const s of st.body) this.exec(s)
        return
      case 'forin':
        for (const key of Object.keys(own(this.arrays, st.arr) ?? {})) {
          this.step()
          this.vars[st.v] = key
          this.exec(st.body)
        }
        return
      case 'for':
        for (
          st.init && this.exec(st.init);
          !st.c || this.truthy(this.eval(st.c));
          st.step && this.exec(st.step)
        ) {
          this.step()
          this.exec(st.body)
        }
        return
      case 'while':
        while (this.truthy(this.eval(st.c))) {
          this.step()
          this.exec(st.body)
        }
        return
      case 'next':
        throw new Next()
      case 'exit':
        // POSIX: the status is the expression's; a bare exit (in END) keeps an earlier exit's
        if (st.code !== undefined) this.exitCode = Math.trunc(num(this.eval(st.code))) & 255
        throw new Exit()
    }
  }

  /** loop iterations so far: a program that loops forever (or nearly) stops the line */
  steps = 0

  /** awk's exit status, as `exit expr` set it */
  exitCode = 0

  step(): void {
    if (++this.steps > AWK_STEP_LIMIT) throw new LimitReached('awk-steps')
    if (this.out.length > OUTPUT_LIMIT) throw new LimitReached('output')
  }
}

/**
 * The program's rules over `lines`: BEGIN, each line in turn, END. `ends`: the lines are the whole
 * input; false for the start of an endless one (`yes |`), after which awk would read for ever and
 * never reach END unless an `exit` ends it. Answers whether an `exit` ended the input early.
 */
export function runRules(a: Awk, rules: Rule[], lines: string[], ends = true): boolean {
  let exited = false
  try {
    for (const r of rules) if (r.pattern === 'BEGIN') for (const s of r.action ?? []) a.exec(s)
    for (const line of lines) {
      a.vars.NR = num(a.vars.NR ?? 0) + 1
      a.setRecord(line)
      try {
        for (const r of rules) {
          if (r.pattern === 'BEGIN' || r.pattern === 'END') continue
          if (r.pattern !== undefined && !a.truthy(a.eval(r.pattern))) continue
          if (r.action === undefined) a.out += a.getField(0) + '\n'
          else for (const s of r.action) a.exec(s)
        }
      } catch (e) {
        if (!(e instanceof Next)) throw e
      }
    }
  } catch (e) {
    if (!(e instanceof Exit)) throw e
    exited = true
  }
  if (!ends && !exited) return false
  try {
    for (const r of rules) if (r.pattern === 'END') for (const s of r.action ?? []) a.exec(s)
  } catch (e) {
    if (!(e instanceof Exit)) throw e
  }
  return exited
}
