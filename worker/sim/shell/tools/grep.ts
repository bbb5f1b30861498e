// GNU grep 3.11: -i -v -c -E -F -o -n -w -x -q -s -e -h -H -m, basic and extended regular
// expressions (translated to JavaScript's). Left out: -r, -A/-B/-C context, colour.

import type { ProcessResult } from '../../context'
import type { Proc, Tool } from '../host'
import { getopt, linesOf } from './opts'
import { noSuchFile, readArg } from './basic'

const USAGE =
  "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
const LONG: Record<string, string> = {
  'ignore-case': 'i',
  'invert-match': 'v',
  count: 'c',
  'extended-regexp': 'E',
  'fixed-strings': 'F',
  'only-matching': 'o',
  'line-number': 'n',
  'word-regexp': 'w',
  'line-regexp': 'x',
  quiet: 'q',
  silent: 'q',
  regexp: 'e',
  'no-filename': 'h',
  'with-filename': 'H',
  'max-count': 'm',
  'after-context': 'A',
  'before-context': 'B',
  context: 'C',
  'no-messages': 's',
}

/** A BRE as GNU reads it: `\(`, `\|`, `\+`, `\?`, `\{` are the operators, bare ones are literal. */
export function breToJs(re: string): string {
  let out = ''
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i] as string
      out += '(){}|+?'.includes(n) ? n : '\\' + n
    } else if ('(){}|+?'.includes(c)) out += '\\' + c
    else if (c === '[') {
      const end = re.indexOf(
        ']',
        i + (re[i + 1] === ']' ? 2 : re[i + 1] === '^' && re[i + 2] === ']' ? 3 : 1),
      )
      if (end < 0) return out + re.slice(i)
      out += bracket(re.slice(i, end + 1))
      i = end
    } else out += c
  }
  return out
}

const CLASSES: Record<string, string> = {
  '[:alpha:]': 'A-Za-z',
  '[:digit:]': '0-9',
  '[:alnum:]': 'A-Za-z0-9',
  '[:upper:]': 'A-Z',
  '[:lower:]': 'a-z',
  '[:space:]': ' \\t\\n\\r\\f\\v',
  '[:blank:]': ' \\t',
  '[:punct:]': '!-\\/:-@\\[-`{-~',
  '[:xdigit:]': '0-9A-Fa-f',
}

function bracket(b: string): string {
  let s = b.replace(/\[:[a-z]+:\]/g, (m) => CLASSES[m] ?? m)
  s = s.replace(/\\/g, '\\\\')
  return s
}

function ereToJs(re: string): string {
  return re.replace(/\[[^\]]*\[:[a-z]+:\][^\]]*\]/g, (m) => bracket(m))
}

