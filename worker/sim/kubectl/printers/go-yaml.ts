// kubectl's `-o yaml` (cli-runtime pkg/printers/yaml.go -> sigs.k8s.io/yaml -> go-yaml v2):
// map keys sorted by go-yaml's natural order, sequences inside mappings not indented, strings
// quoted only when needed, long plain/quoted strings folded past column 80, `|` blocks for
// multi-line text. Written as go-yaml's emitter writes, one indicator at a time.

import { yamlKeyCompare } from './go-yaml-keys'
import { isBreak, isPrintable, scalarStyle } from './go-yaml-style'
import { utf8Length } from '../../utf8'

const BEST_INDENT = 2
const BEST_WIDTH = 80

class Emitter {
  out = ''
  column = 0
  whitespace = true
  indention = true
  indent = -1
  private indents: number[] = []

  put(s: string): void {
    this.out += s
    this.column += [...s].length
  }
  putBreak(): void {
    this.out += '\n'
    this.column = 0
  }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }
  indicator(s: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.put(s)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }
  popIndent(): void {
    this.indent = this.indents.pop() ?? -1
  }
}

/** yaml.Marshal of decoded JSON, ending with a newline as kubectl prints it. */
export function marshalYaml(value: unknown): string {
  const e = new Emitter()
  node(e, value, { mapping: false, simpleKey: false })
  e.writeIndent()
  return e.out
}

interface Context {
  mapping: boolean
  simpleKey: boolean
}

function node(e: Emitter, v: unknown, ctx: Context): void {
  if (Array.isArray(v)) return sequence(e, v, ctx)
  if (v !== null && typeof v === 'object') return mapping(e, v as Record<string, unknown>)
  if (typeof v === 'string') return scalar(e, v, scalarStyle(v, ctx.simpleKey), ctx.simpleKey)
  return scalar(e, plainText(v), 'plain', ctx.simpleKey)
}

function plainText(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'number') return formatNumber(v)
  return String(v)
}

/** Integers as ints; other numbers as strconv.FormatFloat(f, 'g', -1, 64). */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n)
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf'
  const exp = Math.floor(Math.log10(Math.abs(n)))
  if (exp < -4 || exp >= 21) {
    const [m = '', x = '0'] = n.toExponential().split('e')
    const xn = Number(x)
    return `${m}e${xn < 0 ? '-' : '+'}${String(Math.abs(xn)).padStart(2, '0')}`
  }
  return String(n)
}

function sequence(e: Emitter, items: unknown[], ctx: Context): void {
  if (items.length === 0) {
    e.indicator('[', true, true, false)
    e.indicator(']', false, false, false)
    return
  }
  e.increaseIndent(false, ctx.mapping && !e.indention)
  for (const item of items) {
    e.writeIndent()
    e.indicator('-', true, false, true)
    node(e, item, { mapping: false, simpleKey: false })
  }
  e.popIndent()
}

function mapping(e: Emitter, m: Record<string, unknown>): void {
  const keys = Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(yamlKeyCompare)
  if (keys.length === 0) {
    e.indicator('{', true, true, false)
    e.indicator('}', false, false, false)
    return
  }
  e.increaseIndent(false, false)
  for (const k of keys) {
    e.writeIndent()
    if (isSimpleKey(k)) {
      node(e, k, { mapping: true, simpleKey: true })
      e.indicator(':', false, false, false)
    } else {
      e.indicator('?', true, false, true)
      node(e, k, { mapping: true, simpleKey: false })
      e.writeIndent()
      e.indicator(':', true, false, true)
    }
    node(e, m[k], { mapping: true, simpleKey: false })
  }
  e.popIndent()
}

/** check_simple_key: one line and at most 128 bytes. */
function isSimpleKey(k: string): boolean {
  return !/[\r\n\u0085\u2028\u2029]/.test(k) && utf8Length(k) <= 128
}

function scalar(e: Emitter, s: string, style: string, simpleKey: boolean): void {
  e.increaseIndent(true, false)
  if (style === 'plain') writePlain(e, s, !simpleKey)
  else if (style === 'single') writeQuoted(e, s, "'", !simpleKey)
  else if (style === 'double') writeQuoted(e, s, '"', !simpleKey)
  else writeLiteral(e, s)
  e.popIndent()
}

function writePlain(e: Emitter, s: string, allowBreaks: boolean): void {
  if (!e.whitespace) e.put(' ')
  const chars = [...s]
  let spaces = false
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && chars[i + 1] !== ' ') e.writeIndent()
      else e.put(ch)
      spaces = true
    } else {
      e.put(ch)
      e.indention = false
      spaces = false
    }
  })
  e.whitespace = false
  e.indention = false
}

function writeQuoted(e: Emitter, s: string, q: string, allowBreaks: boolean): void {
  e.indicator(q, true, false, false)
  const chars = [...s]
  let spaces = false
  chars.forEach((ch, i) => {
    if (
      q === '"' &&
      (!isPrintable(ch) || ch === '\ufeff' || isBreak(ch) || ch === '"' || ch === '\\')
    ) {
      e.put(escapeDouble(ch))
      spaces = false
    } else if (ch === ' ') {
      const canBreak = i > 0 && i < chars.length - 1 && (q === '"' || chars[i + 1] !== ' ')
      if (allowBreaks && !spaces && e.column > BEST_WIDTH && canBreak) {
        e.writeIndent()
        if (q === '"' && chars[i + 1] === ' ') e.put('\\')
      } else e.put(ch)
      spaces = true
    } else {
      if (q === "'" && ch === "'") e.put("'")
      e.put(ch)
      spaces = false
    }
  })
  e.indicator(q, false, false, false)
  e.whitespace = false
  e.indention = false
}

const ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
}

function escapeDouble(ch: string): string {
  const c = ch.codePointAt(0) ?? 0
  const short = ESCAPES[c]
  if (short) return '\\' + short
  const hex = c.toString(16).toUpperCase()
  if (c <= 0xff) return '\\x' + hex.padStart(2, '0')
  if (c <= 0xffff) return '\\u' + hex.padStart(4, '0')
  return '\\U' + hex.padStart(8, '0')
}

function writeLiteral(e: Emitter, s: string): void {
  e.indicator('|', true, false, false)
  const chars = [...s]
  if (chars[0] === ' ' || isBreak(chars[0] ?? ''))
    e.indicator(String(BEST_INDENT), false, false, false)
  const last = chars[chars.length - 1] ?? ''
  const beforeLast = chars[chars.length - 2]
  let chomp = ''
  if (!isBreak(last)) chomp = '-'
  else if (chars.length === 1 || (beforeLast !== undefined && isBreak(beforeLast))) chomp = '+'
  if (chomp) e.indicator(chomp, false, false, false)
  e.putBreak()
  e.indention = true
  e.whitespace = true
  let breaks = true
  for (const ch of chars) {
    if (isBreak(ch)) {
      e.putBreak()
      e.indention = true
      breaks = true
    } else {
      if (breaks) e.writeIndent()
      e.put(ch)
      e.indention = false
      breaks = false
    }
  }
}
