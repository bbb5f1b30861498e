// The pure text edits behind readline's emacs keys: a line and a cursor in, a line and a cursor out.

export interface Line {
  text: string
  cursor: number
}

const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch)

/** Start of the word left of the cursor (readline's backward-word: alphanumeric runs). */
export function wordLeft(text: string, cursor: number): number {
  let i = cursor
  while (i > 0 && !isWord(text[i - 1])) i--
  while (i > 0 && isWord(text[i - 1])) i--
  return i
}

/** End of the word right of the cursor (forward-word). */
export function wordRight(text: string, cursor: number): number {
  let i = cursor
  while (i < text.length && !isWord(text[i])) i++
  while (i < text.length && isWord(text[i])) i++
  return i
}

/** Start of the whitespace-delimited word left of the cursor (unix-word-rubout, Ctrl+W). */
export function unixWordLeft(text: string, cursor: number): number {
  let i = cursor
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--
  while (i > 0 && !/\s/.test(text[i - 1] ?? '')) i--
  return i
}

export function insert(l: Line, s: string): Line {
  return {
    text: l.text.slice(0, l.cursor) + s + l.text.slice(l.cursor),
    cursor: l.cursor + s.length,
  }
}

/** Removes [from, to) and returns the new line with what was cut (for the kill buffer). */
export function cut(l: Line, from: number, to: number): { line: Line; killed: string } {
  const a = Math.max(0, Math.min(from, to))
  const b = Math.min(l.text.length, Math.max(from, to))
  return {
    line: { text: l.text.slice(0, a) + l.text.slice(b), cursor: a },
    killed: l.text.slice(a, b),
  }
}

/** Moves and kills for one key; undefined when the key is not an edit of this kind. */
export function edit(l: Line, key: string): { line: Line; killed?: string } | undefined {
  const { text, cursor } = l
  const at = (c: number): Line => ({ text, cursor: Math.max(0, Math.min(text.length, c)) })
  switch (key) {
    case 'left':
      return { line: at(cursor - 1) }
    case 'right':
      return { line: at(cursor + 1) }
    case 'home':
      return { line: at(0) }
    case 'end':
      return { line: at(text.length) }
    case 'word-left':
      return { line: at(wordLeft(text, cursor)) }
    case 'word-right':
      return { line: at(wordRight(text, cursor)) }
    case 'backspace':
      return { line: cut(l, cursor - 1, cursor).line }
    case 'delete':
      return { line: cut(l, cursor, cursor + 1).line }
    case 'kill-line':
      return cut(l, cursor, text.length)
    case 'kill-line-back':
      return cut(l, 0, cursor)
    case 'kill-word-back':
      return cut(l, unixWordLeft(text, cursor), cursor)
    case 'backward-kill-word':
      return cut(l, wordLeft(text, cursor), cursor)
    case 'kill-word':
      return cut(l, cursor, wordRight(text, cursor))
    default:
      return undefined
  }
}
