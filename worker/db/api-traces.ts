// The last request traces of execs made through the Kubernetes API (the learner's own kubectl),
// kept in the cluster row's `api_traces` column so the lab page's status poll can draw them on the
// map: the browser terminal's answers carry their traces, an exec from another terminal has no
// other way to the page. Bounded, and numbered so the page draws each one once. The column is
// written in the exec's own batch (storeRun), from the row the exec has just read: no extra read
// or statement.

import { visibleTrace } from '../labs/visible-trace'
import type { TraceEntry } from '../sim/net/types'

/** Traces kept: a loop of curls leaves its last few, as the map would show no more at once. */
export const API_TRACES_KEPT = 5

export interface ApiTrace {
  /** 1, 2, 3, ... per cluster: the page draws those above the highest it has seen */
  seq: number
  trace: TraceEntry
}

/** The stored traces, oldest first; a missing or unreadable column reads as none. */
export function parseApiTraces(text: string | null | undefined): ApiTrace[] {
  if (!text) return []
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) ? (v as ApiTrace[]) : []
  } catch {
    return []
  }
}

/**
 * The column with `traces` added (numbered after the stored ones), or undefined if none. A lab that
 * hides diagnoses (a challenge) keeps none here either, as the terminal's answers do.
 */
export function withApiTraces(
  stored: string | null | undefined,
  all: readonly TraceEntry[],
  hideDiagnoses = false,
): string | undefined {
  if (all.length === 0) return undefined
  const { trace: traces } = visibleTrace({ hideDiagnoses }, all)
  const old = parseApiTraces(stored)
  const base = old.at(-1)?.seq ?? 0
  // numbering counts every trace, also those of a long loop that are not kept
  const first = base + traces.length - Math.min(traces.length, API_TRACES_KEPT)
  const added = traces.slice(-API_TRACES_KEPT).map((trace, i) => ({ seq: first + i + 1, trace }))
  return JSON.stringify([...old, ...added].slice(-API_TRACES_KEPT))
}
