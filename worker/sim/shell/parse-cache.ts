// Parsed lines kept by their text: learners repeat lines (the arrow key, loops of `kubectl exec`),
// and a parse is a pure function of the text whose tree the interpreter only reads. The parser
// runs for a line not seen among the last few hundred.

import { deepFreeze } from '../deep-freeze'
import { parseLine, type ParseResult } from './parse'

/** Lines kept; cleared whole when full (a learner's recent lines fit many times over). */
const MAX_LINES = 512
/** longer lines (pasted scripts, here-documents) are parsed each time */
const MAX_LINE_LENGTH = 4096

const PARSED = new Map<string, ParseResult>()

let mode: 'on' | 'off' | 'frozen' = 'on'

/**
 * Tests: 'off' parses every time; 'frozen' keeps deep-frozen trees, so any write to a kept
 * tree throws (the interpreter must only read them).
 */
export function cacheParsedLines(m: 'on' | 'off' | 'frozen'): void {
  mode = m
  PARSED.clear()
}

/** parseLine, answered from the kept parse of the same text when there is one. */
export function parseLineCached(src: string): ParseResult {
  if (mode === 'off' || src.length > MAX_LINE_LENGTH) return parseLine(src)
  const hit = PARSED.get(src)
  if (hit) return hit
  const parsed = parseLine(src)
  if (PARSED.size >= MAX_LINES) PARSED.clear()
  PARSED.set(src, mode === 'frozen' ? deepFreeze(parsed) : parsed)
  return parsed
}
