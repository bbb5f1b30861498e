// What the tty echoes of keys typed while a command runs. Under a running command the terminal is
// in canonical mode with Linux's default flags (ECHO ECHOE ECHOK ECHOKE ECHOCTL, IXON): text
// echoes as typed, Enter starts a new line, a control byte echoes in caret notation (`^A`, and
// `^[` for the ESC of an arrow key: `^[[D`), Backspace/Ctrl+U/Ctrl+W rub out what was echoed on
// this line, and Ctrl+D, Ctrl+Q, Ctrl+S echo nothing (n_tty.c echo_char, eraser). What the line
// discipline keeps (its own rubbing out done) waits for the next prompt, whose line editor then
// reads it as readline reads the bytes the tty kept (a kept Ctrl+A moves to the line's start).
// Left out: Ctrl+Z and Ctrl+\ only echo (job control and SIGQUIT are not simulated), Ctrl+R
// and Ctrl+V echo as plain control bytes (the tty would reprint the line, or quote the next key),
// and a Tab counts as one column when rubbed out.

const ERASE = '\x7f'
const KILL = '\x15'
const WERASE = '\x17'
/** START, STOP (IXON): consumed by the line discipline without an echo */
const SILENT = new Set(['\x11', '\x13'])

export class TtyEcho {
  /** lines ended with Enter (or pushed by Ctrl+D): rubbing out no longer reaches them */
  private done = ''
  /** the characters of the current line, each with the columns its echo took */
  private line: { ch: string; width: number }[] = []

  /** Forgets everything (Ctrl+C flushes the tty's input). */
  reset(): void {
    this.done = ''
    this.line = []
  }

  /** The bytes kept for the next reader (the next prompt), handed over once. */
  take(): string {
    const kept = this.done + this.line.map((c) => c.ch).join('')
    this.reset()
    return kept
  }

  /** The bytes to write to the screen for `data`. */
  feed(data: string): string {
    let out = ''
    for (const ch of data) out += this.key(ch)
    return out
  }

  private key(ch: string): string {
    if (ch === '\r' || ch === '\n') {
      this.done += `${this.line.map((c) => c.ch).join('')}\r`
      this.line = []
      return '\r\n'
    }
    if (ch === '\x04') {
      // EOF pushes the line to the reader as it is, without itself
      this.done += this.line.map((c) => c.ch).join('')
      this.line = []
      return ''
    }
    if (ch === ERASE) return this.rubOut(this.line.length > 0 ? 1 : 0)
    if (ch === KILL) return this.rubOut(this.line.length)
    if (ch === WERASE) return this.rubOut(this.wordLength())
    if (SILENT.has(ch)) return ''
    const code = ch.charCodeAt(0)
    if (ch !== '\t' && code < 0x20) {
      this.line.push({ ch, width: 2 })
      return `^${String.fromCharCode(code + 64)}`
    }
    this.line.push({ ch, width: 1 })
    return ch
  }

  /** ECHOE/ECHOKE: each rubbed-out character is erased from the screen (`\b \b` per column). */
  private rubOut(count: number): string {
    let out = ''
    for (let i = 0; i < count; i++) {
      const gone = this.line.pop()
      if (gone) out += '\b \b'.repeat(gone.width)
    }
    return out
  }

  /**
   * WERASE as n_tty's eraser does it ("Equivalent to BSD's ALTWERASE"): the non-word characters
   * before the cursor, then the run of word characters before them, so `pods/web` loses `web`.
   */
  private wordLength(): number {
    let i = this.line.length
    while (i > 0 && !isWordChar(this.line[i - 1]!.ch)) i--
    while (i > 0 && isWordChar(this.line[i - 1]!.ch)) i--
    return this.line.length - i
  }
}

/**
 * n_tty's `isalnum(c) || c == '_'`, asked of a character's first byte (IUTF8). The kernel's ctype
 * (lib/ctype.c) counts the bytes 0xC0-0xFF as Latin-1 letters but for the signs 0xD7 and 0xF7, so
 * every UTF-8 lead byte is a letter except 0xD7, the lead byte of U+05C0-U+05FF.
 */
function isWordChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0
  if (code < 0x80) return /\w/.test(ch)
  return code < 0x5c0 || code > 0x5ff
}
