// GNU sort in the C.UTF-8 locale (byte order): -n -r -u -f -k POS1[,POS2] -t SEP -h -V.

import type { Tool } from '../host'
import { getopt, joinLines, linesOf } from './opts'
import { readInputs } from './basic'

function field(line: string, sep: string | undefined, k: string): string {
  const [startSpec, endSpec] = k.split(',')
  const start = parseInt(startSpec ?? '1', 10)
  const end = endSpec === undefined ? undefined : parseInt(endSpec, 10)
  const parts = sep === undefined ? line.split(/(?<=\S)(?=\s)/) : line.split(sep)
  const picked = parts.slice(start - 1, end === undefined ? undefined : end)
  return (sep === undefined ? picked.join('') : picked.join(sep)).replace(/^\s+/, '')
}

const UNITS = 'KMGTPE'
function human(v: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)([KMGTPE]?)/i.exec(v)
  if (!m) return 0
  return Number(m[1]) * 1024 ** (UNITS.indexOf((m[2] ?? '').toUpperCase()) + 1)
}

function numeric(v: string): number {
  const m = /^\s*-?\d+(\.\d+)?/.exec(v)
  return m ? Number(m[0]) : 0
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function version(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

/** GNU sort. */
export const sort: Tool = (p) => {
  const o = getopt(p.argv.slice(1), 'nrufk tbhVs', 'kt', {
    numeric: 'n',
    reverse: 'r',
    unique: 'u',
    'ignore-case': 'f',
    key: 'k',
    'field-separator': 't',
    'human-numeric-sort': 'h',
    'version-sort': 'V',
  })
  if (o.bad)
    return {
      stdout: '',
      stderr: `sort: invalid option -- '${o.bad}'\nTry 'sort --help' for more information.\n`,
      exitCode: 2,
    }
  const f = o.flags
  const sep = typeof f.get('t') === 'string' ? (f.get('t') as string) : undefined
  const key = typeof f.get('k') === 'string' ? (f.get('k') as string) : undefined
  const r = readInputs(p, 'sort', o.operands)
  const keyOf = (line: string) => {
    const v = key ? field(line, sep, key) : line
    return f.has('f') ? v.toUpperCase() : v
  }
  const compare = (a: string, b: string): number => {
    const ka = keyOf(a)
    const kb = keyOf(b)
    let c = f.has('n')
      ? numeric(ka) - numeric(kb)
      : f.has('h')
        ? human(ka) - human(kb)
        : f.has('V')
          ? version(ka, kb)
          : cmpStr(ka, kb)
    if (c === 0 && !f.has('u') && !f.has('s')) c = cmpStr(a, b)
    return f.has('r') ? -c : c
  }
  let lines = linesOf(r.text).sort(compare)
  if (f.has('u'))
    lines = lines.filter((l, i) => i === 0 || compare(lines[i - 1] as string, l) !== 0)
  return {
    stdout: joinLines(lines),
    stderr: r.errors.replace(
      /^sort: (.*): No such file or directory$/gm,
      'sort: cannot read: $1: No such file or directory',
    ),
    exitCode: r.errors ? 2 : 0,
  }
}
