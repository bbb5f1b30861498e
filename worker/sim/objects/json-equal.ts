// Order-insensitive equality of JSON values, as Go's reflect.DeepEqual on decoded objects: what
// the API server uses to tell a no-op update (`unchanged`) and a changed spec (generation + 1).

/**
 * Whether a and b serialise alike once object keys are sorted (keys holding undefined are absent,
 * as in JSON; undefined in an array serialises as null). Allocates nothing on the way.
 */
export function sameJSONUnordered(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return samePrimitive(a, b)
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++)
      if (!sameJSONUnordered(a[i] ?? null, b[i] ?? null)) return false
    return true
  }
  if (Array.isArray(b)) return false
  const oa = a as Record<string, unknown>
  const ob = b as Record<string, unknown>
  let na = 0
  for (const k in oa) {
    if (oa[k] === undefined) continue
    na += 1
    if (!(k in ob) || ob[k] === undefined || !sameJSONUnordered(oa[k], ob[k])) return false
  }
  let nb = 0
  for (const k in ob) if (ob[k] !== undefined) nb += 1
  return na === nb
}

/** Primitives (and a value against an object) compare by their JSON: NaN and null alike, as JSON has them. */
function samePrimitive(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null) return false
  if (typeof b === 'object' && b !== null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
