// `test` / `[ ]` (POSIX): string and integer comparisons, -z/-n, !, -a/-o. There are no files,
// so -e/-f/-d are false except for the few paths every host has and /dev's entries (-c for its
// character devices, -h/-L for its links).

import type { Writer } from '../io'
import { devEntry } from '../devices'

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

/** A file test on one of /dev's entries (or /dev), or undefined for any other path. */
function devTest(op: string, v: string): boolean | undefined {
  if (v === '/dev') return ['-e', '-d', '-r', '-x'].includes(op)
  const d = devEntry(v)
  if (!d) return undefined
  const kind = d.mode[0]
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
      return true
    case '-c':
      return kind === 'c'
    case '-d':
      return kind === 'd'
    case '-f':
      return kind === '-'
    case '-h':
    case '-L':
      return kind === 'l'
    case '-s':
      return false
  }
  return undefined
}

function unary(op: string, v: string): boolean | string {
  const dev = devTest(op, v)
  if (dev !== undefined) return dev
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
    case '-c':
    case '-b':
    case '-h':
    case '-L':
    case '-p':
    case '-S':
    case '-w':
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
