// A patch value the apiserver takes as it is (strategicpatch mergeMap, where the live object has
// no such field or one of another type): with the server's IgnoreUnmatchedNulls its null fields
// are dropped (discardNullValuesFromPatch) and maps holding a `$patch` directive are left out
// (removeDirectives), so neither reaches the stored object.

import { isPlainObject } from '../objects/strict-decode'

/** discardNullValuesFromPatch: drops null fields of maps at any depth (changes `v`). */
export function discardNulls(v: unknown): void {
  if (Array.isArray(v)) for (const x of v) discardNulls(x)
  else if (isPlainObject(v))
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k]
      else discardNulls(x)
    }
}

/**
 * `o[k] = v` as Go's map assignment: `__proto__` (an own key in decoded JSON) stays a key instead
 * of setting the object's prototype.
 */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
  else o[k] = v
}

/** The own value of `o[k]`: a decoded JSON object inherits nothing. */
export const ownValue = (o: Record<string, unknown>, k: string): unknown =>
  Object.hasOwn(o, k) ? o[k] : undefined

/** removeDirectives: `v` without directive maps; undefined when `v` itself is one. */
export function removeDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(removeDirectives).filter((x) => x !== undefined)
  if (!isPlainObject(v)) return v
  if ('$patch' in v) return undefined
  const out: Record<string, unknown> = {}
  for (const [k, x] of Object.entries(v)) {
    const kept = removeDirectives(x)
    if (kept !== undefined) setOwn(out, k, kept)
  }
  return out
}

/** The Go type a JSON value decodes to, as reflect compares them. */
export function goKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice'
  if (v === null) return 'nil'
  return typeof v === 'object' ? 'map' : typeof v
}
