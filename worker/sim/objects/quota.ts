// The lab's fixed ResourceQuota (modelled on plugin/pkg/admission/resourcequota): keeps one learner's
// cluster small. Checked after validation, like the real validating admission plugin.

import { objectsOfKind, type ClusterState } from '../state'
import { indexedKinds } from '../object-index'
import { checkingDocuments } from '../document-changed'
import type { KubeObject } from './types'
import { type Kind } from './resources'
import { forbiddenError } from './api-errors'
import type { ApiError } from './types'

export const QUOTA_NAME = 'service-lab'
/** objects a learner may have: all but Nodes, Events, EndpointSlices, system and add-on namespaces */
export const MAX_OBJECTS = 100
/** live (not terminal, not terminating) Pods */
export const MAX_PODS = 30
/** spec.replicas of one Deployment or ReplicaSet */
export const MAX_REPLICAS = 10

export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease']
/** namespaces the platform installs add-ons into (ingress-nginx): not the learner's budget */
const ADDON_NAMESPACES = ['ingress-nginx']
const UNCOUNTED_KINDS: string[] = ['Node', 'Event', 'EndpointSlice']
const UNCOUNTED_NAMESPACES = [...SYSTEM_NAMESPACES, ...ADDON_NAMESPACES]
const BUILTIN_NAMESPACES = ['default', ...UNCOUNTED_NAMESPACES]

function counted(o: KubeObject): boolean {
  if (UNCOUNTED_KINDS.includes(o.kind)) return false
  if (o.kind === 'Namespace') return !BUILTIN_NAMESPACES.includes(o.metadata.name)
  if (o.metadata.namespace && UNCOUNTED_NAMESPACES.includes(o.metadata.namespace)) return false
  return !(o.kind === 'Service' || o.kind === 'Endpoints') || o.metadata.name !== 'kubernetes'
}

function livePod(o: KubeObject): boolean {
  const phase = (o.status as { phase?: string } | undefined)?.phase
  return (
    o.kind === 'Pod' && !o.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed'
  )
}

const exceeded = (
  kind: Kind,
  name: string,
  res: string,
  requested: number,
  used: number,
  limit: number,
) =>
  forbiddenError(
    kind,
    name,
    `exceeded quota: ${QUOTA_NAME}, requested: ${res}=${requested}, used: ${res}=${used}, limited: ${res}=${limit}`,
  )

interface Usage {
  pods: number
  objects: number
}

function countIn(u: Usage, o: KubeObject, pods: boolean): void {
  if (pods && livePod(o) && !UNCOUNTED_NAMESPACES.includes(o.metadata.namespace ?? '')) u.pods++
  if (counted(o)) u.objects++
}

/**
 * What the quota counts now, from the kind lists: the uncounted kinds (Events above all, a third
 * of a document) are not walked. `pods`: live pods too (pods are counted only for a pod's create).
 */
function usage(s: ClusterState, pods: boolean): Usage {
  const u = { pods: 0, objects: 0 }
  for (const kind of indexedKinds(s)) {
    if (UNCOUNTED_KINDS.includes(kind)) continue
    for (const o of objectsOfKind(s, kind as Kind)) countIn(u, o, pods)
  }
  return u
}

/** usage() by a scan of every object (check mode compares the two). */
function scanUsage(s: ClusterState, pods: boolean): Usage {
  const u = { pods: 0, objects: 0 }
  for (const key in s.objects) countIn(u, s.objects[key] as KubeObject, pods)
  return u
}

/** Admission for a create: object count, pod count, replicas. */
export function checkCreateQuota(
  s: ClusterState,
  kind: Kind,
  obj: KubeObject,
): ApiError | undefined {
  const replicas = checkReplicas(kind, obj, 0)
  if (replicas) return replicas
  const ns = obj.metadata.namespace
  if (ns && UNCOUNTED_NAMESPACES.includes(ns)) return undefined
  const { pods, objects } = usage(s, kind === 'Pod')
  if (checkingDocuments()) {
    const scanned = scanUsage(s, kind === 'Pod')
    if (scanned.pods !== pods || scanned.objects !== objects)
      throw new Error('quota: the kind lists disagree with the document; see sim/object-index.ts')
  }
  if (kind === 'Pod' && pods + 1 > MAX_PODS)
    return exceeded(kind, obj.metadata.name, 'pods', 1, pods, MAX_PODS)
  if (counted(obj) && objects + 1 > MAX_OBJECTS)
    return exceeded(kind, obj.metadata.name, 'count/objects', 1, objects, MAX_OBJECTS)
  return undefined
}

/** Admission for an update: only replicas can grow a cluster. */
export function checkReplicas(kind: Kind, obj: KubeObject, current: number): ApiError | undefined {
  if (kind !== 'Deployment' && kind !== 'ReplicaSet') return undefined
  const replicas = (obj.spec as { replicas?: number } | undefined)?.replicas ?? 1
  if (replicas <= MAX_REPLICAS) return undefined
  return exceeded(kind, obj.metadata.name, 'replicas', replicas, current, MAX_REPLICAS)
}
