// GNU cut: -d DELIM -f LIST, -c LIST, -s; LIST items N, N-M, N-, -M.

import type { Tool } from '../host'
import { getopt, joinLines, linesOf } from './opts'
import { readInputs, streamed } from './basic'

function parseList(list: string): ((i: number) => boolean) | undefined {
  const ranges: [number, number][] = []
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item)
    if (!m || item === '' || item === '-') return undefined
    const a = m[1] ? Number(m[1]) : 1
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a
    if (a === 0) return undefined
    ranges.push([a, b])
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b)
}

const TRY = "Try 'cut --help' for more information.\n"

/** GNU cut. */
export const cut: Tool = (p) => {
  const o = getopt(p.argv.slice(1), 'dfcbs', 'dfcb', {
    delimiter: 'd',
    fields: 'f',
    characters: 'c',
    bytes: 'b',
    'only-delimited': 's',
  })
  if (o.bad) return { stdout: '', stderr: `cut: invalid option -- '${o.bad}'\n${TRY}`, exitCode: 1 }
  const f = o.flags
  const listText = (f.get('f') ?? f.get('c') ?? f.get('b')) as string | undefined
  if (listText === undefined)
    return {
      stdout: '',
      stderr: `cut: you must specify a list of bytes, characters, or fields\n${TRY}`,
      exitCode: 1,
    }
  const pick = parseList(listText)
  if (!pick)
    return { stdout: '', stderr: `cut: invalid field value '${listText}'\n${TRY}`, exitCode: 1 }
  const delim = typeof f.get('d') === 'string' ? (f.get('d') as string) : '\t'
  if (delim.length !== 1)
    return {
      stdout: '',
      stderr: `cut: the delimiter must be a single character\n${TRY}`,
      exitCode: 1,
    }
  const r = readInputs(p, 'cut', o.operands)
  const out: string[] = []
  for (const line of linesOf(r.text)) {
    if (!f.has('f')) {
      out.push([...line].filter((_, i) => pick(i + 1)).join(''))
      continue
    }
    if (!line.includes(delim)) {
      if (!f.has('s')) out.push(line)
      continue
    }
    out.push(
      line
        .split(delim)
        .filter((_, i) => pick(i + 1))
        .join(delim),
    )
  }
  return streamed(p, { stdout: joinLines(out), stderr: r.errors, exitCode: r.errors ? 1 : 0 })
}
