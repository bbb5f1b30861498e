// od (GNU coreutils; busybox's od is GNU's od_bloaty, same output): -A RADIX, -N BYTES, -j BYTES,
// -t TYPE (c, d/u/o/x with sizes 1 2 4 8), the traditional -b -c -d -o -s -x -i -l, -v, -w.
// Little-endian, as on amd64; `*` for repeated lines. Left out: -t a and f, several types at once.

import type { ProcessResult } from '../../context'
import type { Tool } from '../host'
import { getopt } from './opts'
import { readInputs } from './basic'
import { bytesOfText } from '../bytes'

interface Format {
  kind: 'c' | 'd' | 'u' | 'o' | 'x'
  size: number
}

const SIZES: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 }
const TRADITIONAL: Record<string, string> = {
  b: 'o1',
  c: 'c',
  d: 'u2',
  o: 'o2',
  s: 'd2',
  x: 'x2',
  i: 'd4',
  l: 'd8',
}

const usage = (msg: string): ProcessResult => ({
  stdout: '',
  stderr: `od: ${msg}\nTry 'od --help' for more information.\n`,
  exitCode: 1,
})

function parseType(t: string): Format | undefined {
  const m = /^([cduox])([1248CSIL]?)$/.exec(t)
  if (!m) return undefined
  const kind = m[1] as Format['kind']
  if (kind === 'c') return { kind, size: 1 }
  const spec = m[2] as string
  return { kind, size: spec === '' ? 4 : (SIZES[spec] ?? Number(spec)) }
}

/** Digits one value takes: the widest value of its size in that base. */
function fieldWidth(f: Format): number {
  if (f.kind === 'c') return 3
  const max = 2n ** BigInt(8 * f.size) - 1n
  if (f.kind === 'x') return 2 * f.size
  if (f.kind === 'o') return max.toString(8).length
  if (f.kind === 'u') return max.toString().length
  return (-(2n ** BigInt(8 * f.size - 1))).toString().length
}

const ESCAPES: Record<number, string> = {
  0: '\\0',
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
}

/** One value, little-endian: a Number up to 4 bytes (cheap over 256 KB), a BigInt for 8. */
function valueAt(f: Format, bytes: Uint8Array, at: number): number | bigint {
  if (f.size <= 4) {
    let v = 0
    for (let k = f.size - 1; k >= 0; k--) v = v * 256 + (bytes[at + k] ?? 0)
    const half = 2 ** (8 * f.size - 1)
    return f.kind === 'd' && v >= half ? v - 2 * half : v
  }
  let v = 0n
  for (let k = f.size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k] ?? 0)
  if (f.kind === 'd' && v >= 2n ** BigInt(8 * f.size - 1)) v -= 2n ** BigInt(8 * f.size)
  return v
}

function field(f: Format, width: number, bytes: Uint8Array, at: number): string {
  if (f.kind === 'c') {
    const b = bytes[at] as number
    const shown =
      ESCAPES[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))
    return ` ${shown.padStart(width)}`
  }
  const v = valueAt(f, bytes, at)
  const text =
    f.kind === 'x'
      ? v.toString(16).padStart(width, '0')
      : f.kind === 'o'
        ? v.toString(8).padStart(width, '0')
        : v.toString().padStart(width)
  return ` ${text}`
}

interface Layout {
  format: Format
  radix: string
  width: number
  verbose: boolean
  /** the input ended: the last line is its length (an endless one never gets there) */
  ended: boolean
}

function address(n: number, radix: string): string {
  if (radix === 'd') return String(n).padStart(7, '0')
  if (radix === 'x') return n.toString(16).padStart(6, '0')
  return n.toString(8).padStart(7, '0')
}

