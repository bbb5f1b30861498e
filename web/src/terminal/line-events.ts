// What one running line has reported so far: its start, output, traces, the text Ctrl+C would
// print now, and its end; progress is passed on to the page as it comes.

import type { TraceEntry } from '../types'
import type { RunEnd, StreamEvent } from './run-stream'
import type { SessionHooks } from './session'

type Start = Extract<StreamEvent, { type: 'start' }>

export class LineEvents {
  start: Start | undefined
  end: RunEnd | undefined
  readonly traces: TraceEntry[] = []
  readonly printed = { stdout: '', stderr: '' }
  /** what Ctrl+C prints now: the server's latest word, else the tty's echo and a newline */
  interruptText = '^C\n'
  /** the exit status the program has on Ctrl+C, as the server said (else a shell's 130) */
  interruptStatus = 130

  constructor(private readonly hooks: Pick<SessionHooks, 'onTrace' | 'onTasks' | 'onChanged'>) {}

  /** Records an event; true when it is output to print. */
  take(e: StreamEvent): boolean {
    switch (e.type) {
      case 'start':
        this.start = e
        return false
      case 'output':
        this.printed[e.stream] += e.text
        return true
      case 'trace':
        this.traces.push(e.trace)
        this.hooks.onTrace(e.trace)
        return false
      case 'interrupt':
        this.interruptText = e.text
        if (e.exitCode !== undefined) this.interruptStatus = e.exitCode
        return false
      case 'tasks':
        this.hooks.onTasks(e.tasks ?? [], e.newlyCompleted ?? [])
        return false
      case 'changed':
        this.hooks.onChanged()
        return false
      case 'end':
        this.end = e
        return false
    }
  }
}
