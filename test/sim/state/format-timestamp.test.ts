// formatTimestamp keeps the last four seconds it formatted (state.ts): any sequence of times must
// give what formatting each one afresh gives.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatTimestamp } from '../../../worker/sim/state'

const fresh = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')

describe('formatTimestamp', () => {
  it('answers as a fresh format over any sequence of times', () => {
    const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)
    // times near each other (the same second, the next, an hour before) and anywhere
    const near = fc.integer({ min: T0 - 3_700_000, max: T0 + 3_000 })
    const any = fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true })
    fc.assert(
      fc.property(fc.array(fc.oneof(near, near, any), { maxLength: 40 }), (times) => {
        for (const ms of times) expect(formatTimestamp(ms)).toBe(fresh(ms))
      }),
      { numRuns: 300 },
    )
  })

  it('still refuses a time that is not one', () => {
    expect(() => formatTimestamp(NaN)).toThrow(RangeError)
  })
})