function dump(bytes: Uint8Array, start: number, l: Layout): string {
  let out = ''
  let last: string | undefined
  let starred = false
  const digits = fieldWidth(l.format)
  for (let at = 0; at < bytes.length; at += l.width) {
    const line = bytes.subarray(at, Math.min(bytes.length, at + l.width))
    const key = line.join(',')
    if (!l.verbose && key === last && line.length === l.width) {
      if (!starred) out += '*\n'
      starred = true
      continue
    }
    last = key
    starred = false
    let fields = ''
    for (let i = 0; i < line.length; i += l.format.size) fields += field(l.format, digits, line, i)
    out += (l.radix === 'n' ? '' : address(start + at, l.radix)) + fields + '\n'
  }
  if (l.radix !== 'n' && l.ended) out += `${address(start + bytes.length, l.radix)}\n`
  return out
}

interface Options {
  format: Format
  radix: string
  limit?: number
  skip: number
  width: number
  verbose: boolean
  warning: string
  files: string[]
}

/** od's options, or the error it prints (GNU's words). */
function parseOptions(argv: string[]): Options | ProcessResult {
  const o = getopt(argv, 'AjNtvwbcdosxil', 'AjNtw', {
    'address-radix': 'A',
    'skip-bytes': 'j',
    'read-bytes': 'N',
    format: 't',
    'output-duplicates': 'v',
    width: 'w',
  })
  if (o.bad) return usage(`invalid option -- '${o.bad}'`)
  if (o.missing) return usage(`option requires an argument -- '${o.missing}'`)
  const radix = String(o.flags.get('A') ?? 'o')
  if (!/^[doxn]$/.test(radix))
    return usage(`invalid output address radix '${radix}'; it must be one character from [doxn]`)
  const traditional = [...o.flags.keys()].find((k) => TRADITIONAL[k])
  const type = String(o.flags.get('t') ?? (traditional ? TRADITIONAL[traditional] : 'o2'))
  const format = parseType(type)
  if (!format && !/^[cduoxaf]/.test(type))
    return usage(`invalid character '${type[0] ?? ''}' in type string '${type}'`)
  if (!format) return usage(`invalid type string '${type}'`)
  for (const k of ['N', 'j']) {
    const v = o.flags.get(k)
    if (v !== undefined && !/^\d+$/.test(String(v)))
      return { stdout: '', stderr: `od: invalid -${k} argument '${String(v)}'\n`, exitCode: 1 }
  }
  let width = o.flags.get('w') === true ? 32 : Number(o.flags.get('w') ?? 16)
  let warning = ''
  // a line holds whole values: any other width is refused with a warning
  if (!Number.isInteger(width) || width <= 0 || width % format.size !== 0) {
    warning = `od: warning: invalid width ${String(o.flags.get('w'))}; using ${format.size} instead\n`
    width = format.size
  }
  const limit = o.flags.has('N') ? Number(o.flags.get('N')) : undefined
  const skip = Number(o.flags.get('j') ?? 0)
  const verbose = o.flags.has('v')
  return { format, radix, limit, skip, width, verbose, warning, files: o.operands }
}

/** od of its files or stdin. */
export const od: Tool = (p) => {
  const o = parseOptions(p.argv.slice(1))
  if ('exitCode' in o) return o
  const { limit, skip } = o
  const r = readInputs(p, 'od', o.files, limit === undefined ? undefined : skip + limit)
  const read = bytesOfText(r.text)
  if (skip > read.length)
    return {
      stdout: '',
      stderr: `${o.warning}od: cannot skip past end of combined input\n`,
      exitCode: 1,
    }
  const all = read.subarray(skip)
  const bytes = limit === undefined ? all : all.subarray(0, limit)
  // -N stops reading in time; without it od reads an endless source for ever
  const ended = !p.readEndless || (limit !== undefined && all.length >= limit)
  const out = dump(bytes, skip, { ...o, ended })
  const result = { stdout: out, stderr: o.warning + r.errors, exitCode: r.errors ? 1 : 0 }
  return p.readEndless ? { ...result, endless: !ended } : result
}
