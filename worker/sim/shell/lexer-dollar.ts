// `$...` and backquote forms inside a word: parameters, `${...}`, `$(...)`, `$((...))`, `` `...` ``.

import type { ParamOp, WordPart } from './ast'
import type { Lexer } from './lexer'
import { ShellSyntaxError } from './syntax-error'

const SPECIAL = '?$#!@*-0123456789'

/** Reads a `$` form at lx.i; null when the `$` is a plain character (`$` before a space, `$%`). */
export function readDollar(lx: Lexer, quoted: boolean): WordPart | null {
  const src = lx.src
  const n = src[lx.i + 1]
  if (n === '(' && src[lx.i + 2] === '(') {
    const end = findClose(src, lx.i + 3, 2)
    if (end >= 0 && src[end - 1] === ')') {
      const expr = src.slice(lx.i + 3, end - 1)
      lx.i = end + 1
      return { t: 'arith', expr, quoted }
    }
  }
  if (n === '(') {
    const end = findClose(src, lx.i + 2, 1)
    if (end < 0)
      throw new ShellSyntaxError("unexpected EOF while looking for matching `)'", 'quote')
    const script = lx.parseSub(src.slice(lx.i + 2, end))
    lx.i = end + 1
    return { t: 'cmd', script, quoted }
  }
  if (n === '{') {
    const end = src.indexOf('}', lx.i + 2)
    if (end < 0)
      throw new ShellSyntaxError("unexpected EOF while looking for matching `}'", 'quote')
    const inner = src.slice(lx.i + 2, end)
    lx.i = end + 1
    return braced(lx, inner, quoted)
  }
  if (n !== undefined && SPECIAL.includes(n)) {
    lx.i += 2
    return { t: 'param', name: n, quoted }
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(lx.i + 1, lx.i + 200))
  if (!m) {
    lx.i++
    return null
  }
  lx.i += 1 + m[0].length
  return { t: 'param', name: m[0], quoted }
}

function braced(lx: Lexer, inner: string, quoted: boolean): WordPart {
  const bad = () => new ShellSyntaxError(`\${${inner}}: bad substitution`)
  if (inner.startsWith('#') && inner.length > 1) {
    const name = inner.slice(1)
    if (!isName(name)) throw bad()
    return { t: 'param', name, quoted, op: { kind: 'len', word: [] } }
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9])(:?[-=+])?(.*)$/s.exec(inner)
  if (!m || (!m[2] && m[3])) throw bad()
  const name = m[1] as string
  if (!m[2]) return { t: 'param', name, quoted }
  const word = lx.subWord(m[3] ?? '')
  const op: ParamOp = { kind: m[2] as ParamOp['kind'], word }
  return { t: 'param', name, quoted, op }
}

function isName(s: string): boolean {
  return /^([A-Za-z_][A-Za-z0-9_]*|[?$#!@*0-9])$/.test(s)
}

/** Reads `` `...` ``: inside, `\\`, `` \` `` and `\$` lose their backslash (POSIX). */
export function readBackquote(lx: Lexer, quoted: boolean): WordPart {
  const src = lx.src
  let j = lx.i + 1
  let inner = ''
  while (j < src.length && src[j] !== '`') {
    if (src[j] === '\\' && '\\`$'.includes(src[j + 1] ?? 'x')) {
      inner += src[j + 1]
      j += 2
    } else {
      inner += src[j]
      j++
    }
  }
  if (j >= src.length)
    throw new ShellSyntaxError("unexpected EOF while looking for matching ``'", 'quote')
  lx.i = j + 1
  return { t: 'cmd', script: lx.parseSub(inner), quoted }
}

/** Index of the `)` closing `depth` open parentheses, skipping quotes and escapes; -1 if none. */
export function findClose(src: string, from: number, depth: number): number {
  let d = depth
  for (let j = from; j < src.length; j++) {
    const c = src[j]
    if (c === '\\') j++
    else if (c === "'") {
      const e = src.indexOf("'", j + 1)
      if (e < 0) return -1
      j = e
    } else if (c === '"') {
      j = skipDouble(src, j)
      if (j < 0) return -1
    } else if (c === '`') {
      const e = src.indexOf('`', j + 1)
      if (e < 0) return -1
      j = e
    } else if (c === '(') d++
    else if (c === ')') {
      d--
      if (d === 0) return j
    }
  }
  return -1
}

function skipDouble(src: string, start: number): number {
  for (let j = start + 1; j < src.length; j++) {
    const c = src[j]
    if (c === '\\') j++
    else if (c === '"') return j
    else if (c === '$' && src[j + 1] === '(') {
      const e = findClose(src, j + 2, 1)
      if (e < 0) return -1
      j = e
    }
  }
  return -1
}
