import { describe, expect, it } from 'vitest'
import xtermHeadless from '@xterm/headless'
import { LineEditor, type LineEvent } from '../../../web/src/terminal/line-editor'

const { Terminal } = xtermHeadless

/** A headless xterm with the editor writing into it, as the browser wires them. */
function setup(opts: { cols?: number; history?: string[]; candidates?: string[] } = {}) {
  const term = new Terminal({ cols: opts.cols ?? 40, rows: 10, allowProposedApi: true })
  const writes: string[] = []
  const ed = new LineEditor({
    write: (d) => writes.push(d),
    columns: opts.cols ?? 40,
    complete: (before) =>
      before.endsWith('kubectl get po')
        ? { line: before + 'ds ', candidates: [] }
        : { line: before, candidates: opts.candidates ?? [] },
  })
  ed.setHistory(opts.history ?? [])
  ed.start('$ ')
  const events: LineEvent[] = []
  let rest = ''
  const press = (data: string) => {
    const r = ed.feed(data)
    events.push(...r.events)
    rest = r.rest
  }
  const screen = async () => {
    await new Promise<void>((done) => term.write(writes.splice(0).join(''), done))
    const b = term.buffer.active
    const lines: string[] = []
    for (let i = 0; i < b.length; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '')
    while (lines.length && lines[lines.length - 1] === '') lines.pop()
    return { lines, x: b.cursorX, y: b.cursorY }
  }
  return { ed, press, screen, events, rest: () => rest }
}

describe('line editor', () => {
  it('edits in the middle of the line with arrows, Home/End, Backspace and Delete', async () => {
    const t = setup()
    t.press('kubectl get pods')
    t.press('\x1b[D\x1b[D\x1b[D\x1b[D') // ← ×4: before "pods"
    t.press('\x7f') // Backspace eats the space
    t.press(' ')
    t.press('\x1b[H') // Home
    t.press('\x1b[3~') // Delete the k
    t.press('k\x1b[F!')
    const s = await t.screen()
    expect(s.lines).toEqual(['$ kubectl get pods!'])
    expect(s.x).toBe('$ kubectl get pods!'.length)
    t.press('\r')
    expect(t.events).toEqual([{ type: 'submit', line: 'kubectl get pods!' }])
  })

  it('Ctrl+A/E move, Ctrl+U/K/W kill and Ctrl+Y yanks back', async () => {
    const t = setup()
    t.press('echo one two three')
    t.press('\x17') // Ctrl+W: "three"
    expect(t.ed.text).toBe('echo one two ')
    t.press('\x19') // Ctrl+Y
    expect(t.ed.text).toBe('echo one two three')
    t.press('\x01\x1bf') // Ctrl+A, Alt+F: after "echo"
    t.press('\x0b') // Ctrl+K
    expect(t.ed.text).toBe('echo')
    t.press('\x05 x\x1b[D\x15') // Ctrl+E, type, ←, Ctrl+U
    expect(t.ed.text).toBe('x')
    expect((await t.screen()).lines).toEqual(['$ x'])
  })

  it('walks the history with Up/Down and keeps the draft', async () => {
    const t = setup({ history: ['kubectl get pods', 'kubectl get svc'] })
    t.press('draft')
    t.press('\x1b[A')
    expect(t.ed.text).toBe('kubectl get svc')
    t.press('\x1b[A\x1b[A') // stops at the oldest
    expect(t.ed.text).toBe('kubectl get pods')
    t.press('\x1b[B\x1b[B')
    expect(t.ed.text).toBe('draft')
    expect((await t.screen()).lines).toEqual(['$ draft'])
  })

  it('Ctrl+R searches back as bash shows it; Enter runs the match, Ctrl+G restores', async () => {
    const t = setup({ history: ['echo $?', 'kubectl get pods', 'echo hi'] })
    t.press('\x12ech')
    expect((await t.screen()).lines).toEqual(["(reverse-i-search)`ech': echo hi"])
    t.press('\x12') // next older match
    expect((await t.screen()).lines).toEqual(["(reverse-i-search)`ech': echo $?"])
    t.press('x')
    expect((await t.screen()).lines).toEqual(["(failed reverse-i-search)`echx': echo $?"])
    t.press('\x07')
    expect((await t.screen()).lines).toEqual(['$ '])
    t.press('\x12pods\r')
    expect(t.events).toEqual([{ type: 'submit', line: 'kubectl get pods' }])
  })

  it('a key other than the search keys accepts the match and acts on it', () => {
    const t = setup({ history: ['kubectl get pods'] })
    t.press('\x12get\x05 -w')
    expect(t.ed.text).toBe('kubectl get pods -w')
  })

  it('Tab completes; a second Tab lists the choices and draws the line again', async () => {
    const t = setup({ candidates: ['exec', 'explain'] })
    t.press('kubectl get po\t')
    expect(t.ed.text).toBe('kubectl get pods ')
    const u = setup({ candidates: ['exec', 'explain'] })
    u.press('kubectl ex\t')
    expect((await u.screen()).lines).toEqual(['$ kubectl ex'])
    u.press('\t')
    expect((await u.screen()).lines).toEqual(['$ kubectl ex', 'exec  explain', '$ kubectl ex'])
  })

  it('Ctrl+C prints ^C and ends the line; Ctrl+D ends it only when empty', async () => {
    const t = setup()
    t.press('abc\x1b[D\x03')
    expect(t.events).toEqual([{ type: 'interrupt' }])
    expect((await t.screen()).lines).toEqual(['$ abc^C'])
    const u = setup()
    u.press('ab\x1b[D\x04') // deletes the b
    expect(u.ed.text).toBe('a')
    u.press('\x15\x04')
    expect(u.events).toEqual([{ type: 'eof' }])
  })

  it('a multi-line paste ends the first line and hands back the rest', () => {
    const t = setup()
    t.press('kubectl get pods\rkubectl get svc\recho done')
    expect(t.events).toEqual([{ type: 'submit', line: 'kubectl get pods' }])
    expect(t.rest()).toBe('kubectl get svc\recho done')
    t.ed.start('$ ')
    t.press(t.rest())
    expect(t.events.at(-1)).toEqual({ type: 'submit', line: 'kubectl get svc' })
    expect(t.rest()).toBe('echo done')
  })

  it('redraws a line that wraps past the right margin, editing on its first row', async () => {
    const t = setup({ cols: 20 })
    t.press('0123456789abcdefghijklmnopqrstuvwxyz') // 2 + 36 = 38 columns: two rows
    t.press('\x01') // Home: back on the first row
    let s = await t.screen()
    expect([s.x, s.y]).toEqual([2, 0])
    t.press('>')
    s = await t.screen()
    expect(s.lines).toEqual(['$ >0123456789abcdefg', 'hijklmnopqrstuvwxyz'])
    expect([s.x, s.y]).toEqual([3, 0])
    t.press('\x05Z') // End, one more: exactly at the margin, the cursor waits on a third row
    s = await t.screen()
    expect([s.x, s.y]).toEqual([0, 2])
    t.press('\x17') // Ctrl+W kills the long word: back to one row
    s = await t.screen()
    expect(s.lines).toEqual(['$ '])
  })
})
