// Splits what xterm.js sends (onData) into keys: escape sequences, Alt+key, control bytes, text.
// Pure, so the line editor can be tested in Node.

/** Known sequences, by the name the line editor acts on. Both cursor-key modes are listed. */
const SEQUENCES: Record<string, string> = {
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3C': 'word-right',
  '\x1b[1;3D': 'word-left',
  '\x1bf': 'word-right',
  '\x1bb': 'word-left',
  '\x1bd': 'kill-word',
  '\x1b\x7f': 'backward-kill-word',
  '\x1b[200~': 'paste-start',
  '\x1b[201~': 'paste-end',
}

const CONTROLS: Record<string, string> = {
  '\r': 'enter',
  '\n': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\t': 'tab',
  '\x01': 'home',
  '\x02': 'left',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x05': 'end',
  '\x06': 'right',
  '\x07': 'abort',
  '\x0b': 'kill-line',
  '\x0c': 'clear',
  '\x0e': 'down',
  '\x10': 'up',
  '\x12': 'reverse-search',
  '\x15': 'kill-line-back',
  '\x17': 'kill-word-back',
  '\x19': 'yank',
}

export interface Key {
  /** what the key does (`insert` for text) */
  name: string
  /** the text to insert, for `insert` */
  text: string
}

/** Length of the escape sequence at `i` (CSI, SS3 or Alt+char). */
function escapeLength(data: string, i: number): number {
  const next = data[i + 1]
  if (next === '[') {
    let j = i + 2
    while (j < data.length && /[0-9;?]/.test(data[j] ?? '')) j++
    return Math.min(j + 1, data.length) - i
  }
  if (next === 'O') return Math.min(3, data.length - i)
  return next === undefined ? 1 : 2
}

/** The keys in one onData payload, in order; printable runs become one `insert`. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = []
  let i = 0
  while (i < data.length) {
    const ch = data[i] ?? ''
    if (ch === '\x1b') {
      const len = escapeLength(data, i)
      const seq = data.slice(i, i + len)
      keys.push({ name: SEQUENCES[seq] ?? (len === 1 ? 'escape' : 'unknown'), text: seq })
      i += len
    } else if (ch < ' ') {
      keys.push({ name: CONTROLS[ch] ?? 'unknown', text: ch })
      i++
    } else {
      let j = i
      while (j < data.length && (data[j] ?? '') >= ' ' && data[j] !== '\x7f') j++
      if (j === i) j = i + 1
      const text = data.slice(i, j)
      keys.push(text === '\x7f' ? { name: 'backspace', text } : { name: 'insert', text })
      i = j
    }
  }
  return keys
}

/** Printed width of a prompt: escape sequences (colours, OSC window titles) take no room. */
export function visibleWidth(text: string): number {
  /* eslint-disable no-control-regex -- these patterns match terminal escape bytes on purpose */
  return text
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/[\x00-\x1f]/g, '').length
  /* eslint-enable no-control-regex */
}
