// GNU tr: SET1 SET2 translation, -d delete, -s squeeze; ranges, [:classes:] and backslash escapes.

import type { Tool } from '../host'
import { getopt } from './opts'

const CLASS: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
}
CLASS.alpha = (CLASS.upper ?? '') + (CLASS.lower ?? '')
CLASS.alnum = (CLASS.alpha ?? '') + (CLASS.digit ?? '')

function expandSet(spec: string): string[] {
  const chars: string[] = []
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\' }
  for (let i = 0; i < spec.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i))
    if (cls && CLASS[cls[1] as string]) {
      chars.push(...(CLASS[cls[1] as string] as string))
      i += cls[0].length - 1
      continue
    }
    let c = spec[i] as string
    if (c === '\\' && i + 1 < spec.length) c = esc[spec[++i] as string] ?? (spec[i] as string)
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      const end = spec.charCodeAt(i + 2)
      for (let x = c.charCodeAt(0); x <= end; x++) chars.push(String.fromCharCode(x))
      i += 2
    } else chars.push(c)
  }
  return chars
}

/** GNU tr on stdin. */
export const tr: Tool = (p) => {
  const o = getopt(p.argv.slice(1), 'dsc', '', { delete: 'd', 'squeeze-repeats': 's' })
  if (o.bad)
    return {
      stdout: '',
      stderr: `tr: invalid option -- '${o.bad}'\nTry 'tr --help' for more information.\n`,
      exitCode: 1,
    }
  const [s1, s2] = o.operands
  const del = o.flags.has('d')
  if (s1 === undefined || (!del && !o.flags.has('s') && s2 === undefined)) {
    const msg =
      s1 === undefined
        ? 'tr: missing operand\n'
        : `tr: missing operand after '${s1}'\nTwo strings must be given when translating.\n`
    return { stdout: '', stderr: `${msg}Try 'tr --help' for more information.\n`, exitCode: 1 }
  }
  const set1 = expandSet(s1)
  const set2 = s2 === undefined ? [] : expandSet(s2)
  let out = ''
  for (const ch of p.stdin) {
    const idx = set1.indexOf(ch)
    if (del && idx >= 0) continue
    let c = ch
    if (!del && idx >= 0 && set2.length > 0) c = set2[Math.min(idx, set2.length - 1)] as string
    const squeezeSet = del ? set2 : set2.length > 0 ? set2 : set1
    if (o.flags.has('s') && out.endsWith(c) && squeezeSet.includes(c)) continue
    out += c
  }
  return { stdout: out, stderr: '', exitCode: 0 }
}
