// cloneJSON copies a JSON value exactly, a "__proto__" key included: JSON.parse makes it an own
// key, and a copy made by assignment would have set the copy's prototype and lost the key.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cloneJSON } from '../../worker/sim/clone-json'

describe('cloneJSON', () => {
  it('keeps a "__proto__" key as an own key', () => {
    const parsed = JSON.parse('{"__proto__":null,"a":{"__proto__":{"b":1}}}') as object
    const copy = cloneJSON(parsed)
    expect(JSON.stringify(copy)).toBe('{"__proto__":null,"a":{"__proto__":{"b":1}}}')
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })

  it('gives back the same JSON for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const parsed = JSON.parse(JSON.stringify(v)) as unknown
        expect(JSON.stringify(cloneJSON(parsed))).toBe(JSON.stringify(parsed))
      }),
      { numRuns: 2000 },
    )
  })
})