/** One RegExp for all patterns, honouring -F -E -w -x -i; a string is grep's error. */
export function compile(patterns: string[], f: Map<string, string | true>): RegExp | string {
  const sources = patterns.map((p) => {
    let src = f.has('F')
      ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
      : f.has('E')
        ? ereToJs(p)
        : breToJs(p)
    if (f.has('w')) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`
    if (f.has('x')) src = `^(?:${src})$`
    return src
  })
  try {
    return new RegExp(sources.map((s) => `(?:${s})`).join('|'), f.has('i') ? 'gi' : 'g')
  } catch {
    return f.has('E') ? 'Unmatched ( or \\(' : 'Unmatched [, [^, [:, [., or [='
  }
}

function matchLine(re: RegExp, line: string): string[] {
  re.lastIndex = 0
  const found: string[] = []
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[0] === '') {
      re.lastIndex += 1
      continue
    }
    found.push(m[0])
  }
  re.lastIndex = 0
  return found
}

interface Found {
  out: string
  count: number
}

/** The selected lines of one input, with -n/-o/-c and -A/-B/-C context (`--` between groups). */
function grepLines(
  lines: string[],
  re: RegExp,
  f: Map<string, string | true>,
  label: string,
): Found {
  const n = (k: string) => Number(f.get(k) ?? 0) || 0
  const after = f.has('A') ? n('A') : n('C')
  const before = f.has('B') ? n('B') : n('C')
  const max = f.has('m') ? n('m') : Infinity
  const quiet = f.has('c') || f.has('q')
  const fmt = (i: number, sep: string) =>
    `${label && label + sep}${f.has('n') ? `${i + 1}${sep}` : ''}${lines[i]}\n`
  let out = ''
  let count = 0
  let last = -1
  let afterLeft = 0
  for (const [i, line] of lines.entries()) {
    if (count >= max && afterLeft === 0) break
    const hits = matchLine(re, line)
    if (hits.length > 0 !== f.has('v') && count < max) {
      count++
      if (quiet) continue
      const from = Math.max(i - before, last + 1)
      if ((before > 0 || after > 0) && last >= 0 && from > last + 1) out += '--\n'
      for (let j = from; j < i; j++) out += fmt(j, '-')
      const num = f.has('n') ? `${i + 1}:` : ''
      if (f.has('o') && !f.has('v'))
        out += hits.map((h) => `${label && label + ':'}${num}${h}\n`).join('')
      else out += fmt(i, ':')
      last = i
      afterLeft = after
    } else if (afterLeft > 0 && !quiet) {
      out += fmt(i, '-')
      last = i
      afterLeft--
    }
  }
  return { out, count }
}

/** GNU grep over stdin or files. */
export const grep: Tool = (p: Proc): ProcessResult => {
  const o = getopt(p.argv.slice(1), 'ivcEFonwxqsehHmABC', 'emABC', LONG)
  if (o.bad)
    return {
      stdout: '',
      stderr: `grep: invalid option -- '${o.bad.replace(/^--/, '')}'\n${USAGE}`,
      exitCode: 2,
    }
  if (o.missing)
    return {
      stdout: '',
      stderr: `grep: option requires an argument -- '${o.missing}'\n${USAGE}`,
      exitCode: 2,
    }
  const f = o.flags
  const operands = [...o.operands]
  const patterns =
    o.all.get('e') ?? (operands.length > 0 ? [operands.shift() as string] : undefined)
  if (!patterns) return { stdout: '', stderr: USAGE, exitCode: 2 }
  const re = compile(
    patterns.flatMap((pt) => pt.split('\n')),
    f,
  )
  if (typeof re === 'string') return { stdout: '', stderr: `grep: ${re}\n`, exitCode: 2 }
  const files = operands.length > 0 ? operands : ['-']
  const named = f.has('H') || (files.length > 1 && !f.has('h'))
  let out = ''
  let err = ''
  let any = false
  let matched = 0
  for (const file of files) {
    const text = readArg(p, file)
    if (text === undefined) {
      if (!f.has('s')) err += noSuchFile(p, 'grep', file)
      continue
    }
    const label = named ? (file === '-' ? '(standard input)' : file) : ''
    const found = grepLines(linesOf(text), re, f, label)
    out += f.has('c') ? `${label && label + ':'}${found.count}\n` : found.out
    if (found.count > 0) any = true
    matched += found.count
  }
  const ends = p.readEndless ? endlessGrep(f, matched) : {}
  if (f.has('q'))
    return { stdout: '', stderr: any ? '' : err, exitCode: any ? 0 : err ? 2 : 1, ...ends }
  return { stdout: out, stderr: err, exitCode: err ? 2 : any ? 0 : 1, ...ends }
}

/**
 * Reading an endless input: -q stops at its first match, -m N at its Nth; -c, -l and -L wait for
 * an end that never comes (the line is stopped); otherwise grep filters for ever.
 */
function endlessGrep(f: Map<string, string | true>, matched: number): { endless?: boolean } {
  if (f.has('q')) return matched > 0 ? { endless: false } : {}
  if (f.has('m')) return { endless: matched < Number(f.get('m')) }
  if (f.has('c') || f.has('l') || f.has('L')) return {}
  return { endless: true }
}
