// The pieces of text kubectl's JSONPath parser reads character by character (client-go
// util/jsonpath/parser.go): terminators, identifier characters, quoted text and slice params,
// with client-go's error texts.

import type { Param } from './jsonpath-ast'

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/

/** The three params of an `[i:j:k]` slice (client-go parseArray), with its error texts. */
export function sliceParams(text: string): [Param, Param, Param] {
  const m = SLICE.exec(text)
  if (!m) throw new Error(`invalid array index ${text}`)
  const params: Param[] = []
  for (let i = 0; i < 3; i++) {
    let v = m[i + 1] ?? ''
    if (v !== '') {
      if (i > 0) v = v.slice(1)
      if (i > 0 && v === '') params.push({ known: false, value: 0, derived: false })
      else {
        if (!/^-?\d+$/.test(v)) throw new Error(`array index ${v} is not a number`)
        params.push({ known: true, value: Number(v), derived: false })
      }
    } else if (i === 1)
      params.push({ known: true, value: (params[0]?.value ?? 0) + 1, derived: true })
    else params.push({ known: false, value: 0, derived: false })
  }
  return params as [Param, Param, Param]
}

/** Whether `r` ends a field name or an identifier (client-go isTerminator). */
export function isTerminator(r: string | undefined): boolean {
  return r === undefined || ' \t\r\n.,[]$@{}'.includes(r)
}

/** A letter, digit or underscore, as Go's unicode.IsLetter/IsDigit see them. */
export function isAlphaNumeric(r: string | undefined): boolean {
  return r !== undefined && /^[_\p{L}\p{Nd}]$/u.test(r)
}

/** A character as Go's %#U prints it in an error: `U+0021 '!'`. */
export function unicodeName(r: string): string {
  const hex = (r.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  return `U+${hex} '${r}'`
}

/** A quoted text's value, as strconv.Unquote reads it. */
export function unquote(raw: string): string {
  const q = raw[0]
  const body = raw.slice(1, -1)
  if (!body.includes('\\') && !(q && body.includes(q))) return body
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    const map: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      '"': '"',
      "'": "'",
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
    }
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16))
    return map[e] ?? e
  })
}
