// Word expansion (XCU 2.6): tilde, parameters, command substitution, arithmetic, then field
// splitting of the unquoted results on blanks. Left out: globbing (there are no files to match;
// an unmatched pattern stays as typed, as bash leaves it) and `IFS` changes.

import type { ParamOp, Word, WordPart } from './ast'
import type { Script } from './ast'
import { expandBraces } from './brace'
import { LimitReached, STRING_LIMIT, withinStringLimit } from './io'

/** An expansion that fails (bad arithmetic): the command is not run, status 1. */
export class ExpansionError extends Error {}

export interface Expander {
  /** a parameter's value; undefined when unset */
  param(name: string): string | undefined
  assign(name: string, value: string): void
  /** runs a substitution and answers its output with trailing newlines removed */
  substitute(script: Script): string
  arith(expr: string): string
  home: string
  /** bash expands `{a,b}` and `{1..3}`; dash and busybox ash leave them as typed */
  braces: boolean
}

/**
 * Expands words into fields (arguments), splitting unquoted substitutions. The whole argument list
 * counts as one string toward the limit (Linux refuses past ARG_MAX, 2 MB, for programs).
 */
export function expandFields(x: Expander, words: Word[]): string[] {
  const fields: string[] = []
  let size = 0
  for (const w of words) {
    for (const b of x.braces ? expandBraces(w) : [w]) {
      for (const f of fieldsOf(x, b)) {
        size += f.length + 1
        if (size > STRING_LIMIT) throw new LimitReached('string')
        fields.push(f)
      }
    }
  }
  return fields
}

function fieldsOf(x: Expander, word: Word): string[] {
  // the field being built is `f.cur` (`f.has`: it exists, even if empty); no closures here: this
  // runs for every word of every line, and a named closure costs a defineProperty when bundled
  const f: Field = { out: [], cur: '', has: false }
  for (let i = 0; i < word.length; i++) {
    const part = word[i] as WordPart
    const text = partValue(x, part, i === 0)
    if (part.t === 'lit' || part.quoted) {
      f.cur = withinStringLimit(f.cur + text)
      if (part.quoted || text !== '') f.has = true
      continue
    }
    const pieces = text.split(/[ \t\n]+/).filter(Boolean)
    if (/^[ \t\n]/.test(text) || (pieces.length === 0 && text !== '')) endField(f)
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) endField(f)
      f.cur = withinStringLimit(f.cur + (pieces[k] as string))
      f.has = true
    }
    if (pieces.length > 0 && /[ \t\n]$/.test(text)) endField(f)
  }
  endField(f)
  return f.out
}

interface Field {
  out: string[]
  cur: string
  has: boolean
}

function endField(f: Field): void {
  if (f.has) f.out.push(f.cur)
  f.cur = ''
  f.has = false
}

/** Expands one word without splitting (assignment values, redirection targets). */
export function expandString(x: Expander, word: Word): string {
  let s = ''
  word.forEach((p, i) => {
    s = withinStringLimit(s + partValue(x, p, i === 0))
  })
  return s
}

function partValue(x: Expander, part: WordPart, first: boolean): string {
  switch (part.t) {
    case 'lit':
      if (first && !part.quoted && (part.v === '~' || part.v.startsWith('~/'))) {
        return x.home + part.v.slice(1)
      }
      return part.v
    case 'param':
      return part.op ? withOp(x, part.name, part.op) : (x.param(part.name) ?? '')
    case 'cmd':
      return x.substitute(part.script)
    case 'arith':
      return x.arith(part.expr)
  }
}

function withOp(x: Expander, name: string, op: ParamOp): string {
  const v = x.param(name)
  if (op.kind === 'len') return String((v ?? '').length)
  const colon = op.kind.startsWith(':')
  const missing = v === undefined || (colon && v === '')
  const kind = op.kind.replace(':', '')
  if (kind === '+') return missing ? '' : expandString(x, op.word)
  if (!missing) return v ?? ''
  const word = expandString(x, op.word)
  if (kind === '=') x.assign(name, word)
  return word
}
