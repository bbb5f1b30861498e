import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import xtermHeadless from '@xterm/headless'
import type { TerminalSession as Session } from '../../../web/src/terminal/session'
import { xtermScreen } from '../../../web/src/terminal/session-types'

const { Terminal } = xtermHeadless
let TerminalSession: typeof Session

beforeAll(async () => {
  // the API module's router listens on window; Node has none
  vi.stubGlobal('window', { addEventListener: () => undefined })
  TerminalSession = (await import('../../../web/src/terminal/session')).TerminalSession
})

interface Call {
  url: string
  body: Record<string, unknown>
  /** pushes NDJSON events into the answer; `close` ends it */
  send: (events: object[], close?: boolean) => void
  signal: AbortSignal
}

/** A fetch that answers each run with an NDJSON stream the test writes into. */
function fakeServer(auto?: (body: Record<string, unknown>) => object[] | undefined) {
  const calls: Call[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body ?? '{}')) as Record<string, unknown>
    if (!url.endsWith('/run')) return new Response(null, { status: 204 })
    let ctrl!: ReadableStreamDefaultController<Uint8Array>
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) })
    const signal = init.signal as AbortSignal
    signal.addEventListener('abort', () => ctrl.error(new DOMException('aborted', 'AbortError')))
    const send = (events: object[], close = false) => {
      ctrl.enqueue(new TextEncoder().encode(events.map((e) => JSON.stringify(e) + '\n').join('')))
      if (close) ctrl.close()
    }
    calls.push({ url, body, send, signal })
    const canned = auto?.(body)
    if (canned) send(canned, true)
    return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson' } })
  })
  return calls
}

const end = (prompt = '$ ', extra: object = {}) => ({
  type: 'end',
  exitCode: 0,
  tasks: [],
  newlyCompleted: [],
  prompt,
  shell: null,
  ...extra,
})

async function setup(auto?: (body: Record<string, unknown>) => object[] | undefined) {
  const calls = fakeServer(auto)
  const term = new Terminal({ cols: 60, rows: 10, convertEol: true, allowProposedApi: true })
  const busy: boolean[] = []
  const s = new TerminalSession(xtermScreen(term), 'c1', 't1', {
    complete: (b) => ({ line: b, candidates: [] }),
    onEnd: () => undefined,
    onTasks: () => undefined,
    onChanged: () => undefined,
    onTrace: () => undefined,
    onCommand: () => undefined,
    onShown: () => undefined,
    onBusy: (b) => busy.push(b),
  })
  const screen = async () => {
    await new Promise<void>((r) => term.write('', r))
    const b = term.buffer.active
    const lines: string[] = []
    for (let i = 0; i < b.length; i++)
      lines.push((b.getLine(i)?.translateToString(true) ?? '').trimEnd())
    while (lines.length && lines[lines.length - 1] === '') lines.pop()
    return lines
  }
  const idle = () => vi.waitFor(() => expect(s.busy).toBe(false))
  return { s, calls, screen, busy, idle }
}

afterEach(() => vi.unstubAllGlobals())
beforeEach(() => vi.stubGlobal('window', { addEventListener: () => undefined }))

