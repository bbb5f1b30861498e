// Check mode's guard for answers kept and handed out again (a parse, a container's process): any
// write to one throws, so a caller that changes what it was given is found by the tests.

/** Freezes `v` and everything it holds; answers `v`. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k])
  }
  return v
}
