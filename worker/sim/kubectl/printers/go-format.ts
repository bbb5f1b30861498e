// Go's fmt verbs on decoded JSON (what kubectl's unstructured objects hold): `%v` as custom
// columns and jsonpath errors print values, `%#v` as jsonpath's debugging dump prints them.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue }

/** fmt `%v`: `map[a:1 b:x]`, `[a b]`, `<nil>`; map keys sorted as fmt sorts them. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[${sortedKeys(o)
      .map((k) => `${k}:${goV(o[k])}`)
      .join(' ')}]`
  }
  return goScalar(v)
}

/**
 * fmt `%s` of a decoded JSON value: strings as they are, any other scalar as fmt's complaint
 * (`%!s(float64=1e-05)`, `%!s(bool=true)`, `%!s(<nil>)`), slices and maps element by element.
 */
export function goS(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === null || v === undefined) return '%!s(<nil>)'
  if (Array.isArray(v)) return `[${v.map(goS).join(' ')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[${sortedKeys(o)
      .map((k) => `${k}:${goS(o[k])}`)
      .join(' ')}]`
  }
  return `%!s(${typeof v === 'number' ? 'float64' : typeof v}=${goScalar(v)})`
}

/** fmt `%#v` of map[string]interface{} content: `map[string]interface {}{"a":1}`. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `map[string]interface {}{${sortedKeys(o)
      .map((k) => `${goQuote(k)}:${goSharpV(o[k])}`)
      .join(', ')}}`
  }
  if (typeof v === 'string') return goQuote(v)
  return goScalar(v)
}

/** Numbers as Go prints int64 and float64 (`%v`), booleans as words. */
export function goScalar(v: unknown): string {
  if (typeof v === 'number') return formatGoFloat(v)
  return String(v)
}

function formatGoFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  const abs = Math.abs(n)
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m = '', e = '0'] = n.toExponential().split('e')
    const exp = Number(e)
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  return String(n)
}

/** strconv.Quote for the strings kubectl objects hold (printable Unicode is kept as is). */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out + '"'
}

/** Go sorts string map keys bytewise (UTF-8 order equals code point order). */
export function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort(compareCodePoints)
}

export function compareCodePoints(a: string, b: string): number {
  const ac = [...a]
  const bc = [...b]
  for (let i = 0; i < Math.min(ac.length, bc.length); i++) {
    const x = ac[i]?.codePointAt(0) ?? 0
    const y = bc[i]?.codePointAt(0) ?? 0
    if (x !== y) return x - y
  }
  return ac.length - bc.length
}
