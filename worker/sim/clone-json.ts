// Deep copies of the cluster document and its parts.

/**
 * A deep copy of a JSON value (the document or any part of it), several times faster than
 * structuredClone for the plain objects the document is made of; keys holding `undefined` are kept.
 */
export function cloneJSON<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length)
    for (let i = 0; i < v.length; i++) out[i] = cloneJSON(v[i] as unknown)
    return out as T
  }
  const out: Record<string, unknown> = {}
  for (const k in v) {
    const value = cloneJSON((v as Record<string, unknown>)[k])
    // JSON.parse makes "__proto__" an own key; an assignment would set the copy's prototype instead
    if (k === '__proto__')
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true })
    else out[k] = value
  }
  return out as T
}
