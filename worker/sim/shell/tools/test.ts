// `test` / `[ ]` (POSIX): string and integer comparisons, -z/-n, !, -a/-o. There are no files,
// so -e/-f/-d are false except for the few paths every host has.

import type { Writer } from '../io'

const KNOWN = new Set([
  '/',
  '/etc',
  '/tmp',
  '/bin',
  '/usr',
  '/etc/hosts',
  '/etc/resolv.conf',
  '/etc/os-release',
  '/dev/null',
])

/** Evaluates `test`/`[` arguments: 0 true, 1 false, 2 usage error (written to err). */
export function runTest(args: string[], err: Writer, prefix: string): number {
  const r = evaluate(args)
  if (typeof r === 'string') {
    err.write(`${prefix}${r}\n`)
    return 2
  }
  return r ? 0 : 1
}

function evaluate(a: string[]): boolean | string {
  const orAt = a.indexOf('-o')
  if (orAt > 0) {
    const l = evaluate(a.slice(0, orAt))
    const r = evaluate(a.slice(orAt + 1))
    return typeof l === 'string' ? l : typeof r === 'string' ? r : l || r
  }
  const andAt = a.indexOf('-a')
  if (andAt > 0) {
    const l = evaluate(a.slice(0, andAt))
    const r = evaluate(a.slice(andAt + 1))
    return typeof l === 'string' ? l : typeof r === 'string' ? r : l && r
  }
  if (a[0] === '!' && a.length > 1) {
    const r = evaluate(a.slice(1))
    return typeof r === 'string' ? r : !r
  }
  if (a.length === 0) return false
  if (a.length === 1) return (a[0] as string) !== ''
  if (a.length === 2) return unary(a[0] as string, a[1] as string)
  if (a.length === 3) return binary(a[0] as string, a[1] as string, a[2] as string)
  return 'too many arguments'
}

function unary(op: string, v: string): boolean | string {
  switch (op) {
    case '-z':
      return v === ''
    case '-n':
      return v !== ''
    case '-e':
    case '-f':
    case '-d':
    case '-r':
    case '-s':
      return KNOWN.has(v)
    case '-x':
      return false
    default:
      return `${op}: unary operator expected`
  }
}

function binary(l: string, op: string, r: string): boolean | string {
  if (op === '=' || op === '==') return l === r
  if (op === '!=') return l !== r
  const ops: Record<string, (x: number, y: number) => boolean> = {
    '-eq': (x, y) => x === y,
    '-ne': (x, y) => x !== y,
    '-lt': (x, y) => x < y,
    '-le': (x, y) => x <= y,
    '-gt': (x, y) => x > y,
    '-ge': (x, y) => x >= y,
  }
  const f = ops[op]
  if (!f) return `${op}: binary operator expected`
  for (const v of [l, r]) if (!/^\s*-?\d+\s*$/.test(v)) return `${v}: integer expression expected`
  return f(Number(l), Number(r))
}
