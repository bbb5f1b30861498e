// The remotecommand framing and the server-side pty of `kubectl exec -it`, with a fake socket:
// what kubectl's raw terminal shows for each key, and what ends the session with which status.
import { describe, expect, it, vi } from 'vitest'
import { chooseProtocol, frame, readClientFrame } from '../../../worker/kube-api/exec/frames'
import { execLine, toOutcome } from '../../../worker/kube-api/exec/run-exec'
import {
  TTY_IDLE_MS,
  ttySession,
  type ShellBackend,
  type ShellStep,
} from '../../../worker/kube-api/exec/tty-session'
import type { ExecPeer } from '../../../worker/kube-api/exec/peer'

const dec = new TextDecoder()

function fakePeer() {
  const sent: Uint8Array[] = []
  let closed: number | undefined
  const peer: ExecPeer = { send: (d) => sent.push(d), close: (c) => (closed = c) }
  return {
    peer,
    screen: () =>
      sent
        .filter((f) => f[0] === 1)
        .map((f) => dec.decode(f.subarray(1)))
        .join(''),
    status: () => {
      const f = sent.find((x) => x[0] === 3)
      return f ? JSON.parse(dec.decode(f.subarray(1))) : undefined
    },
    closed: () => closed,
  }
}

/** A shell that answers `echo X` with X and records the lines it ran. */
function echoShell(lines: string[]): ShellBackend {
  const step = (output: string, exit?: number): ShellStep => ({ output, prompt: '$ ', exit })
  return {
    open: async () => step(''),
    line: async (text) => {
      lines.push(text)
      const exit = /^exit (\d+)$/.exec(text)
      return exit ? step('exit\n', Number(exit[1])) : step(`${text.replace(/^echo /, '')}\n`)
    },
    eof: async () => step('exit\n', 0),
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))
const keys = (s: string) => frame(0, s)

describe('kubectl exec -it line discipline', () => {
  it('echoes, erases, runs a line on Enter and ends with the shell status', async () => {
    const p = fakePeer()
    const ran: string[] = []
    const h = ttySession(p.peer, 'v5.channel.k8s.io', ['sh'], echoShell(ran))
    await tick()
    h.onMessage(keys('echo hx\x7fi\r'))
    await tick()
    h.onMessage(keys('\x1b[Aecho b\x03'))
    h.onMessage(keys('exit 7\r'))
    await tick()
    expect(ran).toEqual(['echo hi', 'exit 7'])
    expect(p.screen()).toBe('$ echo hx\b \bi\r\nhi\r\n$ echo b^C\r\n$ exit 7\r\nexit\r\n')
    expect(p.status()).toMatchObject({
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '7' }] },
    })
    expect(p.closed()).toBe(1000)
  })

  it('keeps keys typed while a line runs for after it, and Ctrl+D at an empty prompt ends with Success', async () => {
    const p = fakePeer()
    const ran: string[] = []
    const h = ttySession(p.peer, 'v5.channel.k8s.io', ['sh'], echoShell(ran))
    h.onMessage(keys('echo 1\recho 2\r'))
    await tick()
    await tick()
    h.onMessage(keys('\x04'))
    await tick()
    expect(ran).toEqual(['echo 1', 'echo 2'])
    expect(p.status()).toEqual({ metadata: {}, status: 'Success' })
  })

  it('answers a broken frame with a BadRequest Status and a normal close', async () => {
    const p = fakePeer()
    const h = ttySession(p.peer, 'v5.channel.k8s.io', ['sh'], echoShell([]))
    await tick()
    h.onMessage(new Uint8Array([9, 1]))
    expect(p.status()).toMatchObject({
      status: 'Failure',
      reason: 'BadRequest',
      message: 'unknown stream 9 from the client (v5.channel.k8s.io)',
    })
    expect(p.closed()).toBe(1000)
  })
})

