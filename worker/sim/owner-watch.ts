// What could have left an object without its controller owner since the garbage collector last
// found none: the collector's scan (every ReplicaSet, Pod and EndpointSlice, each owner looked up
// by uid) ran four times per `kubectl scale` and found nothing. A dependent becomes garbage only
// when its owner's uid leaves the document (the owner removed, or replaced under its key by an
// object with another uid) or when a dependent is written whose owner is not there; putObject and
// removeObject report both here, so the collector skips its scan while neither happened.

import type { KubeObject } from './objects/types'
import type { ClusterState } from './state'
import { hasUid } from './uid-index'

/** The kinds the garbage collector deletes when their controller owner is gone. */
export const DEPENDENT_KINDS: readonly string[] = ['ReplicaSet', 'Pod', 'EndpointSlice']

interface Watch {
  /** the controller owners' uids of every dependent at the quiet scan and written since */
  owners: Set<string>
  /** whether an owner's uid left, or a dependent was written with its owner missing, since */
  changed: boolean
}

/**
 * Per objects map, like the uid index: never serialised, so a parsed or cloned document starts
 * without one and the collector scans it once.
 */
const WATCHES = new WeakMap<Record<string, KubeObject>, Watch>()

let watching = true

/** Turns the skip off or on (its differential test compares the two). */
export function watchOwners(on: boolean): void {
  watching = on
}

/** The controller owner's uid of a dependent (controllerOf, without the closure). */
export function controllerUid(obj: KubeObject): string | undefined {
  const refs = obj.metadata.ownerReferences
  if (refs === undefined) return undefined
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i] as NonNullable<typeof refs>[number]
    if (r.controller === true) return r.uid
  }
  return undefined
}

/** The collector's scan found nothing to do; `owners`: every dependent's controller owner uid. */
export function noteNoOrphans(s: ClusterState, owners: Set<string>): void {
  if (watching) WATCHES.set(s.objects, { owners, changed: false })
}

/** Whether no dependent can have lost its owner since the collector's last scan found none. */
export function noOrphansSince(s: ClusterState): boolean {
  const w = watching ? WATCHES.get(s.objects) : undefined
  return w !== undefined && !w.changed
}

/** putObject's bookkeeping, after storing `obj` under the key `prev` (if any) was stored at. */
export function noteOwnedWrite(s: ClusterState, obj: KubeObject, prev: KubeObject | undefined) {
  const w = WATCHES.get(s.objects)
  if (w === undefined || w.changed) return
  if (prev !== undefined && prev.metadata.uid !== obj.metadata.uid) noteUidGone(w, prev)
  if (!DEPENDENT_KINDS.includes(obj.kind)) return
  const owner = controllerUid(obj)
  if (owner === undefined) return
  w.owners.add(owner)
  if (!hasUid(s, owner)) w.changed = true
}

/** removeObject's bookkeeping: `gone` left the document. */
export function noteRemoved(s: ClusterState, gone: KubeObject): void {
  const w = WATCHES.get(s.objects)
  if (w !== undefined && !w.changed) noteUidGone(w, gone)
}

function noteUidGone(w: Watch, gone: KubeObject): void {
  if (w.owners.has(gone.metadata.uid)) w.changed = true
}

/** Drops the watch of `s` (objects written without putObject/removeObject: forgetIndex). */
export function forgetOwnerWatch(s: ClusterState): void {
  WATCHES.delete(s.objects)
}
