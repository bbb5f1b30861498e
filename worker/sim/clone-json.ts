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
  for (const k in v) out[k] = cloneJSON((v as Record<string, unknown>)[k])
  return out as T
}
