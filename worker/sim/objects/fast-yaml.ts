// A fast path for the plain block YAML people write for Kubernetes: mappings, sequences (also
// indentless and `- key: value` items), one-line scalars and one-line flow lists/maps of scalars.
// It answers only when it is sure to agree with the full parser (`yaml` with go-yaml's YAML 1.1
// rules); anything else (anchors, tags, block scalars, multi-line scalars, odd scalars, errors)
// returns undefined and the full parser decides.

interface Line {
  indent: number
  text: string
}

class Bail extends Error {}

const bail = (): never => {
  throw new Bail()
}

/** The document as JSON-able data, or undefined when the full parser must decide. */
export function parseSimpleYaml(doc: string): { value: unknown } | undefined {
  if (/[\t\r&*!|>`@?\\]/.test(doc) || /^[%.]/m.test(doc)) return undefined
  try {
    const lines = toLines(doc)
    if (lines.length === 0) return { value: null }
    const p = { lines, i: 0 }
    if ((lines[0]?.indent ?? 0) !== 0) return undefined
    const value = parseBlock(p, 0)
    return p.i === lines.length ? { value } : undefined
  } catch (e) {
    if (e instanceof Bail) return undefined
    throw e
  }
}

function toLines(doc: string): Line[] {
  const out: Line[] = []
  for (const raw of doc.split('\n')) {
    const text = stripComment(raw).trimEnd()
    if (text.trim() === '') continue
    const indent = text.length - text.trimStart().length
    out.push({ indent, text: text.trimStart() })
  }
  return out
}

/** Drops a `#` comment that is outside quotes and starts the line or follows a space. */
function stripComment(line: string): string {
  let quote = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(line[i - 1] ?? '')) quote = c
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ')) return line.slice(0, i)
  }
  return quote ? bail() : line
}

type P = { lines: Line[]; i: number }

function parseBlock(p: P, indent: number): unknown {
  const line = p.lines[p.i] ?? bail()
  if (line.indent !== indent) bail()
  return isEntry(line.text) ? parseSeq(p, indent) : parseMap(p, indent, line.text)
}

const isEntry = (t: string) => t === '-' || t.startsWith('- ')

function parseSeq(p: P, indent: number): unknown[] {
  const out: unknown[] = []
  for (
    let line = p.lines[p.i];
    line && line.indent === indent && isEntry(line.text);
    line = p.lines[p.i]
  ) {
    const rest = line.text.slice(1).trimStart()
    if (rest === '') {
      p.i++
      const next = p.lines[p.i]
      out.push(next && next.indent > indent ? parseBlock(p, next.indent) : null)
    } else if (isEntry(rest)) bail()
    else if (splitPair(rest)) out.push(parseMap(p, indent + line.text.length - rest.length, rest))
    else {
      out.push(scalarOrFlow(rest))
      p.i++
    }
  }
  return out
}

/** A block mapping at `indent`; `first` is the text of its first pair (maybe after `- `). */
function parseMap(p: P, indent: number, first: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  let text: string | undefined = first
  while (text !== undefined) {
    const pair = splitPair(text) ?? bail()
    const key = parseKey(pair[0])
    p.i++
    out[key] = pair[1] === '' ? blockValue(p, indent) : scalarOrFlow(pair[1])
    if (pair[1] !== '' && (p.lines[p.i]?.indent ?? -1) > indent) bail()
    const next = p.lines[p.i]
    text = next && next.indent === indent && !isEntry(next.text) ? next.text : undefined
  }
  const next = p.lines[p.i]
  if (next && next.indent > indent) bail()
  return out
}

function blockValue(p: P, indent: number): unknown {
  const next = p.lines[p.i]
  if (!next || next.indent < indent) return null
  if (next.indent === indent) return isEntry(next.text) ? parseSeq(p, indent) : null
  return parseBlock(p, next.indent)
}

/** `key: value` / `key:` split at the first `: ` outside quotes; undefined when it is no pair. */
function splitPair(t: string): [string, string] | undefined {
  if (t.startsWith('"') || t.startsWith("'")) {
    const end = t.indexOf(t[0] as string, 1)
    if (end < 0) return undefined
    const rest = t.slice(end + 1)
    if (rest === ':') return [t.slice(0, end + 1), '']
    return rest.startsWith(': ') ? [t.slice(0, end + 1), rest.slice(2).trim()] : undefined
  }
  if (t.endsWith(':') && !t.slice(0, -1).includes(': ')) return [t.slice(0, -1), '']
  const i = t.indexOf(': ')
  return i < 0 ? undefined : [t.slice(0, i), t.slice(i + 2).trim()]
}

function parseKey(k: string): string {
  const v = scalar(k.trim())
  if (typeof v !== 'string' || v === '__proto__' || /^[[{-]/.test(k)) bail()
  return v as string
}

function scalarOrFlow(t: string): unknown {
  if (t.startsWith('[')) return flowItems(t, ']').map((x) => (x.includes(':') ? bail() : scalar(x)))
  if (t.startsWith('{')) {
    const out: Record<string, unknown> = {}
    for (const item of flowItems(t, '}')) {
      const pair = splitPair(item) ?? bail()
      out[parseKey(pair[0])] = scalar(pair[1])
    }
    return out
  }
  return scalar(t)
}

/** The comma-separated items of a one-line, unnested flow collection. */
function flowItems(t: string, close: string): string[] {
  if (!t.endsWith(close)) bail()
  const inner = t.slice(1, -1)
  if (/[[\]{}]/.test(inner)) bail()
  if (inner.trim() === '') return []
  const items: string[] = []
  let cur = ''
  let quote = ''
  for (const c of inner) {
    if (quote) quote = c === quote ? '' : quote
    else if (c === '"' || c === "'") quote = c
    else if (c === ',') {
      items.push(cur.trim())
      cur = ''
      continue
    }
    cur += c
  }
  items.push(cur.trim())
  if (items.some((x) => x === '')) bail()
  return items
}

const NULLS = ['', '~', 'null', 'Null', 'NULL']
const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']

/** YAML 1.1 scalar resolution for the cases that are unambiguous; the rest goes to the full parser. */
function scalar(t: string): unknown {
  if (t.startsWith('"'))
    return t.length > 1 && t.endsWith('"') && !t.slice(1, -1).includes('"')
      ? t.slice(1, -1)
      : bail()
  if (t.startsWith("'")) return quoted(t)
  if (NULLS.includes(t)) return null
  if (TRUE.includes(t)) return true
  if (FALSE.includes(t)) return false
  if (/^(0|-?[1-9][0-9]*)$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t)
  if (/^[0-9]+%$/.test(t)) return t
  if (/^[0-9]{1,3}(\.[0-9]{1,3}){3}$/.test(t)) return t
  if (/^[-+.0-9:,\]}[{#'"]/.test(t) || t.endsWith(':') || t.includes(': ') || t.includes(' #'))
    bail()
  return t
}

function quoted(t: string): string {
  if (t.length < 2 || !t.endsWith("'")) bail()
  const inner = t.slice(1, -1)
  if (inner.replace(/''/g, '').includes("'")) bail()
  return inner.replace(/''/g, "'")
}
