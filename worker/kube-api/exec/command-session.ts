// One exec without a terminal (`kubectl exec POD -- CMD`, `kubectl exec -i POD -- CMD`): stdin,
// if asked for, is gathered until the client closes it (v5's [255, 0]; kubectl sends it when its
// own stdin ends), then the command runs once and its output, the Status and a close 1000 go back.
// v4 has no close signal: there the command runs once stdin has been quiet for STDIN_QUIET_MS.
// Left out: programs that answer input as it arrives (the simulation runs a command to its end).

import { ERROR, STDERR, STDOUT, V4, frame, failureStatus, readClientFrame } from './frames'
import type { ExecHandlers, ExecPeer } from './peer'
import type { ExecOutcome } from './run-exec'

/** What one exec may send on stdin (the terminal's run API allows the same). */
export const STDIN_MAX_BYTES = 512 * 1024
/** v4 clients: stdin is over after this long without input. */
export const STDIN_QUIET_MS = 500
/** A session waiting for stdin ends after this long (the streams' limit). */
export const SESSION_LIMIT_MS = 30 * 60_000

export interface CommandSessionOptions {
  protocol: string
  stdin: boolean
  /** runs the command with the gathered stdin */
  run(stdin: string): Promise<ExecOutcome>
  /** the program's output with a terminal: `\n` goes out as `\r\n` (the pty's ONLCR) */
  tty: boolean
}

export function commandSession(peer: ExecPeer, o: CommandSessionOptions): ExecHandlers {
  const chunks: Uint8Array[] = []
  let size = 0
  let state: 'reading' | 'running' | 'done' = 'reading'
  let quiet: ReturnType<typeof setTimeout> | undefined
  const limit = setTimeout(
    () => fail('the exec session waited too long for stdin to end'),
    SESSION_LIMIT_MS,
  )

  const finish = (status: object) => {
    if (state === 'done') return
    state = 'done'
    clearTimeout(limit)
    clearTimeout(quiet)
    peer.send(frame(ERROR, JSON.stringify(status)))
    peer.close(1000)
  }
  const fail = (message: string) => finish(failureStatus(message, 'BadRequest'))
  const execute = () => {
    if (state !== 'reading') return
    state = 'running'
    clearTimeout(quiet)
    const stdin = new TextDecoder().decode(concat(chunks, size))
    o.run(stdin)
      .then((out) => {
        if (state === 'done') return
        const crlf = (t: string) => (o.tty ? t.replace(/\r?\n/g, '\r\n') : t)
        if (out.stdout) peer.send(frame(STDOUT, crlf(out.stdout)))
        if (out.stderr) peer.send(frame(o.tty ? STDOUT : STDERR, crlf(out.stderr)))
        finish(out.status)
      })
      .catch((e: unknown) => {
        console.error('exec failed', e)
        finish(failureStatus(e instanceof Error ? e.message : 'the command could not be run'))
      })
  }

  if (!o.stdin) queueMicrotask(execute)
  return {
    onMessage(data) {
      if (state !== 'reading') return
      const f = readClientFrame(data, o.protocol)
      if (f.type === 'invalid') return fail(f.message)
      if (f.type === 'resize') return
      if (f.type === 'close') return f.stream === 0 ? execute() : undefined
      if (!o.stdin) return fail('stdin was not asked for (stdin=true) but the client sent some')
      size += f.data.length
      if (size > STDIN_MAX_BYTES) return fail('stdin may be at most 512 KiB')
      chunks.push(f.data)
      if (o.protocol === V4) {
        clearTimeout(quiet)
        quiet = setTimeout(execute, STDIN_QUIET_MS)
      }
    },
    onClose() {
      state = 'done'
      clearTimeout(limit)
      clearTimeout(quiet)
    },
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}
