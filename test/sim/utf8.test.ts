import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utf8Length } from '../../worker/sim/utf8'

const encoded = (s: string) => new TextEncoder().encode(s).length

// code units from each UTF-8 length class, surrogates of both halves included, so that pairs,
// lone high and lone low surrogates (and a high one last) all turn up often
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0x7ff }),
  fc.integer({ min: 0x800, max: 0xd7ff }),
  fc.integer({ min: 0xd800, max: 0xdbff }),
  fc.integer({ min: 0xdc00, max: 0xdfff }),
  fc.integer({ min: 0xe000, max: 0xffff }),
)
const units = fc.array(unit, { maxLength: 40 }).map((cs) => String.fromCharCode(...cs))

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['\ud83d', 3],
    ['\ude00', 3],
    ['\ude00\ud83d', 6],
    ['a\ud83d', 4],
  ])('%j is %i bytes', (s, want) => {
    expect(utf8Length(s)).toBe(want)
  })

  it('agrees with TextEncoder on any string, lone surrogates included', () => {
    fc.assert(
      fc.property(units, (s) => utf8Length(s) === encoded(s)),
      { numRuns: 2000 },
    )
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === encoded(s)))
  })
})
