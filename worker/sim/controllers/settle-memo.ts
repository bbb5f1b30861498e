// What settle remembers about one document object between commands, to skip a controller that
// would do nothing: it found nothing to do at an earlier `now`, nothing was written to the
// document since, and no time it compares `now` with (due.ts) has come. A controller's output is
// a function of the objects and `now`: with the objects the same, only a due time can change it.
// Kept per document object in this process (a parsed or cloned document starts with none: the
// platform keeps parsed documents between a learner's commands, document-cache.ts).

import { documentWrites } from '../object-index'
import type { ClusterState } from '../state'
import { takeDue } from './due'
import { forgetQuietKeys, skipQuietKeys } from './key-memo'

/** How a controller depends on `now` beyond stamping what it writes. */
export type Timing =
  /** not at all: nothing to do stays nothing to do until something is written */
  | 'none'
  /** through comparisons that note their times (due.ts) */
  | 'noted'
  /** in ways not noted (the kubelet's timers, ingress-nginx's sync): runs every settle */
  | 'always'

interface Quiet {
  /** documentWrites when the controller last ran and found nothing to do */
  writes: number
  /** the `now` it ran at, and the earliest at which it might find something (Infinity: none) */
  since: number
  dueAt: number
  /** the load-balancer switch then (a runtime flag, not an object) */
  lb: boolean
}

const MEMO = new WeakMap<ClusterState, Map<number, Quiet>>()

let skipping = true

/**
 * Turns the skip off (the differential test compares settles with and without it), with the
 * per-key skip inside controllers (key-memo.ts).
 */
export function skipQuietControllers(on: boolean): void {
  skipping = on
  skipQuietKeys(on)
}

function quietOf(s: ClusterState): Map<number, Quiet> {
  let m = MEMO.get(s)
  if (!m) MEMO.set(s, (m = new Map()))
  return m
}

/** Whether controller `i` would find nothing to do at `now`, as it did last time. */
export function isStillQuiet(s: ClusterState, i: number, now: number): boolean {
  const q = skipping ? MEMO.get(s)?.get(i) : undefined
  return (
    q !== undefined &&
    q.writes === documentWrites(s) &&
    now >= q.since &&
    now < q.dueAt &&
    q.lb === s.runtime.loadBalancerController
  )
}

/** One run of controller `i` of settle's list. */
export interface ControllerRun {
  i: number
  timing: Timing
  now: number
  /** documentWrites before it ran */
  writes: number
}

/** Before a controller runs: forget times noted by earlier code. */
export function startRun(s: ClusterState, i: number, timing: Timing, now: number): ControllerRun {
  takeDue()
  return { i, timing, now, writes: documentWrites(s) }
}

/**
 * After a controller ran: remember it as quiet when it wrote nothing, with the time it noted;
 * forget it otherwise.
 */
export function endRun(s: ClusterState, run: ControllerRun, quiet: boolean): void {
  const dueAt = takeDue()
  const memo = quietOf(s)
  if (!quiet || run.timing === 'always' || run.writes !== documentWrites(s)) memo.delete(run.i)
  else
    memo.set(run.i, {
      writes: run.writes,
      since: run.now,
      dueAt: run.timing === 'none' ? Infinity : dueAt,
      lb: s.runtime.loadBalancerController,
    })
}

/** Forgets everything about `s` (an in-place change settle made itself). */
export function forgetQuiet(s: ClusterState): void {
  MEMO.delete(s)
  forgetQuietKeys(s)
}

/** What settle knows about a document, detached from the object: see adoptQuiet. */
export interface QuietSnapshot {
  entries: [number, Omit<Quiet, 'writes'>][]
}

/**
 * The memo of `s` as it stands, for a copy of it made now (a parse of its JSON): only what is
 * still valid, i.e. recorded after the last write to `s`.
 */
export function snapshotQuiet(s: ClusterState): QuietSnapshot | undefined {
  const memo = MEMO.get(s)
  if (!memo) return undefined
  const writes = documentWrites(s)
  const entries: QuietSnapshot['entries'] = []
  for (const [i, q] of memo)
    if (q.writes === writes) entries.push([i, { since: q.since, dueAt: q.dueAt, lb: q.lb }])
  return entries.length > 0 ? { entries } : undefined
}

/** Gives `copy`, JSON-identical to the document the snapshot was taken of, that document's memo. */
export function adoptQuiet(copy: ClusterState, snap: QuietSnapshot): void {
  const writes = documentWrites(copy)
  MEMO.set(copy, new Map(snap.entries.map(([i, q]) => [i, { ...q, writes }])))
}
