// kubectl 1.32's `explain` plaintext output (kubectl pkg/explain/v2/templates/plaintext.tmpl)
// over the OpenAPI v3 schemas of the kinds the lab documents: KIND/VERSION header, FIELD line
// with ENUM, DESCRIPTION (own + referenced type's), FIELDS with types, -required- and enums.

import schemasJson from './schemas.json'
import { indent, wrapString } from './wordwrap'

export interface Schema {
  description?: string
  type?: string
  enum?: (string | number)[]
  required?: string[]
  $ref?: string
  items?: Schema
  additionalProperties?: Schema
  allOf?: Schema[]
  properties?: Record<string, Schema>
}

const SCHEMAS = schemasJson as Record<string, Schema>

function resolve(s: Schema): Schema {
  return (s.$ref && SCHEMAS[s.$ref]) || s
}

/** typeGuess: `string`, `[]Container`, `map[string]string`, `ServiceSpec`, `Object`. */
export function typeGuess(s: Schema): string {
  if (s.items) return `[]${typeGuess(s.items)}`
  if (s.additionalProperties) return `map[string]${typeGuess(s.additionalProperties)}`
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0] as Schema)
  if (s.$ref) {
    const ref = SCHEMAS[s.$ref]
    if (!ref || !ref.type || ref.type === 'object') return s.$ref.split('.').pop() || 'Object'
    return ref.type
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object'
}

function enumValue(v: string | number): string {
  return v === '' ? '""' : String(v)
}

/** extractEnum: the long `ENUM:` block of a FIELD, or the short `enum: a, b, ....` of a list entry. */
function extractEnum(s: Schema, long: boolean, limit: number, indentAmount = 0): string {
  if (!s.enum || s.enum.length === 0) return ''
  let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `
  for (const [i, v] of s.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....'
      break
    }
    if (!long && i > 0) out += ', '
    else if (long) out += '\n    '
    out += enumValue(v)
  }
  return out
}

function description(s: Schema): string {
  const r = resolve(s)
  let out = r.description ? `${r.description}\n` : ''
  for (const a of r.allOf ?? []) out += description(a)
  if (r.items) out += description(r.items)
  if (r.additionalProperties) out += description(r.additionalProperties)
  return out
}

function fieldDetail(owner: Schema, name: string, level: number, short: boolean): string {
  const field = (owner.properties ?? {})[name] as Schema
  const pad = level * 2
  let out = `${indent(pad, name)}\t<${typeGuess(field)}>`
  if ((owner.required ?? []).includes(name)) out += ' -required-'
  out += extractEnum(field, false, 4, pad) + '\n'
  if (!short)
    out += indent(pad + 2, wrapString(field.description || '<no description>', 78 - pad)) + '\n\n'
  return out
}

function fieldList(s: Schema, level: number, recursive: boolean, seen: Set<string>): string {
  if (s.$ref && seen.has(s.$ref)) return ''
  const next = new Set(seen)
  if (s.$ref) next.add(s.$ref)
  const r = resolve(s)
  let out = ''
  for (const name of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(r, name, level, recursive)
    if (recursive) out += fieldList((r.properties ?? {})[name] as Schema, level + 1, true, next)
  }
  for (const a of r.allOf ?? []) out += fieldList(a, level, recursive, next)
  if (r.items) out += fieldList(r.items, level, recursive, next)
  if (r.additionalProperties) out += fieldList(r.additionalProperties, level, recursive, next)
  return out
}

/** The `output` template: follows the path, then DESCRIPTION and FIELDS; undefined when a field is missing. */
function output(s: Schema, path: string[], recursive: boolean): string | undefined {
  const r = resolve(s)
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r) || '<empty>', 76))}\n`
    const fields = fieldList(r, 1, recursive, new Set())
    if (fields) out += `FIELDS:\n${fields}`
    return out
  }
  const [first, ...rest] = path as [string, ...string[]]
  const sub = r.properties?.[first]
  if (sub) {
    const head =
      rest.length === 0
        ? `FIELD: ${first} <${typeGuess(sub)}>\n${extractEnum(sub, true, -1)}\n\n`
        : ''
    const tail = output(sub, rest, recursive)
    return tail === undefined ? undefined : head + tail
  }
  if (r.items) return output(r.items, path, recursive)
  if (r.additionalProperties) return output(r.additionalProperties, path, recursive)
  for (const a of r.allOf ?? []) {
    const o = output(a, path, recursive)
    if (o) return o
  }
  return undefined
}

export interface ExplainTarget {
  group: string
  kind: string
  version: string
  schema: string
}

/**
 * The whole explain text, or the field that does not exist and the header kubectl has printed
 * by then (its template writes GROUP/KIND/VERSION before it walks the path).
 */
export function renderExplain(
  t: ExplainTarget,
  path: string[],
  recursive: boolean,
): { text: string } | { missing: string; head: string } {
  const root = SCHEMAS[t.schema]
  const body = root ? output({ $ref: t.schema }, path, recursive) : undefined
  const head = `${t.group ? `GROUP:      ${t.group}\n` : ''}KIND:       ${t.kind}\nVERSION:    ${t.version}\n\n`
  if (body === undefined) return { missing: path[path.length - 1] ?? '', head }
  return { text: `${head}${body}\n` }
}
