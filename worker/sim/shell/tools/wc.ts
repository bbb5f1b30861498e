// GNU wc: -l -w -c -m. One count from stdin prints the bare number; several are right-aligned
// to a common width (7 for stdin, as GNU uses when it cannot stat the input).

import type { Tool } from '../host'
import { getopt } from './opts'
import { readArg, noSuchFile } from './basic'
import { utf8Length } from '../../utf8'

function counts(text: string): Record<string, number> {
  return {
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: utf8Length(text),
    m: [...text].length,
  }
}

/** GNU wc: counts of stdin or files. */
export const wc: Tool = (p) => {
  const o = getopt(p.argv.slice(1), 'lwcm', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' })
  if (o.bad)
    return {
      stdout: '',
      stderr: `wc: invalid option -- '${o.bad}'\nTry 'wc --help' for more information.\n`,
      exitCode: 1,
    }
  const chosen = ['l', 'w', 'm', 'c'].filter((k) => o.flags.has(k))
  const keys = chosen.length > 0 ? chosen : ['l', 'w', 'c']
  const files = o.operands
  const rows: { values: number[]; name?: string }[] = []
  let err = ''
  if (files.length === 0) rows.push({ values: keys.map((k) => counts(p.stdin)[k] ?? 0) })
  for (const f of files) {
    const text = readArg(p, f)
    if (text === undefined) err += noSuchFile(p, 'wc', f)
    else rows.push({ values: keys.map((k) => counts(text)[k] ?? 0), name: f })
  }
  if (rows.length > 1)
    rows.push({
      values: keys.map((_, i) => rows.reduce((s, r) => s + (r.values[i] ?? 0), 0)),
      name: 'total',
    })
  const single = keys.length === 1 && rows.length === 1
  const widest = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => String(v).length)))
  const width = single ? 0 : files.length === 0 ? Math.max(7, widest) : widest
  const out = rows
    .map(
      (r) =>
        r.values.map((v) => String(v).padStart(width)).join(' ') +
        (r.name ? ` ${r.name}` : '') +
        '\n',
    )
    .join('')
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 }
}
