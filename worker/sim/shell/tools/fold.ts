// fold (GNU coreutils; busybox alike): lines cut at -w COLS (80), -s at the last blank before it.
// `tr -dc a-z0-9 < /dev/urandom | fold -w 32 | head -n 1` makes a password. Left out: a character
// is one column (fold moves a tab to its stop, and -b counts bytes: accepted, not applied).

import type { Tool } from '../host'
import { getopt } from './opts'
import { readInputs, streamed } from './basic'
import { own } from '../own'

function foldLine(line: string, width: number, atSpaces: boolean): string {
  let out = ''
  let rest = line
  while (rest.length > width) {
    let cut = width
    if (atSpaces) {
      const blank = rest.lastIndexOf(' ', width - 1)
      if (blank >= 0) cut = blank + 1
    }
    out += `${rest.slice(0, cut)}\n`
    rest = rest.slice(cut)
  }
  return out + rest
}

export const fold: Tool = (p) => {
  const args = p.argv.slice(1).map((a) => (/^-\d+$/.test(a) ? `-w${a.slice(1)}` : a))
  const o = getopt(args, 'bsw', 'w', { bytes: 'b', spaces: 's', width: 'w' })
  if (o.bad || o.missing) {
    const what = o.bad ? `invalid option -- '${o.bad}'` : `option requires an argument -- 'w'`
    return {
      stdout: '',
      stderr: `fold: ${what}\nTry 'fold --help' for more information.\n`,
      exitCode: 1,
    }
  }
  const w = String(o.flags.get('w') ?? '80')
  if (!/^\d+$/.test(w) || Number(w) === 0) {
    const q = /UTF-8/i.test(own(p.env, 'LANG') ?? '') ? `‘${w}’` : `'${w}'`
    const why = /^\d+$/.test(w) ? ': Numerical result out of range' : ''
    return { stdout: '', stderr: `fold: invalid number of columns: ${q}${why}\n`, exitCode: 1 }
  }
  const r = readInputs(p, 'fold', o.operands)
  const stdout = r.text
    .split('\n')
    .map((line) => foldLine(line, Number(w), o.flags.has('s')))
    .join('\n')
  return streamed(p, { stdout, stderr: r.errors, exitCode: r.errors ? 1 : 0 })
}
