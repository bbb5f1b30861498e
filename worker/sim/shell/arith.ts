// Shell arithmetic `$(( ))` (XCU 2.6.4): integers, variables, + - * / % ( ), comparisons,
// && ||, unary - and !. Left out: assignments inside the expression, bit operators.

export type ArithResult = { ok: true; value: number } | { ok: false; error: string }

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '>': 4,
  '<=': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
}

/** Evaluates an expression; `lookup` answers a variable's value (unset or empty counts as 0). */
export function evalArith(expr: string, lookup: (name: string) => string | undefined): ArithResult {
  const tokens = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|[-+*/%()<>!]|\S/g) ?? []
  let i = 0
  let depth = 0
  const fail = (msg: string): never => {
    throw new ArithError(`${expr.trim()}: ${msg}`)
  }
  const primary = (): number => {
    const t = tokens[i++]
    if (t === undefined) return fail('syntax error: operand expected (error token is "")')
    if ('(-+!'.includes(t) && ++depth > 200)
      fail(`expression recursion level exceeded (error token is "${t}")`)
    try {
      return operand(t)
    } finally {
      if ('(-+!'.includes(t)) depth--
    }
  }
  const operand = (t: string): number => {
    if (t === '(') {
      const v = binary(0)
      if (tokens[i++] !== ')') fail("syntax error: missing `)'")
      return v
    }
    if (t === '-') return -primary()
    if (t === '+') return primary()
    if (t === '!') return primary() === 0 ? 1 : 0
    if (/^\d+$/.test(t)) return Number(t)
    if (/^[A-Za-z_]/.test(t)) {
      const v = (lookup(t) ?? '').trim()
      if (v === '') return 0
      if (!/^-?\d+$/.test(v)) fail(`syntax error: operand expected (error token is "${v}")`)
      return Number(v)
    }
    return fail(
      `syntax error: operand expected (error token is "${tokens.slice(i - 1).join(' ')}")`,
    )
  }
  const binary = (min: number): number => {
    let left = primary()
    for (;;) {
      const op = tokens[i]
      const prec = op === undefined ? undefined : BINARY[op]
      if (prec === undefined || prec < min) return left
      i++
      const right = binary(prec + 1)
      left = apply(op as string, left, right, fail)
    }
  }
  try {
    if (tokens.length === 0) return { ok: true, value: 0 }
    const value = binary(0)
    if (i < tokens.length)
      fail(`syntax error in expression (error token is "${tokens.slice(i).join(' ')}")`)
    return { ok: true, value }
  } catch (e) {
    if (e instanceof ArithError) return { ok: false, error: e.message }
    throw e
  }
}

class ArithError extends Error {}

function apply(op: string, a: number, b: number, fail: (m: string) => never): number {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      return b === 0 ? fail(`division by 0 (error token is "${b}")`) : Math.trunc(a / b)
    case '%':
      return b === 0 ? fail(`division by 0 (error token is "${b}")`) : a % b
    case '<':
      return a < b ? 1 : 0
    case '>':
      return a > b ? 1 : 0
    case '<=':
      return a <= b ? 1 : 0
    case '>=':
      return a >= b ? 1 : 0
    case '==':
      return a === b ? 1 : 0
    case '!=':
      return a !== b ? 1 : 0
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0
    default:
      return a !== 0 || b !== 0 ? 1 : 0
  }
}
