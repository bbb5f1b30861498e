// DELETE (registry store.Delete + pod strategy CheckGracefulDelete + garbage collector): Pods
// terminate gracefully, everything else goes at once and, with the background propagation kubectl
// uses by default, takes its dependents (ownerReferences); Orphan and Foreground are in
// propagation.ts. A Service takes its Endpoints and EndpointSlices, a Namespace everything in it.

import type { ClusterState } from '../state'
import {
  formatTimestamp,
  getObject,
  listObjects,
  parseTimestamp,
  putObject,
  removeObject,
} from '../state'
import type { ApiResult, KubeObject, Pod } from './types'
import { KINDS, RESOURCES, type Kind } from './resources'
import { fail, forbiddenError, notFound, ok } from './api-errors'
import {
  FOREGROUND_KINDS,
  dependentsOf,
  isDeletingForeground,
  orphanDependents,
  startForegroundDeletion,
  type PropagationPolicy,
} from './propagation'

export interface DeleteOptions {
  now: number
  /** `--grace-period`; Pods default to spec.terminationGracePeriodSeconds */
  gracePeriodSeconds?: number
  /** `--force` (with grace 0: removed at once) */
  force?: boolean
  dryRun?: boolean
  /** `--cascade=background|orphan|foreground` (propagation.ts); Background when unset */
  propagationPolicy?: PropagationPolicy
}

const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public']

/** getObject with the API server's NotFound error: `services "x" not found`. */
export function getObjectOrError<T extends KubeObject = KubeObject>(
  s: ClusterState,
  kind: Kind,
  namespace: string | undefined,
  name: string,
): ApiResult<T> {
  const o = getObject<T>(s, kind, RESOURCES[kind].namespaced ? namespace : undefined, name)
  return o ? ok(o) : fail(notFound(kind, name))
}

/** Deletes one object; returns it as the server does (a terminating Pod carries deletionTimestamp). */
export function deleteObject(
  s: ClusterState,
  kind: Kind,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions,
): ApiResult<KubeObject> {
  const found = getObjectOrError(s, kind, namespace, name)
  if (!found.ok) return found
  const obj = found.value
  if (kind === 'Namespace' && IMMORTAL_NAMESPACES.includes(name))
    return fail(forbiddenError(kind, name, 'this namespace may not be deleted'))
  if (opts.dryRun) return ok(structuredClone(obj))
  if (kind === 'Pod') return ok(deletePod(s, obj as Pod, opts))
  // an owner already waiting for its dependents stays so, unless another policy is asked for
  // (deletionFinalizersForGarbageCollection: the finalizer goes, and the owner with it)
  if (isDeletingForeground(obj) && (opts.propagationPolicy ?? 'Foreground') === 'Foreground')
    return ok(obj)
  const policy = kind === 'Namespace' ? 'Background' : (opts.propagationPolicy ?? 'Background')
  if (policy === 'Foreground' && FOREGROUND_KINDS.includes(kind) && dependentsOf(s, obj).length)
    return ok(startForegroundDeletion(s, obj, opts.now))
  removeObject(s, kind, obj.metadata.namespace, name)
  if (policy === 'Orphan') orphanDependents(s, obj)
  else collectDependents(s, obj, opts)
  if (kind === 'Service') removeServiceEndpoints(s, obj, opts)
  if (kind === 'Namespace') removeNamespaceContents(s, name)
  return ok(obj)
}

/** CheckGracefulDelete: unscheduled or finished pods and grace 0 go at once; others start terminating. */
function deletePod(s: ClusterState, pod: Pod, opts: DeleteOptions): KubeObject {
  const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
  const phase = pod.status?.phase
  const immediate = grace <= 0 || !pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed'
  if (immediate) {
    removeObject(s, 'Pod', pod.metadata.namespace, pod.metadata.name)
    return pod
  }
  const at = opts.now + grace * 1000
  const current = pod.metadata.deletionTimestamp
    ? parseTimestamp(pod.metadata.deletionTimestamp)
    : Infinity
  if (at >= current) return pod
  pod.metadata.deletionTimestamp = formatTimestamp(at)
  pod.metadata.deletionGracePeriodSeconds = grace
  return putObject(s, pod)
}

/** The garbage collector's background cascade over ownerReferences (uid). */
function collectDependents(s: ClusterState, owner: KubeObject, opts: DeleteOptions) {
  const ns = owner.metadata.namespace
  for (const kind of KINDS) {
    if (!RESOURCES[kind].namespaced) continue
    for (const o of listObjects(s, kind, ns)) {
      if (!(o.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid)) continue
      // a dependent deleted in the foreground goes when its own dependents are gone
      if (isDeletingForeground(o)) continue
      if (kind === 'Pod') deletePod(s, o as Pod, { now: opts.now })
      else {
        removeObject(s, kind, o.metadata.namespace, o.metadata.name)
        collectDependents(s, o, opts)
      }
    }
  }
}

/** The endpoints controller deletes a deleted Service's Endpoints; slices follow their service label. */
function removeServiceEndpoints(s: ClusterState, svc: KubeObject, opts: DeleteOptions) {
  const ns = svc.metadata.namespace
  const ep = getObject(s, 'Endpoints', ns, svc.metadata.name)
  if (ep) {
    removeObject(s, 'Endpoints', ns, svc.metadata.name)
    collectDependents(s, ep, opts)
  }
  for (const slice of listObjects(s, 'EndpointSlice', ns))
    if (slice.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
      removeObject(s, 'EndpointSlice', ns, slice.metadata.name)
}

/** The namespace controller's end result: nothing of the namespace is left. */
function removeNamespaceContents(s: ClusterState, ns: string) {
  for (const kind of KINDS)
    if (RESOURCES[kind].namespaced)
      for (const o of listObjects(s, kind, ns)) removeObject(s, kind, ns, o.metadata.name)
}
