// Label selectors: map selectors (Service.spec.selector), LabelSelector (Deployment, ReplicaSet)
// and the `-l` text syntax parsed as k8s.io/apimachinery pkg/labels/selector.go does, with its
// error texts. Field selectors and the `gt`/`lt` operators' numeric checks are left out.

import type { LabelSelector } from './types'
import { goQuote } from './field-errors'
import { isQualifiedName, isValidLabelValue } from './names'

type Labels = Record<string, string> | undefined

/** Service-style selector: every key/value must be present; an empty selector matches everything. */
export function matchesSelector(
  labels: Labels,
  selector: Record<string, string> | undefined,
): boolean {
  for (const [k, v] of Object.entries(selector ?? {})) if (labels?.[k] !== v) return false
  return true
}

/** metav1.LabelSelectorAsSelector + Matches; a nil selector matches nothing, an empty one everything. */
export function matchesLabelSelector(labels: Labels, sel: LabelSelector | undefined): boolean {
  if (!sel) return false
  if (!matchesSelector(labels, sel.matchLabels)) return false
  for (const r of sel.matchExpressions ?? []) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key)
    const v = labels?.[r.key]
    const vals = r.values ?? []
    if (r.operator === 'In' && !(has && vals.includes(v ?? ''))) return false
    if (r.operator === 'NotIn' && has && vals.includes(v ?? '')) return false
    if (r.operator === 'Exists' && !has) return false
    if (r.operator === 'DoesNotExist' && has) return false
  }
  return true
}

export type Requirement =
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt'; values: string[] }

export type ParsedSelector =
  | { ok: true; requirements: Requirement[]; matches: (l: Labels) => boolean }
  | { ok: false; error: string }

type Tok = { t: 'id' | 'sym' | 'end' | 'err'; v: string }

const SYMBOLS = ['!=', '==', '!', '(', ')', ',', '=', '>', '<']
const SPECIAL = /[=!(),><]/

function lex(text: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < text.length) {
    const c = text[i] ?? ''
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (SPECIAL.test(c)) {
      const sym = SYMBOLS.find((s) => text.startsWith(s, i))
      if (!sym) return [...out, { t: 'err', v: `error expected: keyword found '${c}'` }]
      out.push({ t: 'sym', v: sym })
      i += sym.length
      continue
    }
    let j = i
    while (j < text.length && !/\s/.test(text[j] ?? '') && !SPECIAL.test(text[j] ?? '')) j++
    out.push({ t: 'id', v: text.slice(i, j) })
    i = j
  }
  out.push({ t: 'end', v: '' })
  return out
}

const BINARY = 'in, notin, =, ==, !=, gt, lt'

/** labels.Parse: `app=web,tier!=db`, `env in (a,b)`, `!canary`, `release`. Errors as upstream words them. */
export function parseSelector(text: string): ParsedSelector {
  const toks = lex(text)
  let pos = 0
  const peek = () => toks[pos] ?? { t: 'end', v: '' }
  const next = () => toks[pos++] ?? { t: 'end', v: '' }
  const reqs: Requirement[] = []
  for (;;) {
    const tk = peek()
    if (tk.t === 'end') break
    if (tk.t === 'err') return { ok: false, error: tk.v }
    if (!(tk.t === 'id' || tk.v === '!'))
      return { ok: false, error: `found '${tk.v}', expected: !, identifier, or 'end of string'` }
    const r = parseRequirement(peek, next)
    if (typeof r === 'string') return { ok: false, error: `unable to parse requirement: ${r}` }
    reqs.push(r)
    const sep = next()
    if (sep.t === 'end') break
    if (sep.v !== ',')
      return { ok: false, error: `found '${sep.v}', expected: ',' or 'end of string'` }
    const after = peek()
    if (!(after.t === 'id' || after.v === '!'))
      return { ok: false, error: `found '${after.v}', expected: identifier after ','` }
  }
  return {
    ok: true,
    requirements: reqs,
    matches: (l) => reqs.every((r) => matchesRequirement(l, r)),
  }
}

function parseRequirement(peek: () => Tok, next: () => Tok): Requirement | string {
  let tk = next()
  const negate = tk.v === '!'
  if (negate) tk = next()
  if (tk.t !== 'id') return `found '${tk.v}', expected: identifier`
  const key = tk.v
  const keyErrs = isQualifiedName(key)
  if (keyErrs.length) return `<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`
  const la = peek()
  if (negate || la.t === 'end' || la.v === ',') return { key, op: negate ? '!' : 'exists' }
  const opTok = next()
  const ops = ['in', 'notin', '=', '==', '!=', 'gt', 'lt']
  const op = opTok.v === '>' ? 'gt' : opTok.v === '<' ? 'lt' : opTok.v
  if (!ops.includes(op) || (opTok.t === 'id' && op !== 'in' && op !== 'notin'))
    return `found '${opTok.v}', expected: ${BINARY}`
  const values =
    op === 'in' || op === 'notin' ? parseValues(peek, next) : parseExactValue(peek, next)
  if (typeof values === 'string') return values
  for (const [i, v] of values.entries()) {
    const errs = isValidLabelValue(v)
    if (errs.length) return `values[${i}]: Invalid value: ${goQuote(v)}: ${errs.join('; ')}`
  }
  return { key, op: op as 'in', values }
}

function parseValues(peek: () => Tok, next: () => Tok): string[] | string {
  const open = next()
  if (open.v !== '(') return `found '${open.v}' expected: '('`
  const first = peek()
  if (first.v === ')') {
    next()
    return ['']
  }
  if (first.t !== 'id' && first.v !== ',')
    return `found '${first.v}', expected: ',', ')' or identifier`
  const set = new Set<string>()
  for (;;) {
    const tk = next()
    if (tk.t === 'id') {
      set.add(tk.v)
      const la = peek()
      if (la.v === ',') continue
      if (la.v === ')') break
      return `found '${la.v}', expected: ',' or ')'`
    }
    if (tk.v === ',') {
      if (set.size === 0) set.add('')
      if (peek().v === ')') {
        set.add('')
        break
      }
      continue
    }
    return `found '${tk.v}', expected: ',', or identifier`
  }
  next()
  return [...set].sort()
}

function parseExactValue(peek: () => Tok, next: () => Tok): string[] | string {
  const la = peek()
  if (la.t === 'end' || la.v === ',') return ['']
  const tk = next()
  if (tk.t === 'id') return [tk.v]
  return `found '${tk.v}', expected: identifier`
}

function matchesRequirement(labels: Labels, r: Requirement): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key)
  const v = labels?.[r.key] ?? ''
  switch (r.op) {
    case 'exists':
      return has
    case '!':
      return !has
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(v)
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v)
    case 'gt':
      return has && Number(v) > Number(r.values[0])
    case 'lt':
      return has && Number(v) < Number(r.values[0])
  }
}

/** `app=web,tier=db` as kubectl and describe print a map selector (labels.FormatLabels, sorted). */
export function formatSelector(sel: Record<string, string> | undefined): string {
  const keys = Object.keys(sel ?? {}).sort()
  return keys.length ? keys.map((k) => `${k}=${sel?.[k] ?? ''}`).join(',') : '<none>'
}
