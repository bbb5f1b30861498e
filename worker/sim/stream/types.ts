// Commands that print as simulated time passes (get -w, logs -f, watch, ping, loops with sleep):
// the interpreter pauses at such a command and the caller resumes it with a later `now`.

import type { Ctx } from '../context'
import type { Io } from '../shell/io'
import type { Shell } from '../shell/interpreter'
import type { Env } from '../context'

/** A watch event's type (apimachinery pkg/watch EventType), less BOOKMARK and ERROR. */
export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** Resume at `until` (ms) at the latest; earlier when the cluster changed, if `onChange`. */
export interface Pause {
  until: number
  onChange?: boolean
}

/** What Ctrl+C prints now and the status it leaves (TERMINAL-FACTS A3, B6). */
export interface Interrupt {
  text: string
  exitCode: number
}

/** A shell's default: the tty echoes `^C`, a new line, status 130. */
export const SHELL_INTERRUPT: Interrupt = { text: '^C\n', exitCode: 130 }
/** kubectl's handler exits 1 with no newline: the prompt follows `^C` on the same line. */
export const KUBECTL_INTERRUPT: Interrupt = { text: '^C', exitCode: 1 }

/** What a streaming program runs with; `ctx.now` and `ctx.s` move on at each resume. */
export interface StreamProc {
  ctx: Ctx
  sh: Shell
  argv: string[]
  io: Io
  env: Env
  /** sets what Ctrl+C would print while this program runs */
  onInterrupt(i: Interrupt): void
}

export type StreamProgram = (p: StreamProc) => Generator<Pause, number, void>
