// Lookups by names a learner types (`__proto__`, `constructor`) must never reach Object.prototype.

/** The object's own value for key, never an inherited one. */
export function own<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}

/** A map-like object without a prototype, safe to fill with typed names. */
export function dict<T>(from: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, from)
}
