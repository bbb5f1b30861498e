// Word wrapping as kubectl's explain templates do it (pkg/util/term NewWordWrapWriter, which uses
// mitchellh/go-wordwrap v1.0.1 WrapString): break at spaces before a word would pass the limit,
// keep existing newlines, never split a word, drop the spaces where a line is broken.

const isSpace = (ch: string) => ch !== '\u00a0' && /\s/.test(ch)

/** Wraps `s` so that no line is longer than `limit` runes unless a single word is. */
export function wrapString(s: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let space = ''
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + [...space].length <= limit) out += space
      } else out += space + word
      space = ''
      word = ''
      out += ch
      current = 0
    } else if (isSpace(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length
        out += space + word
        space = ''
        word = ''
      }
      space += ch
    } else {
      word += ch
      const wordLen = [...word].length
      if (current + wordLen + [...space].length > limit && wordLen < limit) {
        out += '\n'
        current = 0
        space = ''
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= limit) out += space
  } else out += space + word
  return out
}

/** The templates' `indent`: pad the first line and every line after a newline. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount)
  return pad + s.split('\n').join(`\n${pad}`)
}
