// What a tty in canonical mode echoes and keeps of keys typed under a running command
// (web/src/terminal/tty-echo.ts; Linux n_tty with ECHO ECHOE ECHOKE ECHOCTL).
import { describe, expect, it } from 'vitest'
import { TtyEcho } from '../../../web/src/terminal/tty-echo'

describe('TtyEcho', () => {
  it('echoes control keys in caret notation and keeps them for the next reader', () => {
    const t = new TtyEcho()
    expect(t.feed('a\x01\x1b[A\tb')).toBe('a^A^[[A\tb')
    expect(t.take()).toBe('a\x01\x1b[A\tb')
    expect(t.take()).toBe('')
  })

  it('rubs out a control key two columns wide, a word, a line; Enter and Ctrl+D end a line', () => {
    const t = new TtyEcho()
    expect(t.feed('x\x01\x7f')).toBe('x^A\b \b\b \b')
    expect(t.feed('ls  -l \x17')).toBe('ls  -l \b \b\b \b\b \b')
    expect(t.feed('\r')).toBe('\r\n')
    // a finished line is out of reach: Backspace at the start of a line erases nothing
    expect(t.feed('\x7f')).toBe('')
    expect(t.feed('cd\x04\x15\x11\x13')).toBe('cd')
    expect(t.take()).toBe('xls  \rcd')
  })
})
