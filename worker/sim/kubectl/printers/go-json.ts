// encoding/json output as kubectl writes it: `-o json` is json.MarshalIndent with 4 spaces; maps
// (unstructured objects) have sorted keys, typed objects keep Go struct field order; <, > and &
// are escaped as \u003c, \u003e, \u0026 (HTML-safe encoding is on by default).

import { sortedKeys } from './go-format'

/** Orders an object's keys; the default sorts them as Go sorts map keys. */
export type KeyOrder = (path: string[], obj: Record<string, unknown>) => string[]

const SORTED: KeyOrder = (_path, obj) => sortedKeys(obj)

/** json.Marshal (compact) when indent is '', json.MarshalIndent(v, "", indent) otherwise. */
export function marshalGo(v: unknown, indent = '', order: KeyOrder = SORTED): string {
  return encode(v, indent, '', order, [])
}

function encode(
  v: unknown,
  indent: string,
  prefix: string,
  order: KeyOrder,
  path: string[],
): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return quoteJson(v)
  if (typeof v === 'number') return Number.isFinite(v) ? numberJson(v) : 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  const inner = prefix + indent
  const nl = indent ? '\n' : ''
  const colon = indent ? ': ' : ':'
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    const items = v.map(
      (x) => (indent ? inner : '') + encode(x, indent, inner, order, [...path, '[]']),
    )
    return `[${nl}${items.join(',' + nl)}${nl}${indent ? prefix : ''}]`
  }
  const o = v as Record<string, unknown>
  const keys = order(path, o).filter((k) => o[k] !== undefined)
  if (keys.length === 0) return '{}'
  const items = keys.map(
    (k) =>
      (indent ? inner : '') +
      quoteJson(k) +
      colon +
      encode(o[k], indent, inner, order, [...path, k]),
  )
  return `{${nl}${items.join(',' + nl)}${nl}${indent ? prefix : ''}}`
}

function numberJson(n: number): string {
  if (Number.isInteger(n)) return String(n)
  const abs = Math.abs(n)
  // encoding/json switches to exponent form below 1e-6 and from 1e21, like JavaScript
  let s = String(n)
  if (abs < 1e-6 || abs >= 1e21) s = s.replace(/e([+-])(\d)$/, 'e$10$2')
  return s
}

/** encoding/json string escaping with HTML-safe escapes. */
export function quoteJson(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`
    } else out += ch
  }
  return out + '"'
}
