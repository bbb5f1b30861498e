// Where a streaming line writes: chunks stamped with the simulated time they were written at,
// taken by each step; the whole transcript is kept (capped) for the line's history row.

import type { Ctx } from '../context'
import { OUTPUT_LIMIT, type Budget, type Transcript, type Writer } from '../shell/io'

export interface StreamChunk {
  stream: 'stdout' | 'stderr'
  text: string
  /** the simulated time it was written (ms) */
  at: number
}

/** Kept for the history row; the stream itself has no total limit (each step has one). */
const KEPT_MAX = 64 * 1024

export class StreamWriter {
  private pending: StreamChunk[] = []
  private stepBytes = 0
  private keptBytes = 0
  readonly all: Transcript = []
  readonly out: Writer
  readonly err: Writer

  constructor(
    private readonly ctx: Ctx,
    private readonly budget: Budget,
  ) {
    this.out = { write: (s) => this.write('stdout', s) }
    this.err = { write: (s) => this.write('stderr', s) }
  }

  private write(stream: 'stdout' | 'stderr', text: string): void {
    if (!text || this.budget.stopped) return
    if (this.stepBytes + text.length > OUTPUT_LIMIT) {
      this.budget.stopped = 'output'
      return
    }
    this.stepBytes += text.length
    const last = this.pending[this.pending.length - 1]
    if (last && last.stream === stream && last.at === this.ctx.now) last.text += text
    else this.pending.push({ stream, text, at: this.ctx.now })
    if (this.keptBytes < KEPT_MAX) {
      const kept = text.slice(0, KEPT_MAX - this.keptBytes)
      this.keptBytes += kept.length
      const prev = this.all[this.all.length - 1]
      if (prev && prev.stream === stream) prev.text += kept
      else this.all.push({ stream, text: kept })
    }
  }

  /** The chunks written since the last call. */
  take(): StreamChunk[] {
    const out = this.pending
    this.pending = []
    this.stepBytes = 0
    return out
  }
}
