// The shell's byte representation (worker/sim/shell/bytes.ts): any bytes survive a trip through
// a string, valid text is untouched, and counting or cutting by bytes agrees with the bytes.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  byteLength,
  bytesOfText,
  forTerminal,
  headBytes,
  tailBytes,
  textOfBytes,
} from '../../../worker/sim/shell/bytes'

const bytes = fc.uint8Array({ maxLength: 300 })
// text with multi-byte and astral characters, never a lone surrogate
const text = fc.string({ unit: 'grapheme', maxLength: 100 })

describe('bytes as strings', () => {
  it('any bytes come back the same from their string', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect([...bytesOfText(textOfBytes(b))]).toEqual([...b])
      }),
    )
  })

  it('valid text is its own UTF-8, unchanged', () => {
    fc.assert(
      fc.property(text, (s) => {
        const utf8 = new TextEncoder().encode(s)
        expect([...bytesOfText(s)]).toEqual([...utf8])
        expect(textOfBytes(utf8)).toBe(s)
        expect(byteLength(s)).toBe(utf8.length)
      }),
    )
  })

  it('head and tail by bytes cut the bytes', () => {
    fc.assert(
      fc.property(bytes, fc.nat(320), (b, n) => {
        const s = textOfBytes(b)
        expect([...bytesOfText(headBytes(s, n))]).toEqual([...b.subarray(0, n)])
        expect([...bytesOfText(tailBytes(s, n))]).toEqual([
          ...b.subarray(Math.max(0, b.length - n)),
        ])
        expect(byteLength(s)).toBe(b.length)
      }),
    )
  })

  it('the terminal sees no lone surrogate: a byte that is not UTF-8 is U+FFFD', () => {
    expect(forTerminal(textOfBytes(Uint8Array.from([0x61, 0xff, 0xc3, 0xa9, 0x80])))).toBe(
      'a\ufffdé\ufffd',
    )
    fc.assert(
      fc.property(bytes, (b) => {
        expect(forTerminal(textOfBytes(b))).not.toMatch(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
        )
      }),
    )
  })
})
