// Go's encoding/base64 StdEncoding, as encoding/json uses it for a []byte field (a Secret's data):
// padded, `\r` and `\n` skipped, and the first bad byte reported by its offset in Go's words
// (base64.go decodeQuantum, CorruptInputError: `illegal base64 data at input byte N`).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]))
const PAD = 61 // '='

/** StdEncoding.EncodeToString. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const n = (a << 16) | (b << 8) | c
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '='
  }
  return out
}

const isNewline = (c: number | undefined) => c === 10 || c === 13

/**
 * StdEncoding.DecodeString of the JSON string's bytes (UTF-8): the bytes, or the offset Go's
 * CorruptInputError names. Not strict: stray bits in the last quantum are dropped, as Go does.
 */
export function decodeBase64(text: string): Uint8Array | { corruptAt: number } {
  const src = new TextEncoder().encode(text)
  const out: number[] = []
  let si = 0
  while (si < src.length) {
    const q = decodeQuantum(src, si)
    if ('corruptAt' in q) return q
    out.push(...q.bytes)
    si = q.next
    if (q.end) break
  }
  return new Uint8Array(out)
}

type Quantum = { bytes: number[]; next: number; end: boolean } | { corruptAt: number }

function decodeQuantum(src: Uint8Array, start: number): Quantum {
  const dbuf = [0, 0, 0, 0]
  let si = start
  let dlen = 4
  let end = false
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return { bytes: [], next: si, end: true }
      return { corruptAt: si - j }
    }
    const c = src[si++]!
    const v = DECODE.get(c)
    if (v !== undefined) {
      dbuf[j] = v
      continue
    }
    if (isNewline(c)) {
      j--
      continue
    }
    if (c !== PAD || j < 2) return { corruptAt: si - 1 }
    if (j === 2) {
      // "==" is expected, the first "=" is already consumed
      while (si < src.length && isNewline(src[si])) si++
      if (si === src.length) return { corruptAt: src.length }
      if (src[si] !== PAD) return { corruptAt: si - 1 }
      si++
    }
    while (si < src.length && isNewline(src[si])) si++
    if (si < src.length) return { corruptAt: si }
    dlen = j
    end = true
    break
  }
  const val = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!
  const bytes = [(val >> 16) & 255, (val >> 8) & 255, val & 255].slice(0, dlen - 1)
  return { bytes, next: si, end }
}
