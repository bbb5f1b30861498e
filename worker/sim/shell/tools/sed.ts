// GNU sed for one-liners in pipes (`kubectl get svc web -o yaml | sed 's/ClusterIP/NodePort/' |
// kubectl apply -f -`): -n, -e, -E/-r, commands s///[gip], p, d, q, with a line number, `$` or
// /regex/ address. Left out: ranges, hold space, branches, -i (there are no files to edit).

import type { ProcessResult } from '../../context'
import type { Tool } from '../host'
import { breToJs } from './grep'
import { readInputs } from './basic'
import { linesOf } from './opts'

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp }

interface Command {
  addr?: Address
  negate: boolean
  op: 's' | 'p' | 'd' | 'q'
  re?: RegExp
  replacement?: string
  print?: boolean
}

class SedError extends Error {}

function regex(src: string, ere: boolean, flags: string): RegExp {
  try {
    return new RegExp(ere ? src : breToJs(src), flags)
  } catch {
    throw new SedError('unterminated address regex')
  }
}

/** Splits `s/a/b/g` on its delimiter, honouring backslash-escaped delimiters. */
function splitDelimited(text: string, delim: string): string[] {
  const parts: string[] = []
  let cur = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === '\\' && text[i + 1] === delim) {
      cur += delim
      i++
    } else if (c === delim) {
      parts.push(cur)
      cur = ''
    } else cur += c
  }
  parts.push(cur)
  return parts
}

function parseScript(script: string, ere: boolean): Command[] {
  const cmds: Command[] = []
  for (const raw of script
    .split(/;|\n/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    let rest = raw
    let addr: Address | undefined
    const line = /^(\d+)/.exec(rest)
    const re = /^\/((?:\\\/|[^/])*)\//.exec(rest)
    if (line) addr = { kind: 'line', n: Number(line[1]) }
    else if (rest.startsWith('$')) addr = { kind: 'last' }
    else if (re) addr = { kind: 're', re: regex((re[1] ?? '').replace(/\\\//g, '/'), ere, '') }
    rest = rest
      .slice(line?.[0].length ?? (addr?.kind === 'last' ? 1 : (re?.[0].length ?? 0)))
      .trimStart()
    const negate = rest.startsWith('!')
    if (negate) rest = rest.slice(1).trimStart()
    const op = rest[0]
    if (op === 's') {
      const parts = splitDelimited(rest.slice(2), rest[1] ?? '/')
      const [pattern = '', replacement = '', flags = ''] = parts
      if (parts.length < 3)
        throw new SedError(`-e expression #1, char ${raw.length}: unterminated \`s' command`)
      const jsFlags = (flags.includes('g') ? 'g' : '') + (/[iI]/.test(flags) ? 'i' : '')
      cmds.push({
        addr,
        negate,
        op: 's',
        re: regex(pattern, ere, jsFlags),
        replacement,
        print: flags.includes('p'),
      })
    } else if (op === 'p' || op === 'd' || op === 'q') cmds.push({ addr, negate, op })
    else throw new SedError(`-e expression #1, char ${raw.length}: unknown command: \`${op ?? ''}'`)
  }
  return cmds
}

/** sed's replacement: `&` is the match, `\1`..`\9` the groups, `\n` a newline. */
function replacement(repl: string, m: string, groups: string[]): string {
  return repl.replace(/\\([0-9n&\\])|&/g, (all, c: string | undefined) => {
    if (all === '&') return m
    if (c === 'n') return '\n'
    if (c === '&' || c === '\\') return c
    return groups[Number(c) - 1] ?? ''
  })
}

function matches(a: Address | undefined, line: string, n: number, last: boolean): boolean {
  if (!a) return true
  if (a.kind === 'line') return a.n === n
  if (a.kind === 'last') return last
  return a.re.test(line)
}

/**
 * The script over `lines` (`ends`: they are the whole input, so the last is `$`; `missingNewline`:
 * the input's last line has none); what it printed and whether `q` ended it.
 */
function runScript(
  cmds: Command[],
  lines: string[],
  quiet: boolean,
  ends: boolean,
  missingNewline = false,
): { out: string; quit: boolean } {
  let out = ''
  let quit = false
  let lastStart = 0
  for (const [i, original] of lines.entries()) {
    lastStart = out.length
    let line = original
    let deleted = false
    for (const c of cmds) {
      if (matches(c.addr, line, i + 1, ends && i === lines.length - 1) === c.negate) continue
      if (c.op === 'd') {
        deleted = true
        break
      }
      if (c.op === 'p') out += line + '\n'
      if (c.op === 'q') quit = true
      if (c.op === 's' && c.re) {
        let changed = false
        line = line.replace(c.re, (m: string, ...rest: unknown[]) => {
          changed = true
          const groups = rest.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''))
          return replacement(c.replacement ?? '', m, groups)
        })
        if (changed && c.print) out += line + '\n'
      }
      if (quit) break
    }
    if (!deleted && !quiet) out += line + '\n'
    if (quit) break
  }
  // GNU sed: the input's last line without a newline is written without one (but by `q`)
  if (missingNewline && !quit && out.length > lastStart) out = out.slice(0, -1)
  return { out, quit }
}

/** GNU sed over stdin or files, for substitutions and line filters. */
export const sed: Tool = (p): ProcessResult => {
  const args = p.argv.slice(1)
  const scripts: string[] = []
  const files: string[] = []
  let quiet = false
  let ere = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-n' || a === '--quiet') quiet = true
    else if (a === '-E' || a === '-r') ere = true
    else if (a === '-e') scripts.push(args[++i] ?? '')
    else if (a === '-i' || a.startsWith('-i'))
      return {
        stdout: '',
        stderr: 'sed: -i: there are no files to edit in this terminal; use a pipe\n',
        exitCode: 4,
      }
    else if (a.startsWith('-') && a !== '-')
      return {
        stdout: '',
        stderr: `sed: invalid option -- '${a.slice(1, 2)}'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n`,
        exitCode: 1,
      }
    else if (scripts.length === 0) scripts.push(a)
    else files.push(a)
  }
  if (scripts.length === 0)
    return {
      stdout: '',
      stderr: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n',
      exitCode: 1,
    }
  try {
    const cmds = parseScript(scripts.join('\n'), ere)
    const r = readInputs(p, 'sed', files)
    const err = r.errors.replace(/^sed: (.*)$/gm, "sed: can't read $1")
    // an endless input (`yes |`, /dev/zero) is handed on as its start: its last line is no end,
    // and sed ends only at a `q`; else it goes on printing for ever
    const endless = p.readEndless === true
    const lines = linesOf(r.text)
    const missingNewline = !endless && r.text !== '' && !r.text.endsWith('\n')
    const run = runScript(
      cmds,
      endless ? lines.slice(0, -1) : lines,
      quiet,
      !endless,
      missingNewline,
    )
    const result = { stdout: run.out, stderr: err, exitCode: err ? 2 : 0 }
    return endless ? { ...result, endless: !run.quit } : result
  } catch (e) {
    if (e instanceof SedError) return { stdout: '', stderr: `sed: ${e.message}\n`, exitCode: 1 }
    throw e
  }
}
