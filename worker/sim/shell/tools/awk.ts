// `awk`: runs a program (parsed by awk-parse.ts, run by awk-machine.ts) over the input: fields split on FS (blanks by default),
// numbers printed with %.6g, comparisons numeric when both sides look like numbers.

import type { ProcessResult } from '../../context'
import type { Tool } from '../host'
import { parseAwk } from './awk-parse'
import { AwkSyntaxError, type Rule } from './awk-ast'
import { Awk, runRules } from './awk-machine'
import { readInputs } from './basic'
import { linesOf } from './opts'
import { LimitReached } from '../io'

/** awk [-F fs] [-v var=value] 'program' [file...], as mawk/busybox run one-liners. */
export const awk: Tool = (p): ProcessResult => {
  const args = p.argv.slice(1)
  const a = new Awk()
  let i = 0
  for (; i < args.length; i++) {
    const x = args[i] as string
    if (x === '-F') a.vars.FS = unescapeFs(args[++i] ?? ' ')
    else if (x.startsWith('-F')) a.vars.FS = unescapeFs(x.slice(2))
    else if (x === '-v') assignVar(a, args[++i] ?? '')
    else if (x === '--') {
      i++
      break
    } else break
  }
  const program = args[i]
  if (program === undefined)
    return {
      stdout: '',
      stderr: "usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n",
      exitCode: 2,
    }
  let rules: Rule[]
  try {
    rules = parseAwk(program)
  } catch (e) {
    if (e instanceof AwkSyntaxError)
      return { stdout: '', stderr: `awk: line 1: ${e.message}\n`, exitCode: 2 }
    throw e
  }
  const r = readInputs(
    p,
    'awk',
    args.slice(i + 1).filter((f) => !f.includes('=')),
  )
  // an endless input (`yes |`, /dev/zero) is handed on as its start: its last line is no end
  const endless = p.readEndless === true
  const lines = linesOf(r.text)
  let exited = false
  try {
    exited = runRules(a, rules, endless ? lines.slice(0, -1) : lines, !endless)
  } catch (e) {
    // past the output limit: what was printed goes out, and the terminal's sink stops the line
    if (e instanceof LimitReached && e.reason === 'output')
      return { stdout: a.out, stderr: '', exitCode: 0 }
    if (e instanceof SyntaxError)
      return {
        stdout: a.out,
        stderr: `awk: line 1: regular expression compile failed (${e.message})\n`,
        exitCode: 2,
      }
    throw e
  }
  const result = {
    stdout: a.out,
    stderr: r.errors.replace(/^awk: /gm, 'awk: cannot open '),
    exitCode: r.errors ? 2 : a.exitCode,
  }
  // reading an endless input, awk ends only at an `exit`; else it goes on printing for ever
  return endless ? { ...result, endless: !exited } : result
}

function unescapeFs(fs: string): string {
  return fs === 't' || fs === '\\t' ? '\t' : fs
}

function assignVar(a: Awk, text: string): void {
  const eq = text.indexOf('=')
  if (eq > 0) a.vars[text.slice(0, eq)] = text.slice(eq + 1)
}
