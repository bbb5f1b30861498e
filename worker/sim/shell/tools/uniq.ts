// GNU uniq: adjacent duplicates; -c prefixes the count right-aligned in 7 columns (`%7d `), -d, -u, -i.

import type { Tool } from '../host'
import { getopt, joinLines, linesOf } from './opts'
import { readInputs } from './basic'

/** GNU uniq. */
export const uniq: Tool = (p) => {
  const o = getopt(p.argv.slice(1), 'cdui', '', {
    count: 'c',
    repeated: 'd',
    unique: 'u',
    'ignore-case': 'i',
  })
  if (o.bad)
    return {
      stdout: '',
      stderr: `uniq: invalid option -- '${o.bad}'\nTry 'uniq --help' for more information.\n`,
      exitCode: 1,
    }
  const f = o.flags
  const r = readInputs(p, 'uniq', o.operands.slice(0, 1))
  const same = (a: string, b: string) =>
    f.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b
  const groups: { line: string; n: number }[] = []
  for (const line of linesOf(r.text)) {
    const last = groups[groups.length - 1]
    if (last && same(last.line, line)) last.n++
    else groups.push({ line, n: 1 })
  }
  const kept = groups.filter(
    (g) => (f.has('d') ? g.n > 1 : true) && (f.has('u') ? g.n === 1 : true),
  )
  const out = kept.map((g) => (f.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line))
  return { stdout: joinLines(out), stderr: r.errors, exitCode: r.errors ? 1 : 0 }
}
