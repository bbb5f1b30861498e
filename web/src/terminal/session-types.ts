// What a terminal session needs from its screen and tells its page.

import type { TraceEntry } from '../types'
import type { Completer } from './line-editor'
import type { RunEnd } from './run-stream'

/** The part of xterm.js a session drives (a headless terminal in tests). */
export interface Screen {
  write(data: string, done?: () => void): void
  clear(): void
  focus?(): void
  /** the cursor's column once everything written so far is on the screen */
  column?(): Promise<number>
  readonly cols: number
  readonly rows: number
}

/** A finished line with what it printed (the page reads Apply's errors from stderr). */
export type LineResult = RunEnd & { stdout: string; stderr: string }

export interface SessionHooks {
  complete: Completer
  onEnd: (end: RunEnd) => void
  /** tasks completed while a line still runs (a curl in a loop) */
  onTasks: (tasks: RunEnd['tasks'], newlyCompleted: string[]) => void
  /** objects changed while a line still runs (a scale seen by a watch) */
  onChanged: () => void
  onTrace: (t: TraceEntry) => void
  onBusy: (busy: boolean) => void
  onCommand: (command: string) => void
  /** the screen changed in a way worth mirroring (output, a new prompt, a finished line) */
  onShown: () => void
}

/** The workstation's prompt, as the one-line terminal showed it; the server's answer wins. */
export const WORKSTATION_PROMPT = '$ '

/** The xterm.js terminal (browser or headless) as a session's Screen. */
export function xtermScreen(t: {
  write(data: string, done?: () => void): void
  clear(): void
  focus?(): void
  readonly cols: number
  readonly rows: number
  readonly buffer: { readonly active: { readonly cursorX: number } }
}): Screen {
  return {
    write: (d, done) => t.write(d, done),
    clear: () => t.clear(),
    focus: () => t.focus?.(),
    column: () => new Promise((r) => t.write('', () => r(t.buffer.active.cursorX))),
    get cols() {
      return t.cols
    },
    get rows() {
      return t.rows
    },
  }
}
