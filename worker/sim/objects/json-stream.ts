// A stream of JSON objects as apimachinery's YAMLOrJSONDecoder reads it when input starts with `{`.

import type { DecodedDoc } from './manifest-parse'

/** Splits concatenated top-level JSON values and parses each; a syntax error stops the stream. */
export function parseJsonStream(text: string): DecodedDoc[] {
  const out: DecodedDoc[] = []
  let i = 0
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++
    if (i >= text.length) break
    const end = valueEnd(text, i)
    const chunk = text.slice(i, end)
    try {
      out.push({ value: JSON.parse(chunk) as unknown })
    } catch {
      out.push({ error: `json: line ${lineOf(text, end)}: ${goJsonError(chunk)}` })
      return out
    }
    i = end
  }
  return out
}

function valueEnd(text: string, start: number): number {
  let depth = 0
  let inStr = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inStr) {
      if (c === '\\') i++
      else if (c === '"') inStr = false
      continue
    }
    if (c === '"') inStr = true
    else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return text.length
}

function lineOf(text: string, pos: number): number {
  return text.slice(0, pos).split('\n').length
}

/** Go encoding/json's wording for the common cases. */
function goJsonError(chunk: string): string {
  try {
    JSON.parse(chunk)
    return 'unexpected end of JSON input'
  } catch (e) {
    const msg = e instanceof Error ? e.message : ''
    const m = /Unexpected token '?(.)'?,? .*?(?:in JSON at position|is not valid JSON)/.exec(msg)
    if (m) return `invalid character '${m[1]}' looking for beginning of object key string`
    return 'unexpected end of JSON input'
  }
}
