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
    expect(t.feed('ls  -l \x17')).toBe('ls  -l \b \b\b \b')
    expect(t.feed('\r')).toBe('\r\n')
    // a finished line is out of reach: Backspace at the start of a line erases nothing
    expect(t.feed('\x7f')).toBe('')
    expect(t.feed('cd\x04\x15\x11\x13')).toBe('cd')
    expect(t.take()).toBe('xls  -\rcd')
  })

  it("Ctrl+W rubs out the non-word characters, then the letters, digits and '_' (n_tty, not readline)", () => {
    const t = new TtyEcho()
    t.feed('kubectl get pods/web')
    expect(t.feed('\x17')).toBe('\b \b'.repeat(3))
    expect(t.feed('\x17')).toBe('\b \b'.repeat(5))
    t.feed('my_app-2 ./')
    expect(t.feed('\x17')).toBe('\b \b'.repeat(4))
    // a control key is not a word character; its echo is two columns wide
    t.feed('x\x01')
    expect(t.feed('\x17')).toBe('\b \b\b \b\b \b')
    // UTF-8 letters are word characters (their lead byte is a Latin-1 letter to the kernel's ctype)
    t.feed(' café')
    expect(t.feed('\x17')).toBe('\b \b'.repeat(4))
    expect(t.take()).toBe('kubectl get my_app- ')
  })
})
