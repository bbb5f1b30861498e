// How many bytes a string takes in UTF-8 (Content-Length, wc -c, ls -l sizes, wget's length, the
// limits that say KB), counted from its UTF-16 code units without building the bytes. It agrees
// with TextEncoder, which writes a lone surrogate as U+FFFD (3 bytes).

/** The UTF-8 length of `s`, as `new TextEncoder().encode(s).length` (WHATWG Encoding). */
export function utf8Length(s: string): number {
  return utf8LengthEscaped(s, NO_ESCAPES)
}

const NO_ESCAPES = (): boolean => false

/**
 * utf8Length, but a code unit that `escaped` names, standing alone, is one byte: the shell's
 * bytes that are not UTF-8, kept as lone surrogates (shell/bytes.ts).
 */
export function utf8LengthEscaped(s: string, escaped: (unit: number) => boolean): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(i + 1))) {
      n += 4
      i++
    } else n += escaped(c) ? 1 : 3
  }
  return n
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff
// NaN past the end of the string is not a low surrogate: a high one last stands alone
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff
