// One terminal line sent to the cluster: streamed as NDJSON when the server can, else the one-shot
// JSON answer of `run` turned into the same events (so the terminal works against either).

import { apiStream } from '../api'
import type { RunResult, TraceEntry } from '../types'
import { ndjsonLines } from './ndjson'

export interface ShellRef {
  pod: string
  container: string
  namespace: string
}

/** The last event of a line: RunResult's fields, plus where the terminal now stands. */
export interface RunEnd extends Omit<RunResult, 'stdout' | 'stderr' | 'trace'> {
  prompt?: string
  shell?: ShellRef | null
  diagnosis?: string[]
  /** the shell this terminal was in had ended before the line (which was not run) */
  ended?: string
}

interface Output {
  stream: 'stdout' | 'stderr'
  text: string
}

export type StreamEvent =
  | { type: 'start'; prompt?: string; shell?: ShellRef | null }
  | ({ type: 'output' } & Output)
  | { type: 'trace'; trace: TraceEntry }
  | { type: 'changed' }
  | { type: 'interrupt'; text: string; exitCode?: number }
  | { type: 'tasks'; tasks: RunResult['tasks']; newlyCompleted?: string[] }
  | ({ type: 'end' } & RunEnd)

export interface RunRequest {
  command: string
  stdin?: string
  eof?: boolean
  terminal?: string
  columns?: number
  rows?: number
}

function parseEvent(line: string): StreamEvent | undefined {
  try {
    const v = JSON.parse(line) as { type?: unknown }
    return typeof v.type === 'string' ? (v as StreamEvent) : undefined
  } catch {
    return undefined
  }
}

/** The one-shot answer as the events a stream would have carried. */
export function oneShotEvents(r: RunResult & RunEnd & { output?: Output[] }): StreamEvent[] {
  const { stdout, stderr, trace, output, ...end } = r
  // `output` keeps stdout and stderr in the order they were written (servers with terminals)
  const printed: Output[] = output ?? [
    { stream: 'stdout', text: stdout ?? '' },
    { stream: 'stderr', text: stderr ?? '' },
  ]
  return [
    ...printed.map((o) => ({ type: 'output' as const, ...o })),
    ...(trace ?? []).map((t) => ({ type: 'trace' as const, trace: t })),
    { type: 'end', ...end },
  ]
}

async function readStream(res: Response, on: (e: StreamEvent) => void): Promise<void> {
  const reader = res.body?.getReader()
  if (!reader) return
  const decoder = new TextDecoder()
  let rest = ''
  for (;;) {
    const { done, value } = await reader.read()
    const split = ndjsonLines(rest, done ? '\n' : decoder.decode(value, { stream: true }))
    rest = split.rest
    for (const line of split.lines) {
      const e = parseEvent(line)
      if (e) on(e)
    }
    if (done) return
  }
}

/**
 * Runs one line, calling `on` for each event as it arrives. Resolves when the answer is complete
 * (an `end` event has been delivered, unless the request was aborted first).
 */
export async function runLine(
  clusterId: string,
  req: RunRequest,
  signal: AbortSignal,
  on: (e: StreamEvent) => void,
): Promise<void> {
  const path = `/api/clusters/${encodeURIComponent(clusterId)}/run`
  // a line with stdin (the editor's Apply) never waits on anything: ask for a plain answer
  const res = await apiStream(path, { ...req, stream: req.stdin === undefined }, signal)
  if ((res.headers.get('Content-Type') ?? '').includes('ndjson')) return readStream(res, on)
  const body = (await res.json()) as RunResult & RunEnd
  for (const e of oneShotEvents(body)) on(e)
}
