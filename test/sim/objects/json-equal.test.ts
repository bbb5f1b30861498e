// The equality helpers the controllers and the API server's update path use, against their
// definitions: sameJSON is "serialises alike", sameJSONUnordered is "serialises alike once keys
// are sorted" (the update path's former JSON.stringify(sorted(...)) comparison).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sameJSON } from '../../../worker/sim/controllers/util'
import { sameJSONUnordered } from '../../../worker/sim/objects/json-equal'

// a small domain, so that independently drawn values are often equal or nearly so
const leaf = fc.constantFrom<unknown>(1, 2, 'x', '', null, true, false)
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(tie('value'), fc.constant(undefined)), {
      maxKeys: 3,
    }),
  ),
}))

/** A copy with object keys sorted: the reference sameJSONUnordered is checked against. */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
    )
  return v
}

/** The same value with every object's keys in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reversed(x)]),
    )
  return v
}

const sameText = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

describe('JSON equality helpers', () => {
  it('sameJSON is true exactly when the two serialise alike', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJSON(a, b)).toBe(sameText(a, b))
        expect(sameJSON(a, reversed(a))).toBe(sameText(a, reversed(a)))
      }),
      { numRuns: 3000 },
    )
  })

  it('sameJSONUnordered is true exactly when the two serialise alike with sorted keys', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJSONUnordered(a, b)).toBe(sameText(sorted(a), sorted(b)))
        expect(sameJSONUnordered(a, reversed(a))).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('tells keys holding undefined from absent ones as JSON does', () => {
    expect(sameJSON({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameJSON({ b: undefined, a: 1 }, { a: 1, c: undefined })).toBe(true)
    expect(sameJSON({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false)
    expect(sameJSONUnordered({ a: 1, b: 2 }, { b: 2, a: 1, c: undefined })).toBe(true)
    expect(sameJSONUnordered({ a: [1, undefined] }, { a: [1, null] })).toBe(true)
    expect(sameJSONUnordered({ a: {} }, { a: [] })).toBe(false)
  })
})
