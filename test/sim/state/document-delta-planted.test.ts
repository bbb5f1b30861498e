// The property over random sequences catches a delta that carries stale log lines: here a log
// line already written is edited in place (the previous line rewritten on each append, as a
// careless "message repeated" note would), which the JSON deltas keep of appended lines misses.
import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import type * as LogStamps from '../../../worker/sim/log-stamps'
import { arbDeltaLines, playDeltas } from './delta-sequences'

vi.mock('../../../worker/sim/log-stamps', async (importOriginal) => {
  const real = await importOriginal<typeof LogStamps>()
  const bumpLogStamp = (logs: string[]) => {
    if (logs.length > 0) logs[logs.length - 1] += ' (repeated)'
    real.bumpLogStamp(logs)
  }
  return { ...real, bumpLogStamp }
})

describe('a planted in-place edit of a log line', () => {
  it('is found by the property over random command sequences', () => {
    expect(() =>
      fc.assert(
        fc.property(arbDeltaLines, (lines) => {
          for (const step of playDeltas(lines)) expect(step.rebuilt, step.line).toBe(step.live)
        }),
        { numRuns: 60, seed: 42 },
      ),
    ).toThrow(/Property failed/)
  })
})
