// The shell's data is JS strings, but a program's output is bytes. Text stays text (UTF-8 when
// counted or encoded); a byte that is not part of valid UTF-8 (random bytes from /dev/urandom)
// is kept as the lone surrogate U+DC80+byte, as Python's "surrogateescape" does. So `head -c`,
// `wc -c` and `base64` count and encode the exact bytes, and valid text is never changed.

import { utf8LengthEscaped } from '../utf8'

const ESCAPE_BASE = 0xdc00

/** The string holding `bytes`: valid UTF-8 decoded, every other byte escaped. */
export function textOfBytes(bytes: Uint8Array): string {
  // UTF-16 units first, then strings a chunk at a time: 256 KB of random bytes stay cheap
  const units = new Uint16Array(bytes.length)
  let n = 0
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    const len = b < 0x80 ? 1 : sequenceLength(bytes, i)
    if (len <= 1) {
      units[n++] = b < 0x80 ? b : ESCAPE_BASE + b
      i += 1
      continue
    }
    let cp = b & (0xff >> (len + 1))
    for (let k = 1; k < len; k++) cp = (cp << 6) | ((bytes[i + k] as number) & 0x3f)
    if (cp >= 0x10000) {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10)
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff)
    } else units[n++] = cp
    i += len
  }
  let out = ''
  // apply, not a spread: spreading a typed array walks it as an iterator, several times slower
  for (let at = 0; at < n; at += 8192)
    out += String.fromCharCode.apply(null, units.subarray(at, Math.min(n, at + 8192)) as never)
  return out
}

/** Length of the valid, shortest-form UTF-8 sequence starting at `i`, or 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
  if (n === 0 || i + n > bytes.length) return 0
  for (let k = 1; k < n; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return 0
  const second = bytes[i + 1] as number
  // overlong 3- and 4-byte forms, UTF-16 surrogates and code points past U+10FFFF are not valid
  if (b === 0xe0 && second < 0xa0) return 0
  if (b === 0xed && second >= 0xa0) return 0
  if (b === 0xf0 && second < 0x90) return 0
  if (b === 0xf4 && second >= 0x90) return 0
  return n
}

const isEscape = (u: number) => u >= 0xdc80 && u <= 0xdcff

/** The bytes a string stands for: UTF-8, with escaped bytes as themselves. */
export function bytesOfText(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3)
  let n = 0
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i)
    const next = s.charCodeAt(i + 1)
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00)
      i++
    }
    if (cp < 0x80) out[n++] = cp
    else if (isEscape(cp)) out[n++] = cp - ESCAPE_BASE
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6)
      out[n++] = 0x80 | (cp & 63)
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // any other lone surrogate is not text: UTF-8 encoders write U+FFFD
      out[n++] = 0xef
      out[n++] = 0xbf
      out[n++] = 0xbd
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12)
      out[n++] = 0x80 | ((cp >> 6) & 63)
      out[n++] = 0x80 | (cp & 63)
    } else {
      out[n++] = 0xf0 | (cp >> 18)
      out[n++] = 0x80 | ((cp >> 12) & 63)
      out[n++] = 0x80 | ((cp >> 6) & 63)
      out[n++] = 0x80 | (cp & 63)
    }
  }
  return out.subarray(0, n)
}

const NON_ASCII = /[\u0080-\uffff]/

function isAscii(s: string): boolean {
  return !NON_ASCII.test(s)
}

/** How many bytes a string stands for (`wc -c`). */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : utf8LengthEscaped(s, isEscape)
}

/** Bytes `start` to `end` of a string, as a string (`head -c -N`). */
export function sliceBytes(s: string, start: number, end?: number): string {
  if (isAscii(s)) return s.slice(start, end)
  return textOfBytes(bytesOfText(s).subarray(start, end))
}

// a UTF-16 unit stands for at least one byte, so the first (last) n bytes lie in the first (last)
// n + 1 units (one more, not to split a surrogate pair): a long input is not encoded whole

/** The first `n` bytes of a string (`head -c N`). */
export function headBytes(s: string, n: number): string {
  return sliceBytes(s.slice(0, n + 1), 0, n)
}

/** The last `n` bytes of a string (`tail -c N`). */
export function tailBytes(s: string, n: number): string {
  if (n === 0) return ''
  const end = s.slice(-(n + 1))
  const bytes = bytesOfText(end)
  return textOfBytes(bytes.subarray(Math.max(0, bytes.length - n)))
}

// a lone low surrogate only: as the second half of a pair, U+DC80..U+DCFF is part of a character
const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/g

/**
 * What a terminal shows for output: a byte that is not UTF-8 becomes U+FFFD, as xterm.js's
 * decoder shows it (a real terminal may show other garbage); control bytes pass as they are.
 */
export function forTerminal(s: string): string {
  return s.replace(ESCAPED, '\ufffd')
}