describe('kubectl exec -it left alone', () => {
  it('is closed after the idle limit with a Status that says why', async () => {
    vi.useFakeTimers()
    try {
      const p = fakePeer()
      const h = ttySession(p.peer, 'v5.channel.k8s.io', ['sh'], echoShell([]))
      await vi.advanceTimersByTimeAsync(TTY_IDLE_MS - 1000)
      h.onMessage(keys('e'))
      await vi.advanceTimersByTimeAsync(TTY_IDLE_MS - 1000)
      expect(p.status()).toBeUndefined()
      await vi.advanceTimersByTimeAsync(2000)
      expect(p.status()).toMatchObject({
        status: 'Failure',
        message: 'the shell was closed after 30 minutes without input',
      })
      expect(p.closed()).toBe(1000)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('kubectl exec -it flooded', () => {
  it('refuses a paste far beyond a line with a Status instead of queueing it', async () => {
    const p = fakePeer()
    const h = ttySession(p.peer, 'v5.channel.k8s.io', ['sh'], echoShell([]))
    h.onMessage(keys('x'.repeat(70 * 1024)))
    expect(p.status()).toMatchObject({
      reason: 'BadRequest',
      message: 'too much input at once for the shell (64 KiB)',
    })
    expect(p.closed()).toBe(1000)
  })
})

describe('remotecommand frames', () => {
  it('picks v5, then v4, and nothing else', () => {
    expect(chooseProtocol('v4.channel.k8s.io, v5.channel.k8s.io')).toBe('v5.channel.k8s.io')
    expect(chooseProtocol('v4.channel.k8s.io')).toBe('v4.channel.k8s.io')
    expect(chooseProtocol('channel.k8s.io')).toBeUndefined()
  })

  it('reads stdin, resize and v5 close; refuses the rest', () => {
    expect(
      readClientFrame(
        new Uint8Array([4, ...new TextEncoder().encode('{"Width":120,"Height":40}\n')]),
        'v5.channel.k8s.io',
      ),
    ).toEqual({ type: 'resize', columns: 120, rows: 40 })
    expect(readClientFrame(new Uint8Array([255, 0]), 'v5.channel.k8s.io')).toEqual({
      type: 'close',
      stream: 0,
    })
    expect(readClientFrame(new Uint8Array([255, 0]), 'v4.channel.k8s.io').type).toBe('invalid')
    expect(readClientFrame(new Uint8Array([4, 1, 2]), 'v5.channel.k8s.io').type).toBe('invalid')
    expect(readClientFrame('text', 'v5.channel.k8s.io').type).toBe('invalid')
  })
})

describe('exec through the lab terminal', () => {
  it('is the line a learner would type', () => {
    expect(
      execLine({
        namespace: 'default',
        pod: 'access-pod',
        argv: ['curl', '-s', 'my-service:8080'],
        stdin: false,
        tty: false,
      }),
    ).toBe('kubectl exec access-pod -- curl -s my-service:8080')
    expect(
      execLine({
        namespace: 'dev',
        pod: 'p',
        container: 'app',
        argv: ['sh', '-c', "echo 'a b'"],
        stdin: true,
        tty: false,
      }),
    ).toBe(`kubectl exec -i -n dev -c app p -- sh -c 'echo '\\''a b'\\'''`)
  })

  it("moves our kubectl's own lines into the Status the real kubectl prints them from", () => {
    expect(
      toOutcome(['sh'], {
        stdout: 'x\n',
        stderr: 'oops\ncommand terminated with exit code 3\n',
        exitCode: 3,
      }),
    ).toMatchObject({
      stdout: 'x\n',
      stderr: 'oops\n',
      exitCode: 3,
      status: { reason: 'NonZeroExitCode' },
    })
    expect(
      toOutcome(['nosuch'], {
        stdout: '',
        stderr: 'error: Internal error occurred: exec failed\n',
        exitCode: 1,
      }),
    ).toMatchObject({
      stderr: '',
      status: { status: 'Failure', message: 'Internal error occurred: exec failed' },
    })
  })
})
