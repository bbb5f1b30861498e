// The shell's data is JS strings, but a program's output is bytes. Text stays text (UTF-8 when
// counted or encoded); a byte that is not part of valid UTF-8 (random bytes from /dev/urandom)
// is kept as the lone surrogate U+DC80+byte, as Python's "surrogateescape" does. So `head -c`,
// `wc -c` and `base64` count and encode the exact bytes, and valid text is never changed.

const ESCAPE_BASE = 0xdc00

/** The string holding `bytes`: valid UTF-8 decoded, every other byte escaped. */
export function textOfBytes(bytes: ArrayLike<number>): string {
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    if (b < 0x80) {
      out += String.fromCharCode(b)
      i += 1
      continue
    }
    const n = sequenceLength(bytes, i)
    if (n === 0) {
      out += String.fromCharCode(ESCAPE_BASE + b)
      i += 1
      continue
    }
    let cp = b & (0xff >> (n + 1))
    for (let k = 1; k < n; k++) cp = (cp << 6) | ((bytes[i + k] as number) & 0x3f)
    out += String.fromCodePoint(cp)
    i += n
  }
  return out
}

/** Length of the valid, shortest-form UTF-8 sequence starting at `i`, or 0 when there is none. */
function sequenceLength(bytes: ArrayLike<number>, i: number): number {
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
  if (isAscii(s)) {
    const out = new Uint8Array(s.length)
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
    return out
  }
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    if (isEscape(cp)) out.push(cp - ESCAPE_BASE)
    else if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000 && cp >= 0xd800 && cp <= 0xdfff) out.push(0xef, 0xbf, 0xbd)
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      )
  }
  return Uint8Array.from(out)
}

const NON_ASCII = /[\u0080-\uffff]/

function isAscii(s: string): boolean {
  return !NON_ASCII.test(s)
}

/** How many bytes a string stands for (`wc -c`). */
export function byteLength(s: string): number {
  return isAscii(s) ? s.length : bytesOfText(s).length
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

// a lone low surrogate only: U+DC80..U+DCFF as the second half of a pair is part of a real character
const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/g

/**
 * What a terminal shows for output: a byte that is not UTF-8 becomes U+FFFD, as xterm.js's
 * decoder shows it (a real terminal may show other garbage); control bytes pass as they are.
 */
export function forTerminal(s: string): string {
  return s.replace(ESCAPED, '\ufffd')
}
