// `kubectl exec -it POD -- bash`: kubectl puts the learner's terminal in raw mode and sends every
// keystroke on stdin (Enter is `\r`); the pty in the container does the line discipline. Here the
// server is that pty: it echoes what is typed, handles Backspace, Ctrl+U, Ctrl+C (`^C`, a fresh
// prompt), Ctrl+D on an empty line (end of input), skips cursor keys, and on Enter hands the line
// to the shell (one read and one write batch, as a terminal line costs). Output goes out with
// `\r\n` (the pty's ONLCR). When the shell exits, its status goes on the error stream and the
// socket closes with 1000: kubectl prints `command terminated with exit code N` and exits N.
// Left out: line editing inside the line (cursor keys), Tab completion, programs that read the
// terminal themselves (vi, top).

import {
  ERROR,
  STDOUT,
  exitStatus,
  failureStatus,
  frame,
  readClientFrame,
  successStatus,
} from './frames'
import type { ExecHandlers, ExecPeer } from './peer'

export interface ShellStep {
  /** what the shell printed (with `\n`; sent as `\r\n`) */
  output: string
  /** the next prompt */
  prompt: string
  /** set when the shell has ended: kubectl's exit status */
  exit?: number
  /** a failure of ours, told on the error stream */
  error?: string
}

export interface ShellBackend {
  /** the first prompt, or why the shell cannot start */
  open(size: TermSize): Promise<ShellStep>
  line(text: string, size: TermSize): Promise<ShellStep>
  /** Ctrl+D at an empty prompt */
  eof(size: TermSize): Promise<ShellStep>
}

export interface TermSize {
  columns: number
  rows: number
}

/** An `exec -it` shell without a key typed for this long is closed. */
export const TTY_IDLE_MS = 30 * 60_000
/** Keys typed ahead of the running line that are kept (characters). */
const TTY_PENDING_MAX = 64 * 1024

const crlf = (t: string) => t.replace(/\r?\n/g, '\r\n')

/** `[0x1b, '[', params..., final]` and `[0x1b, 'O', x]`: keys the line discipline skips. */
type Escape = 'none' | 'esc' | 'csi' | 'ss3'

export function ttySession(
  peer: ExecPeer,
  protocol: string,
  argv: string[],
  shell: ShellBackend,
): ExecHandlers {
  const size: TermSize = { columns: 80, rows: 24 }
  const decoder = new TextDecoder()
  let line = ''
  let pending = ''
  let escape: Escape = 'none'
  let busy = true
  let prompt = ''
  const promptAgain = () => prompt
  let done = false

  const out = (text: string) => {
    if (text && !done) peer.send(frame(STDOUT, text))
  }
  let idle: ReturnType<typeof setTimeout> | undefined
  const finish = (status: object) => {
    if (done) return
    done = true
    clearTimeout(idle)
    peer.send(frame(ERROR, JSON.stringify(status)))
    peer.close(1000)
  }
  const after = (step: ShellStep) => {
    // the prompt follows `cd`: the latest one is drawn again after ^C and empty lines
    prompt = step.prompt
    out(crlf(step.output))
    if (step.error) return finish(failureStatus(step.error))
    if (step.exit !== undefined)
      return finish(step.exit === 0 ? successStatus() : exitStatus(argv, step.exit))
    out(step.prompt)
    busy = false
    drain()
  }
  const call = (p: Promise<ShellStep>) => {
    busy = true
    p.then(after).catch((e: unknown) => {
      console.error('exec -it line failed', e)
      finish(failureStatus('the shell could not run the line; please try again'))
    })
  }
  const key = (ch: string) => {
    if (escape !== 'none') {
      if (escape === 'esc') escape = ch === '[' ? 'csi' : ch === 'O' ? 'ss3' : 'none'
      else if (escape === 'ss3' || /[@-~]/.test(ch)) escape = 'none'
      return
    }
    if (ch === '\r' || ch === '\n') {
      out('\r\n')
      const text = line
      line = ''
      if (text.trim() === '') return out(promptAgain())
      return call(shell.line(text, { ...size }))
    }
    if (ch === '\x7f' || ch === '\b') {
      if (!line) return
      line = [...line].slice(0, -1).join('')
      return out('\b \b')
    }
    if (ch === '\x03') {
      line = ''
      return out(`^C\r\n${promptAgain()}`)
    }
    if (ch === '\x04') return line === '' ? call(shell.eof({ ...size })) : undefined
    if (ch === '\x15') {
      out('\b \b'.repeat([...line].length))
      line = ''
      return
    }
    if (ch === '\x1b') {
      escape = 'esc'
      return
    }
    if (ch < ' ') return out(ch === '\t' ? '\x07' : '')
    line += ch
    out(ch)
  }
  const drain = () => {
    while (!busy && !done && pending) {
      const chars = [...pending]
      const ch = chars.shift() as string
      pending = chars.join('')
      key(ch)
    }
  }
  // an open shell nobody types in ends by itself (no database is touched while it waits)
  const awake = () => {
    clearTimeout(idle)
    idle = setTimeout(
      () =>
        finish(
          failureStatus(`the shell was closed after ${TTY_IDLE_MS / 60_000} minutes without input`),
        ),
      TTY_IDLE_MS,
    )
  }
  awake()
  call(shell.open({ ...size }))

  return {
    onMessage(data) {
      if (done) return
      awake()
      const f = readClientFrame(data, protocol)
      if (f.type === 'invalid') return finish(failureStatus(f.message, 'BadRequest'))
      if (f.type === 'resize') {
        size.columns = f.columns
        size.rows = f.rows
        return
      }
      if (f.type === 'close')
        return f.stream === 0 && !busy && line === '' ? call(shell.eof({ ...size })) : undefined
      pending += decoder.decode(f.data, { stream: true })
      // lines run one at a time; a paste far larger than a terminal line is refused, not queued
      if (pending.length > TTY_PENDING_MAX)
        return finish(failureStatus('too much input at once for the shell (64 KiB)', 'BadRequest'))
      drain()
    },
    onClose() {
      done = true
      clearTimeout(idle)
    },
  }
}
