// Sends commands to the cluster one at a time and turns each answer into terminal lines,
// task updates, a trace for the map and, for the editor, the line an error points at.

import { useCallback, useRef, useState } from 'preact/hooks'
import { api, errorText } from '../api'
import type { RunResult, TraceEntry } from '../types'
import type { EntryKind } from './terminal-log'

export interface RunHooks {
  append: (items: { kind: EntryKind; text: string }[]) => void
  clear: () => void
  onResult: (r: RunResult) => void
  onTrace: (entry: TraceEntry) => void
}

export function useRunner(clusterId: string | undefined, hooks: RunHooks) {
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const [pending, setPending] = useState(0)
  const hooksRef = useRef(hooks)
  hooksRef.current = hooks

  const exec = async (
    command: string,
    stdin: string | undefined,
    shown: string,
  ): Promise<RunResult | undefined> => {
    const h = hooksRef.current
    h.append([{ kind: 'prompt', text: shown }])
    try {
      const body = stdin === undefined ? { command } : { command, stdin }
      const r = await api<RunResult>(
        'POST',
        `/api/clusters/${encodeURIComponent(clusterId ?? '')}/run`,
        body,
      )
      if (r.clear) h.clear()
      h.append([
        { kind: 'stdout', text: r.stdout },
        { kind: 'stderr', text: r.stderr },
      ])
      const traces = r.trace ?? []
      const diagnoses = [
        ...new Set(traces.map((t) => t.diagnosis).filter((d): d is string => Boolean(d))),
      ]
      h.append(diagnoses.map((d) => ({ kind: 'hint' as const, text: d })))
      const last = traces[traces.length - 1]
      if (last && last.hops.length) h.onTrace(last)
      h.onResult(r)
      return r
    } catch (err) {
      h.append([{ kind: 'stderr', text: errorText(err) }])
      return undefined
    }
  }

  /** Queues a command; resolves with its result (undefined when the request itself failed). */
  const run = useCallback(
    (command: string, stdin?: string, shown = command): Promise<RunResult | undefined> => {
      setPending((n) => n + 1)
      const p = queue.current.then(() => exec(command, stdin, shown))
      queue.current = p.finally(() => setPending((n) => n - 1))
      return p
    },
    [clusterId],
  )

  return { run, busy: pending > 0 }
}
