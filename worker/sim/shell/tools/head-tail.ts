// GNU and busybox head and tail: -n N, -N, -c N (bytes), tail -n +N, the counts' suffixes.
// Left out: -f (nothing grows in a line).

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { getopt, joinLines, linesOf } from './opts'
import { isBusybox, readInputs } from './basic'
import { own } from '../own'
import { byteLength, headBytes, sliceBytes, tailBytes } from '../bytes'

/** GNU's power suffixes (xdectoumax with "bkKmMGTPEZYRQ0"): K is 1024, KB and KD 1000, KiB 1024. */
const POWERS: Record<string, number> = {
  k: 1,
  K: 1,
  m: 2,
  M: 2,
  G: 3,
  T: 4,
  P: 5,
  E: 6,
  Z: 7,
  Y: 8,
  R: 9,
  Q: 10,
}

/** `10`, `+2`, `-1K`, `1kB`: a count with GNU's suffixes (`head -c 1K` is 1024 bytes, `1kB` 1000). */
function gnuCount(spec: string): number | undefined {
  const m = /^[-+]?(\d+)(?:(b)|([kKmMGTPEZYRQ])(B|D|iB)?)?$/.exec(spec)
  if (!m) return undefined
  if (m[2]) return Number(m[1]) * 512
  const power = m[3] ? (POWERS[m[3]] as number) : 0
  const base = m[4] === 'B' || m[4] === 'D' ? 1000 : 1024
  return Number(m[1]) * base ** power
}

/** busybox's counts take the bkm suffixes only (libbb bkm_suffixes: b 512, k 1024, m 1048576). */
function busyboxCount(spec: string): number | undefined {
  const m = /^[-+]?(\d+)([bkm]?)$/.exec(spec)
  if (!m) return undefined
  return Number(m[1]) * { '': 1, b: 512, k: 1024, m: 1024 ** 2 }[m[2] as '' | 'b' | 'k' | 'm']
}

/** `head -5` is `head -n 5`; `head -n -2` keeps its value (all but the last 2). */
function normalise(args: string[]): string[] {
  return args.map((a, i) =>
    /^-\d+$/.test(a) && !/^-[nc]$/.test(args[i - 1] ?? '') ? `-n${a.slice(1)}` : a,
  )
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
  const busybox = isBusybox(p)
  const n = busybox ? busyboxCount(spec) : gnuCount(spec)
  if (n === undefined && busybox)
    return { stdout: '', stderr: `${tool}: invalid number '${spec}'\n`, exitCode: 1 }
  if (n === undefined) {
    // GNU quotes with ‘’ in a UTF-8 locale (the workstation's), '' in C (a pod's)
    const q = /UTF-8/i.test(own(p.env, 'LANG') ?? '') ? `‘${spec}’` : `'${spec}'`
    return {
      stdout: '',
      stderr: `${tool}: invalid number of ${bytes ? 'bytes' : 'lines'}: ${q}\n`,
      exitCode: 1,
    }
  }
  const r = readInputs(
    p,
    tool,
    o.operands,
    tool === 'head' && /^\d/.test(spec) && bytes ? n : undefined,
  )
  const how: Pick = {
    tool,
    bytes,
    n,
    fromStart: spec.startsWith('+'),
    allBut: spec.startsWith('-'),
  }
  const out = bytes ? pickBytes(r.text, how) : pickLines(r.text, how)
  const result = { stdout: out, stderr: r.errors, exitCode: r.errors ? 1 : 0 }
  return p.readEndless ? { ...result, endless: endlessOutput(r.text, how) } : result
}

interface Pick {
  tool: 'head' | 'tail'
  bytes: boolean
  n: number
  fromStart: boolean
  allBut: boolean
}

/** -c counts bytes, not characters: `head -c 16 /dev/urandom` is 16 bytes. */
function pickBytes(t: string, { tool, n, fromStart, allBut }: Pick): string {
  if (tool === 'head')
    return allBut ? sliceBytes(t, 0, Math.max(0, byteLength(t) - n)) : headBytes(t, n)
  return fromStart ? sliceBytes(t, Math.max(0, n - 1)) : tailBytes(t, n)
}

function pickLines(text: string, { tool, n, fromStart, allBut }: Pick): string {
  const lines = linesOf(text)
  const tailNoNewline = text !== '' && !text.endsWith('\n')
  let picked: string[]
  if (tool === 'head')
    picked = allBut ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n)
  else picked = fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n)
  let out = joinLines(picked)
  const includesLast =
    picked.length > 0 &&
    picked[picked.length - 1] === lines[lines.length - 1] &&
    (tool === 'tail' || picked.length === lines.length)
  if (tailNoNewline && includesLast) out = out.slice(0, -1)
  return out
}

/**
 * Whether the output of an endless input never ends: `head -n N` stops once it has N lines (false),
 * and copies for ever when the start it was given has fewer (true: /dev/zero has no newline);
 * `tail -n +N` copies for ever; `tail -n N` and `head -n -N` wait for an end that never comes
 * (undefined: the line is stopped).
 */
function endlessOutput(
  text: string,
  { tool, bytes, n, fromStart, allBut }: Pick,
): boolean | undefined {
  if (tool === 'tail') return fromStart ? true : undefined
  if (allBut) return undefined
  if (bytes) return byteLength(text) < n
  let newlines = 0
  for (let i = text.indexOf('\n'); i >= 0 && newlines < n; i = text.indexOf('\n', i + 1)) newlines++
  return newlines < n
}

/** GNU or busybox head. */
export const head: Tool = (p) => run(p, 'head')
/** GNU or busybox tail (no -f). */
export const tail: Tool = (p) => run(p, 'tail')
