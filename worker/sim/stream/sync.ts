// Running a program to its end at once from a streaming program (the one-shot behaviour), so
// its checks and messages stay the single source of truth.

import { Input, Sink, type Transcript } from '../shell/io'
import { execute } from '../shell/simple-command'
import type { StreamProc } from './types'

export interface Captured {
  stdout: string
  exitCode: number
  output: Transcript
}

/** Runs argv as the one-shot terminal would, keeping its output for the caller to write. */
export function runOnce(p: StreamProc, argv: string[] = p.argv): Captured {
  const output: Transcript = []
  const counter = { bytes: 0 }
  const out = new Sink(p.sh.budget, counter, { list: output, stream: 'stdout' })
  const err = new Sink(p.sh.budget, counter, { list: output, stream: 'stderr' })
  const saved = p.sh.tty
  p.sh.tty = { out, err }
  const exitCode = execute(p.sh, argv, { stdin: new Input(''), out, err }, p.env)
  p.sh.tty = saved
  return { stdout: out.text(), exitCode, output }
}

/** Writes a captured output to the program's own streams, in order. */
export function replay(p: StreamProc, c: Captured): void {
  for (const o of c.output) (o.stream === 'stdout' ? p.io.out : p.io.err).write(o.text)
}
