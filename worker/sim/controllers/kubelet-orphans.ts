// The kubelet's garbage collection of container runtime: records (kubelet-record.ts, apt's
// packages, logs) of containers whose pod is gone are dropped.

import type { Pod } from '../objects/types'
import type { ClusterState } from '../state'
import { kindRemovals } from '../object-index'
import { isSkippingQuiet } from './key-memo'
import { checkingDocuments } from '../document-changed'

/** kindRemovals of Pods when dropOrphanRuntime last looked at this document object. */
const ORPHANS_DROPPED = new WeakMap<ClusterState, number>()

/**
 * Drops the runtime of containers whose pod is gone. Records are made only for pods that exist
 * (the kubelet's, exec's, a served request's), so a record can lose its pod only when a Pod is
 * removed: until then there is nothing to drop (check mode looks anyway).
 */
export function dropOrphanRuntime(s: ClusterState, pods: readonly Pod[]): boolean {
  const podRemovals = kindRemovals(s, 'Pod')
  if (ORPHANS_DROPPED.get(s) === podRemovals && isSkippingQuiet()) {
    if (checkingDocuments() && hasOrphans(s, pods))
      throw new Error('dropOrphanRuntime: a container record lost its pod without a Pod removal')
    return false
  }
  ORPHANS_DROPPED.set(s, podRemovals)
  const uids = new Set(pods.map((p) => p.metadata.uid))
  let changed = false
  for (const key of Object.keys(s.runtime.containers)) {
    if (uids.has(key.slice(0, key.indexOf('/')))) continue
    delete s.runtime.containers[key]
    changed = true
  }
  return changed
}

function hasOrphans(s: ClusterState, pods: readonly Pod[]): boolean {
  const uids = new Set(pods.map((p) => p.metadata.uid))
  for (const key in s.runtime.containers) if (!uids.has(key.slice(0, key.indexOf('/')))) return true
  return false
}
