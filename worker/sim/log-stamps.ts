// How many lines have been appended to a container's log array in this process: lets the stored
// document's delta (document-delta.ts) tell, without comparing them, that a container's log is
// still the one its base holds. Every append goes through appendLog (net/images.ts), which bumps
// the stamp; the one other writer replaces the array (a container's restart), a new identity.
// Per process and by identity: a log parsed again reads as a new one, which can only make a delta
// larger, never wrong. Check mode (every test) rebuilds each delta and compares it byte for byte.

const STAMPS = new WeakMap<string[], number>()

export function logStamp(logs: string[]): number {
  return STAMPS.get(logs) ?? 0
}

/** Notes that `logs` was appended to (call it for every in-place change of a log array). */
export function bumpLogStamp(logs: string[]): void {
  STAMPS.set(logs, logStamp(logs) + 1)
}
