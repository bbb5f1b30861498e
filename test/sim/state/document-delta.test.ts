// A delta over its base gives back the live document byte for byte, whatever the lines did: the
// shortcuts deltaJSON takes (objects at their base resourceVersion skipped, the JSON of the log
// lines appended since the base and of unchanged container records kept from one delta to the
// next) against JSON.stringify.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { arbDeltaLines, playDeltas } from './delta-sequences'

describe('document deltas', () => {
  it('rebuild the document byte for byte after every line of random sequences', () => {
    let logDeltas = 0
    fc.assert(
      fc.property(arbDeltaLines, (lines) => {
        for (const step of playDeltas(lines)) {
          expect(step.rebuilt, step.line).toBe(step.live)
          if (step.line.includes('curl')) logDeltas += 1
        }
      }),
      { numRuns: 60 },
    )
    // not vacuous: many deltas carried log lines appended since their base
    expect(logDeltas).toBeGreaterThan(100)
  })
})
