// The garbage collector (pkg/controller/garbagecollector): an object whose controller owner no
// longer exists (by uid) is deleted, pods gracefully (background propagation); an owner deleted in
// the foreground (objects/propagation.ts) has its dependents deleted, then goes once none of
// those that block it (blockOwnerDeletion) is left.

import type { KubeObject, Pod } from '../objects/types'
import type { Kind } from '../objects/resources'
import {
  FOREGROUND_FINALIZER,
  FOREGROUND_KINDS,
  dependentsOf,
  isDeletingForeground,
  startForegroundDeletion,
} from '../objects/propagation'
import { objectsOfKind, putObject, removeObject, type ClusterState } from '../state'
import { deletePodGracefully } from './pod-factory'
import { hasUid } from '../uid-index'
import { checkingDocuments } from '../document-changed'
import { DEPENDENT_KINDS, controllerUid, noOrphansSince, noteNoOrphans } from '../owner-watch'

/**
 * A dependent of an owner deleted in the foreground is deleted in the foreground too (the GC's
 * attemptToDeleteItem): a pod gracefully, an owner of others with the finalizer, the rest at once.
 */
function deleteDependent(s: ClusterState, dep: KubeObject, now: number): boolean {
  if (dep.kind === 'Pod') return deletePodGracefully(s, dep as Pod, now)
  if (dep.metadata.deletionTimestamp) return false
  if (dependentsOf(s, dep).length > 0) startForegroundDeletion(s, dep, now)
  else removeObject(s, dep.kind as Kind, dep.metadata.namespace, dep.metadata.name)
  return true
}

/** processDeletingDependentsItem: dependents deleted; the owner goes when none blocks it. */
function finishForegroundDeletions(s: ClusterState, now: number): boolean {
  let changed = false
  for (const kind of FOREGROUND_KINDS)
    for (const owner of objectsOfKind(s, kind)) {
      if (!isDeletingForeground(owner)) continue
      const deps = dependentsOf(s, owner)
      for (const dep of deps) if (deleteDependent(s, dep, now)) changed = true
      const uid = owner.metadata.uid
      const blocking = dependentsOf(s, owner).some((d) =>
        d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true),
      )
      if (blocking) continue
      const rest = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER)
      if (rest.length === 0) removeObject(s, kind, owner.metadata.namespace, owner.metadata.name)
      else putObject(s, { ...owner, metadata: { ...owner.metadata, finalizers: rest } })
      changed = true
    }
  return changed
}

/** Dependents whose controller owner no object has, and every dependent's owner uid. */
function findOrphans(s: ClusterState, owners: Set<string>): KubeObject[] {
  const gone: KubeObject[] = []
  for (const kind of DEPENDENT_KINDS)
    for (const obj of objectsOfKind(s, kind as Kind)) {
      const owner = controllerUid(obj)
      if (owner === undefined) continue
      owners.add(owner)
      if (!isDeletingForeground(obj) && !hasUid(s, owner)) gone.push(obj)
    }
  return gone
}

/**
 * Deletes dependents whose controller owner is gone: no object of the document has its uid (the
 * GC's graph is keyed by uid). Returns true when anything was deleted. The scan is skipped while
 * no owner can have gone since it last found nothing (owner-watch.ts; check mode scans anyway).
 */
export function collectGarbage(s: ClusterState, now: number): boolean {
  const foreground = finishForegroundDeletions(s, now)
  if (!foreground && noOrphansSince(s)) {
    if (checkingDocuments() && findOrphans(s, new Set()).length > 0)
      throw new Error('garbage collector: an orphan appeared unnoticed; see sim/owner-watch.ts')
    return false
  }
  const owners = new Set<string>()
  const gone = findOrphans(s, owners)
  if (gone.length === 0) noteNoOrphans(s, owners)
  let changed = foreground
  for (const obj of gone) {
    if (obj.kind === 'Pod') {
      if (deletePodGracefully(s, obj as Pod, now)) changed = true
    } else {
      removeObject(s, obj.kind as Kind, obj.metadata.namespace, obj.metadata.name)
      changed = true
    }
  }
  return changed
}
