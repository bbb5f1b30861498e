// A stream of JSON values as apimachinery's YAMLOrJSONDecoder reads it when the input starts with
// `{` (util/yaml/decoder.go): encoding/json's Decoder, a syntax error reported as
// `json: offset N: <Go scanner message>`, a truncated value as `unexpected EOF`.

import type { DecodedDoc } from './manifest-parse'

type Scan = { pos: number; error?: string }

/** Reads consecutive top-level JSON values; a syntax error stops the stream. */
export function parseJsonStream(text: string): DecodedDoc[] {
  const out: DecodedDoc[] = []
  let i = 0
  for (;;) {
    while (i < text.length && isSpace(text[i])) i++
    if (i >= text.length) return out
    const sc: Scan = { pos: i }
    value(text, sc)
    if (sc.error !== undefined) return [...out, { error: sc.error }]
    try {
      out.push({ value: JSON.parse(text.slice(i, sc.pos)) as unknown })
    } catch {
      return [...out, { error: `json: offset ${sc.pos}: invalid character in string literal` }]
    }
    i = sc.pos
  }
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r'

function fail(t: string, sc: Scan, context: string) {
  if (sc.error !== undefined) return
  const c = t[sc.pos]
  sc.error =
    c === undefined
      ? 'unexpected EOF'
      : `json: offset ${sc.pos + 1}: invalid character ${quoteChar(c)} ${context}`
}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''"
  if (c === '"') return `'"'`
  return `'${JSON.stringify(c)
    .slice(1, -1)
    .replace(/\\u00([0-9a-f]{2})/g, '\\x$1')}'`
}

function skip(t: string, sc: Scan) {
  while (isSpace(t[sc.pos])) sc.pos++
}

function value(t: string, sc: Scan): void {
  skip(t, sc)
  const c = t[sc.pos]
  if (c === '{') return object(t, sc)
  if (c === '[') return array(t, sc)
  if (c === '"') return string(t, sc)
  if (c === 't' || c === 'f' || c === 'n')
    return literal(t, sc, c === 't' ? 'true' : c === 'f' ? 'false' : 'null')
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(t.slice(sc.pos, sc.pos + 400))
  if (m) {
    sc.pos += m[0].length
    return
  }
  fail(t, sc, 'looking for beginning of value')
}

function string(t: string, sc: Scan) {
  sc.pos++
  for (; sc.pos < t.length && t[sc.pos] !== '"'; sc.pos++) {
    if (t[sc.pos] === '\\') sc.pos++
    else if (t.charCodeAt(sc.pos) < 32) return fail(t, sc, 'in string literal')
  }
  if (sc.pos >= t.length) return fail(t, sc, '')
  sc.pos++
}

/** true/false/null spelled out, checked byte by byte as encoding/json's scanner does. */
function literal(t: string, sc: Scan, word: string) {
  for (let k = 0; k < word.length; k++, sc.pos++)
    if (t[sc.pos] !== word[k]) return fail(t, sc, `in literal ${word} (expecting '${word[k]}')`)
}

function object(t: string, sc: Scan) {
  sc.pos++
  skip(t, sc)
  if (t[sc.pos] === '}') return void sc.pos++
  for (;;) {
    skip(t, sc)
    if (t[sc.pos] !== '"') return fail(t, sc, 'looking for beginning of object key string')
    string(t, sc)
    skip(t, sc)
    if (t[sc.pos] !== ':') return fail(t, sc, 'after object key')
    sc.pos++
    value(t, sc)
    if (sc.error !== undefined) return
    skip(t, sc)
    if (t[sc.pos] === '}') return void sc.pos++
    if (t[sc.pos] !== ',') return fail(t, sc, 'after object key:value pair')
    sc.pos++
  }
}

function array(t: string, sc: Scan) {
  sc.pos++
  skip(t, sc)
  if (t[sc.pos] === ']') return void sc.pos++
  for (;;) {
    value(t, sc)
    if (sc.error !== undefined) return
    skip(t, sc)
    if (t[sc.pos] === ']') return void sc.pos++
    if (t[sc.pos] !== ',') return fail(t, sc, 'after array element')
    sc.pos++
  }
}
