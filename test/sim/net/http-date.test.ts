// The Date header servers send (images/http-util.ts httpDate) is built from its parts; it must be
// exactly what Date's toUTCString writes (RFC 7231's IMF-fixdate), for any time.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { httpDate } from '../../../worker/sim/images/http-util'

describe('httpDate', () => {
  it('writes what toUTCString writes, for any time', () => {
    const ms = fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      // the years a cluster lives in, to the millisecond
      fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2100, 0, 1) }),
    )
    fc.assert(
      fc.property(ms, (t) => {
        expect(httpDate(t)).toBe(new Date(t).toUTCString())
      }),
      { numRuns: 20_000 },
    )
  })

  it('writes the bench clock as nginx does', () => {
    expect(httpDate(Date.UTC(2026, 10, 26, 9, 0, 5))).toBe('Thu, 26 Nov 2026 09:00:05 GMT')
    expect(httpDate(Date.UTC(999, 0, 1))).toBe(new Date(Date.UTC(999, 0, 1)).toUTCString())
  })
})
