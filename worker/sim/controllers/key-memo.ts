// What a controller remembers per key (one Deployment, one Service) between commands, to skip
// that key's sync: upstream controllers sync only the keys an informer event queued; here every
// key is looked at on every settle, and a key whose inputs are as they were when its sync last
// found nothing to do is skipped, unless a time that sync compared `now` with has come (due.ts).
// The caller names the inputs: every object the sync reads, by uid and resourceVersion (every
// write of an object gives it a new resourceVersion), plus anything else it reads, as a list of
// the objects' own strings (no text is built per key; lists are compared element by element). Kept
// per document object in this process, beside settle's per-controller memo (settle-memo.ts), and
// turned off and forgotten with it.

import { documentWrites } from '../object-index'
import type { KubeObject } from '../objects/types'
import type { ClusterState } from '../state'
import { noteDue, takeDue } from './due'

/** What a sync reads, in a fixed order: equal lists mean the same inputs. */
export type Inputs = (string | boolean | undefined)[]

interface KeyQuiet {
  inputs: Inputs
  /** the `now` the sync found nothing at, and the earliest at which it might find something */
  since: number
  dueAt: number
}

const MEMO = new WeakMap<ClusterState, Map<string, KeyQuiet>>()

let skipping = true

/** Adds uid and resourceVersion of `o` to inputs: every write of an object gives it a new resourceVersion. */
export function pushVersion(inputs: Inputs, o: KubeObject): void {
  inputs.push(o.metadata.uid, o.metadata.resourceVersion)
}

function sameInputs(a: Inputs, b: Inputs): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Turns the per-key skip off or on (settle-memo.ts's switch turns both). */
export function skipQuietKeys(on: boolean): void {
  skipping = on
}

/** Whether settle's skips are on (tests compare with them off). */
export function isSkippingQuiet(): boolean {
  return skipping
}

/** Forgets every key of `s` (an in-place change made without a new resourceVersion). */
export function forgetQuietKeys(s: ClusterState): void {
  MEMO.delete(s)
}

function memoOf(s: ClusterState): Map<string, KeyQuiet> {
  let m = MEMO.get(s)
  if (!m) MEMO.set(s, (m = new Map()))
  return m
}

/**
 * Runs `sync(...args)` (which answers whether it wrote) for `key` unless it found nothing to do
 * before with the same `inputs` and none of its due times has come. `inputs` undefined: not
 * remembered (a sync whose outcome depends on more than its caller can name cheaply). The due
 * times a sync notes, or a skipped sync noted, are noted again for the controller's own memo.
 * The sync and its arguments are passed apart: no closure is made per key.
 */
export function syncKey<A extends unknown[]>(
  s: ClusterState,
  key: string,
  inputs: Inputs | undefined,
  now: number,
  sync: (...args: A) => boolean,
  ...args: A
): boolean {
  return syncKeyOwn(s, key, inputs, undefined, now, sync, ...args)
}

/**
 * What a sync's own object's write leaves: `obj` is the key's object, its version first in the
 * inputs (pushVersion), and a sync whose only write was `obj` (its status) would, run again at
 * once, write nothing and note no due time before `dueAfter(obj)`.
 */
export interface OwnWrite {
  obj: KubeObject
  dueAfter: (obj: KubeObject) => number
}

let ownSkipping = true

/** Own writes remembered as quiet so far (any cluster): settle compares it with the writes. */
let ownQuiet = 0

/** A number that grows with every own write syncKeyOwn remembers as leaving its key quiet. */
export function ownQuietWrites(): number {
  return ownQuiet
}

/** Turns the own-write shortcut alone off (its differential test). */
export function skipAfterOwnWrite(on: boolean): void {
  ownSkipping = on
}

/**
 * syncKey, and after a sync whose one write was its own object (a status write): the key is
 * remembered as quiet with the object's new version, as the sync run again would find it. This
 * spares the round settle runs only because of that write (upstream: the status update's own
 * watch event, a no-op sync).
 */
export function syncKeyOwn<A extends unknown[]>(
  s: ClusterState,
  key: string,
  inputs: Inputs | undefined,
  own: OwnWrite | undefined,
  now: number,
  sync: (...args: A) => boolean,
  ...args: A
): boolean {
  const memo = skipping && inputs !== undefined ? memoOf(s) : undefined
  const q = memo?.get(key)
  if (q && inputs && sameInputs(q.inputs, inputs) && now >= q.since && now < q.dueAt) {
    noteDue(q.dueAt)
    return false
  }
  const outer = takeDue()
  const writes = documentWrites(s)
  const rv = own?.obj.metadata.resourceVersion
  const changed = sync(...args)
  const dueAt = takeDue()
  noteDue(outer)
  noteDue(dueAt)
  if (!memo || inputs === undefined) return changed
  if (!changed && documentWrites(s) === writes) memo.set(key, { inputs, since: now, dueAt })
  else if (own && ownSkipping && wroteOnlyOwn(s, own.obj, inputs, rv, writes)) {
    const after = inputs.slice()
    after[1] = own.obj.metadata.resourceVersion
    const due = Math.min(dueAt, own.dueAfter(own.obj))
    memo.set(key, { inputs: after, since: now, dueAt: due })
    noteDue(due)
    ownQuiet += 1
  } else memo.delete(key)
  return changed
}

/**
 * syncKey, and after a sync that wrote: `after(...args)` gives the inputs a sync run again at once
 * would read and find nothing to do with (undefined: none such), remembered as quiet then, with
 * the due times the sync noted. For a sync that converges in one run (a ReplicaSet's: its pods
 * made or deleted and its status written from them), this spares the rerun the writes cause.
 */
export function syncKeyAfter<A extends unknown[]>(
  s: ClusterState,
  key: string,
  inputs: Inputs | undefined,
  after: (...args: A) => Inputs | undefined,
  now: number,
  sync: (...args: A) => boolean,
  ...args: A
): boolean {
  const outer = takeDue()
  const changed = syncKeyOwn(s, key, inputs, undefined, now, sync, ...args)
  const dueAt = takeDue()
  noteDue(outer)
  noteDue(dueAt)
  if (!changed || !skipping || !afterSkipping) return changed
  const next = after(...args)
  if (next !== undefined) memoOf(s).set(key, { inputs: next, since: now, dueAt })
  return changed
}

let afterSkipping = true

/** Turns syncKeyAfter's memo off (its differential test). */
export function rememberAfterWrite(on: boolean): void {
  afterSkipping = on
}

function wroteOnlyOwn(
  s: ClusterState,
  obj: KubeObject,
  inputs: Inputs,
  rv: string | undefined,
  writes: number,
): boolean {
  return (
    documentWrites(s) === writes + 1 &&
    inputs[0] === obj.metadata.uid &&
    inputs[1] === rv &&
    obj.metadata.resourceVersion !== rv
  )
}