describe('terminal session', () => {
  it('prints streamed output as it arrives and the prompt from the end event', async () => {
    const t = await setup()
    await t.s.restore() // the GET answers 204 here: an older server, workstation prompt
    t.s.input('kubectl get pods -w\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(1))
    expect(t.calls[0]?.body).toMatchObject({
      command: 'kubectl get pods -w',
      terminal: 't1',
      stream: true,
      columns: 60,
      rows: 10,
    })
    t.calls[0]?.send([
      { type: 'start', prompt: '$ ', shell: null },
      { type: 'output', stream: 'stdout', text: 'NAME   READY\n' },
    ])
    await vi.waitFor(async () =>
      expect(await t.screen()).toEqual(['$ kubectl get pods -w', 'NAME   READY']),
    )
    expect(t.s.busy).toBe(true)
    t.calls[0]?.send(
      [{ type: 'output', stream: 'stdout', text: 'web-1  0/1\n' }, end('root@x:/# ')],
      true,
    )
    await t.idle()
    expect(await t.screen()).toEqual([
      '$ kubectl get pods -w',
      'NAME   READY',
      'web-1  0/1',
      'root@x:/#',
    ])
  })

  it("Ctrl+C on a watch aborts it and prints kubectl's ^C with the prompt on the same line", async () => {
    const t = await setup()
    await t.s.restore()
    t.s.input('kubectl get pods -w\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(1))
    t.calls[0]?.send([
      { type: 'start', prompt: '$ ', shell: null },
      { type: 'output', stream: 'stdout', text: 'NAME\n' },
      { type: 'interrupt', text: '^C', exitCode: 1 },
    ])
    await vi.waitFor(async () => expect((await t.screen()).at(-1)).toBe('NAME'))
    t.s.input('\x03')
    await t.idle()
    expect(t.calls[0]?.signal.aborted).toBe(true)
    expect((await t.screen()).slice(-1)).toEqual(['^C$'])
    t.s.input('kubectl get pods\x1b[D\x1b[D\x7f')
    // editing the next line leaves the ^C in front of its prompt, as in a terminal
    expect((await t.screen()).slice(-1)).toEqual(['^C$ kubectl get pds'])
  })

  it("each line carries the tab's last exit status, so that `echo $?` is bash's", async () => {
    const t = await setup()
    await t.s.restore()
    t.s.input('false\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(1))
    expect(t.calls[0]?.body.status).toBeUndefined()
    t.calls[0]?.send([end('$ ', { exitCode: 6 })], true)
    await t.idle()
    t.s.input('echo $?\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(2))
    expect(t.calls[1]?.body).toMatchObject({ command: 'echo $?', status: 6 })
    // Ctrl+C: the program's status as the server gave it (kubectl -w), else bash's 130
    t.calls[1]?.send([
      { type: 'output', stream: 'stdout', text: 'NAME\n' },
      { type: 'interrupt', text: '^C', exitCode: 1 },
    ])
    await vi.waitFor(async () => expect((await t.screen()).at(-1)).toBe('NAME'))
    t.s.input('\x03')
    await t.idle()
    t.s.input('sleep 9\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(3))
    expect(t.calls[2]?.body.status).toBe(1)
    t.s.input('\x03')
    await t.idle()
    t.s.input('true\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(4))
    expect(t.calls[3]?.body.status).toBe(130)
  })

  it('Ctrl+C without an interrupt event prints ^C and a newline (sleep)', async () => {
    const t = await setup()
    await t.s.restore()
    t.s.input('sleep 30\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(1))
    t.s.input('\x03')
    await t.idle()
    expect((await t.screen()).slice(-2)).toEqual(['^C', '$'])
  })

  it('a multi-line paste runs line by line, each after the one before has ended', async () => {
    const t = await setup((b) => [
      { type: 'output', stream: 'stdout', text: `ran ${String(b.command)}\n` },
      end(),
    ])
    await t.s.restore()
    t.s.input('echo one\recho two\recho three')
    await vi.waitFor(() => expect(t.calls).toHaveLength(2))
    await t.idle()
    expect(t.calls.map((c) => c.body.command)).toEqual(['echo one', 'echo two'])
    expect(await t.screen()).toEqual([
      '$ echo one',
      'ran echo one',
      '$ echo two',
      'ran echo two',
      '$ echo three',
    ])
  })

  it('keys typed before the first prompt are kept for it', async () => {
    const t = await setup((b) => [end(), ...(b.command ? [] : [])])
    t.s.input('pwd\r')
    await t.s.restore()
    await vi.waitFor(() => expect(t.calls.map((c) => c.body.command)).toEqual(['pwd']))
  })

  it('Ctrl+D on an empty line ends a pod shell through eof; on the workstation bash prints exit and opens a fresh shell', async () => {
    const t = await setup((b) =>
      b.eof
        ? // what the server prints for bash's Ctrl+D: a newline, then exit
          [{ type: 'output', stream: 'stdout', text: '\nexit\n' }, end('$ ')]
        : [end('root@p:/# ', { shell: { pod: 'p', container: 'c', namespace: 'default' } })],
    )
    await t.s.restore()
    t.s.input('\x04')
    expect(t.calls).toHaveLength(0)
    await vi.waitFor(async () => expect((await t.screen()).slice(-3)).toEqual(['$', 'exit', '$']))
    t.s.input('kubectl exec -it p -- bash\r')
    await t.idle()
    t.s.input('\x04')
    await vi.waitFor(() => expect(t.calls).toHaveLength(2))
    await t.idle()
    expect(t.calls[1]?.body).toMatchObject({ command: '', eof: true })
    expect((await t.screen()).slice(-3)).toEqual(['root@p:/#', 'exit', '$'])
  })

  it("Apply from the editor runs on the workstation even in a pod's shell, and keeps the typed line", async () => {
    const shell = { pod: 'p', container: 'c', namespace: 'default' }
    const t = await setup((b) =>
      b.terminal
        ? [end('root@p:/# ', { shell })]
        : [
            { type: 'output', stream: 'stdout', text: 'pod/x created\n' },
            end('$ ', { prompt: undefined, shell: undefined }),
          ],
    )
    await t.s.restore()
    t.s.input('kubectl exec -it p -- bash\r')
    await t.idle()
    t.s.input('ls -l')
    const r = await t.s.runFor(
      'kubectl apply -f -',
      'kind: Pod',
      "kubectl apply -f - (the editor's manifest)",
    )
    expect(t.calls[1]?.body).toEqual({
      command: 'kubectl apply -f -',
      stdin: 'kind: Pod',
      stream: false,
    })
    expect(r?.stdout).toBe('pod/x created\n')
    expect((await t.screen()).slice(-3)).toEqual([
      "$ kubectl apply -f - (the editor's manifest)",
      'pod/x created',
      'root@p:/# ls -l',
    ])
  })

  it('keys typed under a running command are echoed, then read by the next prompt', async () => {
    const t = await setup()
    await t.s.restore()
    t.s.input('sleep 3\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(1))
    t.s.input('ls\x1b[D')
    // an arrow key's ESC echoes in caret notation, as a tty with ECHOCTL shows it
    expect(await t.screen()).toEqual(['$ sleep 3', 'ls^[[D'])
    t.calls[0]?.send([end()], true)
    await t.idle()
    expect(await t.screen()).toEqual(['$ sleep 3', 'ls^[[D$ ls'])
  })

  it('control keys typed under a running command echo as ^X; Backspace and Ctrl+U rub out', async () => {
    const t = await setup()
    await t.s.restore()
    t.s.input('sleep 3\r')
    await vi.waitFor(() => expect(t.calls).toHaveLength(1))
    t.s.input('ab\x01c\x7f\x7f')
    expect(await t.screen()).toEqual(['$ sleep 3', 'ab'])
    t.s.input('\x01xy\x15')
    expect(await t.screen()).toEqual(['$ sleep 3'])
    t.s.input('pwd\x17ls -l\x01')
    expect(await t.screen()).toEqual(['$ sleep 3', 'ls -l^A'])
    t.calls[0]?.send([end()], true)
    await t.idle()
    // the next prompt reads the keys: the tty left `ls -l` then Ctrl+A (start of line) for it
    t.s.input('#')
    expect((await t.screen()).at(-1)).toBe('ls -l^A$ #ls -l')
  })
})
