// Lookups by names a learner types (`__proto__`, `constructor`) must never reach Object.prototype.

/** The object's own value for key, never an inherited one. */
export function own<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined
}

/** A map-like object without a prototype, safe to fill with typed names. */
export function dict<T>(from?: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>
  // a loop, not Object.assign: several times faster into an object without a prototype (a shell
  // copies its environment, ~50 variables with Service links, a few times a line)
  if (from) for (const k of Object.keys(from)) out[k] = from[k] as T
  return out
}
