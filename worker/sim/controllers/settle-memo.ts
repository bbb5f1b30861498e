// What settle remembers about one document object between commands, to skip a controller that
// would do nothing: it found nothing to do at an earlier `now`, nothing of the kinds it reads was
// written to the document since, and no time it compares `now` with (due.ts) has come. A
// controller's output is a function of the objects it reads and `now`: with those the same, only
// a due time can change it.
// Kept per document object in this process (a parsed or cloned document starts with none: the
// platform keeps parsed documents between a learner's commands, document-cache.ts).

import { documentWrites, kindWrites } from '../object-index'
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

/** The kinds a controller reads (controller-reads.ts); undefined: every kind. */
export type Reads = readonly string[] | undefined

interface Quiet {
  /** the kinds its run read, and kindWrites of those when it last ran and found nothing to do */
  reads: Reads
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
    q.writes === kindWrites(s, q.reads) &&
    now >= q.since &&
    now < q.dueAt &&
    q.lb === s.runtime.loadBalancerController
  )
}

/** One run of controller `i` of settle's list. */
export interface ControllerRun {
  i: number
  timing: Timing
  reads: Reads
  now: number
  /** documentWrites before it ran */
  writes: number
}

/** Set by a run whose answer read more than its controller's kinds (see readBeyondKinds). */
let wide = false

/**
 * Says that the running controller's answer this time depends on more than the kinds it names
 * (a ReplicaSet short of pods reads the quota, i.e. every kind's count, and its events): the run
 * is then remembered as reading every kind.
 */
export function readBeyondKinds(): void {
  wide = true
}

/** Before a controller runs: forget times noted by earlier code. */
export function startRun(
  s: ClusterState,
  i: number,
  timing: Timing,
  reads: Reads,
  now: number,
): ControllerRun {
  takeDue()
  wide = false
  return { i, timing, reads, now, writes: documentWrites(s) }
}

/**
 * After a controller ran: remember it as quiet when it changed nothing and wrote nothing, with
 * the kinds it read and the time it noted; forget it otherwise. `ownQuiet`: every write it made
 * left it quiet (key-memo.ts syncKeyOwn), so it is remembered as quiet after them. Answers whether
 * it was quiet with respect to its kinds (settle skips it in later rounds while none of them is
 * written).
 */
export function endRun(
  s: ClusterState,
  run: ControllerRun,
  changed: boolean,
  ownQuiet = false,
): boolean {
  const dueAt = takeDue()
  const memo = quietOf(s)
  const reads = wide ? undefined : run.reads
  wide = false
  const quiet = ownQuiet || (!changed && run.writes === documentWrites(s))
  if (!quiet || run.timing === 'always') memo.delete(run.i)
  else
    memo.set(run.i, {
      reads,
      writes: kindWrites(s, reads),
      since: run.now,
      dueAt: run.timing === 'none' ? Infinity : dueAt,
      lb: s.runtime.loadBalancerController,
    })
  return quiet && reads === run.reads
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
 * still valid, i.e. recorded after the last write to `s` of a kind the controller reads.
 */
export function snapshotQuiet(s: ClusterState): QuietSnapshot | undefined {
  const memo = MEMO.get(s)
  if (!memo) return undefined
  const entries: QuietSnapshot['entries'] = []
  for (const [i, q] of memo)
    if (q.writes === kindWrites(s, q.reads))
      entries.push([i, { reads: q.reads, since: q.since, dueAt: q.dueAt, lb: q.lb }])
  return entries.length > 0 ? { entries } : undefined
}

/** Gives `copy`, JSON-identical to the document the snapshot was taken of, that document's memo. */
export function adoptQuiet(copy: ClusterState, snap: QuietSnapshot): void {
  const entries = snap.entries.map(([i, q]): [number, Quiet] => [
    i,
    { ...q, writes: kindWrites(copy, q.reads) },
  ])
  MEMO.set(copy, new Map(entries))
}
