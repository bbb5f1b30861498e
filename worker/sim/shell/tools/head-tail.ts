// GNU head and tail: -n N, -N, -c N, tail -n +N. Left out: -f (nothing grows within a line).

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { getopt, joinLines, linesOf } from './opts'
import { readInputs } from './basic'

function normalise(args: string[]): string[] {
  return args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a))
}

function run(p: Proc, tool: 'head' | 'tail'): ProcessResult {
  const o = getopt(normalise(p.argv.slice(1)), tool === 'tail' ? 'ncqvfF' : 'ncqv', 'nc', {
    lines: 'n',
    bytes: 'c',
  })
  if (o.bad)
    return {
      stdout: '',
      stderr: `${tool}: invalid option -- '${o.bad}'\nTry '${tool} --help' for more information.\n`,
      exitCode: 1,
    }
  if (o.missing)
    return {
      stdout: '',
      stderr: `${tool}: option requires an argument -- '${o.missing}'\nTry '${tool} --help' for more information.\n`,
      exitCode: 1,
    }
  const spec = String(o.flags.get('n') ?? o.flags.get('c') ?? '10')
  const bytes = o.flags.has('c')
  if (!/^[-+]?\d+$/.test(spec)) {
    return {
      stdout: '',
      stderr: `${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'\n`,
      exitCode: 1,
    }
  }
  const r = readInputs(p, tool, o.operands)
  const n = Math.abs(Number(spec))
  const fromStart = spec.startsWith('+')
  const allBut = spec.startsWith('-')
  let out: string
  if (bytes) {
    const t = r.text
    if (tool === 'head') out = allBut ? t.slice(0, Math.max(0, t.length - n)) : t.slice(0, n)
    else out = fromStart ? t.slice(Math.max(0, n - 1)) : t.slice(Math.max(0, t.length - n))
  } else {
    const lines = linesOf(r.text)
    const tailNoNewline = r.text !== '' && !r.text.endsWith('\n')
    let picked: string[]
    if (tool === 'head')
      picked = allBut ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n)
    else picked = fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n)
    out = joinLines(picked)
    const includesLast =
      picked.length > 0 &&
      picked[picked.length - 1] === lines[lines.length - 1] &&
      (tool === 'tail' || picked.length === lines.length)
    if (tailNoNewline && includesLast) out = out.slice(0, -1)
  }
  return { stdout: out, stderr: r.errors, exitCode: r.errors ? 1 : 0 }
}

/** GNU head. */
export const head: Tool = (p) => run(p, 'head')
/** GNU tail (no -f). */
export const tail: Tool = (p) => run(p, 'tail')
