// GNU tr: SET1 SET2 translation, -d delete, -s squeeze, -c complement; ranges, [:classes:] and
// backslash escapes. Works on characters (GNU tr on bytes): the same for ASCII sets.

import type { Tool } from '../host'
import { getopt } from './opts'
import { streamed } from './basic'

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
    const octal = /^\\([0-7]{1,3})/.exec(spec.slice(i))
    if (octal) {
      // `\0`, `\012`: a byte by its octal value (`tr '\0' x` turns /dev/zero's bytes into x)
      c = String.fromCharCode(parseInt(octal[1] as string, 8) & 255)
      i += octal[0].length - 1
    } else if (c === '\\' && i + 1 < spec.length)
      c = esc[spec[++i] as string] ?? (spec[i] as string)
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
  const o = getopt(p.argv.slice(1), 'dscC', '', {
    delete: 'd',
    'squeeze-repeats': 's',
    complement: 'c',
  })
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
  const out = translate(p.stdin, set1, set2, {
    del,
    squeeze: o.flags.has('s'),
    complement: o.flags.has('c') || o.flags.has('C'),
  })
  return streamed(p, { stdout: out, stderr: '', exitCode: 0 })
}

interface TrOptions {
  del: boolean
  squeeze: boolean
  /** SET1 stands for every character not in it (`tr -dc a-z0-9` keeps only those) */
  complement: boolean
}

function translate(text: string, set1: string[], set2: string[], o: TrOptions): string {
  const index = new Map<string, number>()
  set1.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i)
  })
  // with -c, SET1's complement is in character order, so SET2's last character maps them all
  const find = (ch: string) =>
    o.complement ? (index.has(ch) ? -1 : set2.length - 1) : (index.get(ch) ?? -1)
  const squeezeSet = new Set(o.del ? set2 : set2.length > 0 ? set2 : set1)
  const squeezes = (c: string) =>
    o.complement && !o.del && set2.length === 0 ? !index.has(c) : squeezeSet.has(c)
  let out = ''
  let last = ''
  for (const ch of text) {
    const idx = find(ch)
    const inSet1 = o.complement ? !index.has(ch) : idx >= 0
    if (o.del && inSet1) continue
    let c = ch
    if (!o.del && inSet1 && set2.length > 0) c = set2[Math.min(idx, set2.length - 1)] as string
    if (o.squeeze && c === last && squeezes(c)) continue
    out += c
    last = c
  }
  return out
}
