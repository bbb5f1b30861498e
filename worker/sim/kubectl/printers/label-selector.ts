// `-l` label selectors, parsed as apimachinery pkg/labels/selector.go does (same grammar and
// error texts), into requirements the printers match objects with.

import { parseSelector } from '../../objects/selectors'

export interface Requirement {
  key: string
  op: 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | '>' | '<'
  values: string[]
}

type Tok = { t: 'id' | 'op' | 'end'; lit: string }

const SPECIAL = '=!(),><'

function lex(s: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < s.length) {
    const ch = s[i] as string
    if (' \t\r\n'.includes(ch)) {
      i++
    } else if (SPECIAL.includes(ch)) {
      const two = s.slice(i, i + 2)
      const lit = two === '!=' || two === '==' ? two : ch
      out.push({ t: 'op', lit })
      i += lit.length
    } else {
      let j = i
      while (
        j < s.length &&
        !SPECIAL.includes(s[j] as string) &&
        !' \t\r\n'.includes(s[j] as string)
      )
        j++
      out.push({ t: 'id', lit: s.slice(i, j) })
      i = j
    }
  }
  out.push({ t: 'end', lit: '' })
  return out
}

class SelectorParser {
  private pos = 0
  constructor(private toks: Tok[]) {}
  private peek(): Tok {
    return this.toks[this.pos] ?? { t: 'end', lit: '' }
  }
  private next(): Tok {
    const t = this.peek()
    this.pos++
    return t
  }
  parse(): Requirement[] {
    const reqs: Requirement[] = []
    for (;;) {
      const t = this.peek()
      if (t.t === 'end') return reqs
      if (t.t !== 'id' && t.lit !== '!')
        throw new Error(`found '${t.lit}', expected: !, identifier, or 'end of string'`)
      try {
        reqs.push(this.requirement())
      } catch (e) {
        throw new Error(`unable to parse requirement: ${(e as Error).message}`)
      }
      const sep = this.next()
      if (sep.t === 'end') return reqs
      if (sep.lit !== ',') throw new Error(`found '${sep.lit}', expected: ',' or 'end of string'`)
      const after = this.peek()
      if (after.t !== 'id' && after.lit !== '!')
        throw new Error(`found '${after.lit}', expected: identifier after ','`)
    }
  }
  private requirement(): Requirement {
    let t = this.next()
    const notExists = t.lit === '!' && t.t === 'op'
    if (notExists) t = this.next()
    if (t.t !== 'id') throw new Error(`found '${t.lit}', expected: identifier`)
    const key = t.lit
    const la = this.peek()
    if (notExists || la.t === 'end' || la.lit === ',')
      return { key, op: notExists ? '!' : 'exists', values: [] }
    const op = this.next()
    if (op.lit === 'in' || op.lit === 'notin') return { key, op: op.lit, values: this.valueSet() }
    if (['=', '==', '!=', '>', '<'].includes(op.lit) && op.t === 'op') {
      return { key, op: op.lit as Requirement['op'], values: [this.exactValue()] }
    }
    throw new Error(`found '${op.lit}', expected: in, notin, =, ==, !=, gt, lt`)
  }
  private exactValue(): string {
    const la = this.peek()
    if (la.t === 'end' || la.lit === ',') return ''
    const t = this.next()
    if (t.t === 'id') return t.lit
    throw new Error(`found '${t.lit}', expected: identifier`)
  }
  private valueSet(): string[] {
    const open = this.next()
    if (open.lit !== '(') throw new Error(`found '${open.lit}' expected: '('`)
    const values = new Set<string>()
    for (;;) {
      const t = this.next()
      if (t.lit === ')' && t.t === 'op') return [...(values.size ? values : new Set(['']))]
      if (t.t === 'id') values.add(t.lit)
      else if (t.lit === ',') values.add('')
      else throw new Error(`found '${t.lit}', expected: ',', ')' or identifier`)
      const la = this.peek()
      if (la.lit !== ',' && la.lit !== ')')
        throw new Error(`found '${la.lit}', expected: ',' or ')'`)
      if (la.lit === ',') this.next()
    }
  }
}

/**
 * Parses a `-l` selector; `error` carries labels.Parse's message. Key and value syntax is checked
 * by the API server's own parser (objects/selectors.ts), which reports the validation texts.
 */
export function parseLabelSelector(
  text: string,
): { requirements: Requirement[] } | { error: string } {
  const validated = parseSelector(text)
  if (!validated.ok) return { error: validated.error }
  try {
    return { requirements: new SelectorParser(lex(text)).parse() }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

/** Requirement.Matches: `!=`/`notin` also match objects without the label. */
export function matchesRequirements(
  reqs: Requirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {}
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    const v = l[r.key] ?? ''
    switch (r.op) {
      case 'in':
      case '=':
      case '==':
        return has && r.values.includes(v)
      case 'notin':
      case '!=':
        return !has || !r.values.includes(v)
      case 'exists':
        return has
      case '!':
        return !has
      case '>':
      case '<':
        return has && compareInts(v, r.values[0] ?? '', r.op)
    }
  })
}

function compareInts(a: string, b: string, op: '>' | '<'): boolean {
  if (!/^-?\d+$/.test(a) || !/^-?\d+$/.test(b)) return false
  return op === '>' ? Number(a) > Number(b) : Number(a) < Number(b)
}
