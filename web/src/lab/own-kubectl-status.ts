// What the lab page's poll of the kubeconfig status answers, and which of its traces are news.

import type { TraceEntry } from '../types'

export interface Status {
  active: boolean
  expiresAt: number | null
  version: number
  tasksDone: string[]
  /** the last requests exec'd through the Kubernetes API, numbered per cluster */
  traces?: { seq: number; trace: TraceEntry }[]
}

/**
 * The traces numbered above `seen`: each is drawn once. The first answer after the page opened
 * only sets `seen`: requests made before are not news.
 */
export function newTraces(s: Status, seen: { current: number | null }): TraceEntry[] {
  const traces = s.traces ?? []
  const last = traces.at(-1)?.seq ?? 0
  const before = seen.current
  seen.current = Math.max(before ?? 0, last)
  return before === null ? [] : traces.filter((t) => t.seq > before).map((t) => t.trace)
}
