// NDJSON framing for streamed answers: chunks in, whole lines out.

/** Splits NDJSON text into complete lines; the unfinished tail waits for the next chunk. */
export function ndjsonLines(buffer: string, chunk: string): { lines: string[]; rest: string } {
  const all = buffer + chunk
  const parts = all.split('\n')
  const rest = parts.pop() ?? ''
  return { lines: parts.filter((l) => l.trim() !== ''), rest }
}
