// Shared arithmetic of the deployment controller (pkg/controller/deployment/util).

import type { Deployment, PodTemplateSpec, ReplicaSet } from '../objects/types'
import { sameJSON } from './util'

/** Annotations the deployment controller writes (pkg/controller/deployment/util). */
export const REVISION = 'deployment.kubernetes.io/revision'
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas'

/** intstr.GetScaledValueFromIntOrPercent with the given rounding. */
function scaled(
  v: number | string | undefined,
  total: number,
  fallback: string,
  roundUp: boolean,
): number {
  const value = v ?? fallback
  if (typeof value === 'number') return value
  const m = /^(\d+)%$/.exec(value)
  if (!m) return Number(value) || 0
  const x = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(x) : Math.floor(x)
}

/** ResolveFenceposts: surge rounds up, unavailable down; both zero -> maxUnavailable 1. */
export function resolveFenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec.replicas ?? 1
  if (d.spec.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: replicas }
  const ru = d.spec.strategy?.rollingUpdate
  const maxSurge = scaled(ru?.maxSurge, replicas, '25%', true)
  let maxUnavailable = scaled(ru?.maxUnavailable, replicas, '25%', false)
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1
  return { maxSurge, maxUnavailable }
}

/** spec.replicas with the API default of 1. */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1
}

/** GetReplicaCountForReplicaSets: the replicas the ReplicaSets ask for. */
export function sumSpecReplicas(list: ReplicaSet[]): number {
  return list.reduce((n, rs) => n + specReplicas(rs), 0)
}

/** The deployment.kubernetes.io/revision of a ReplicaSet (0 when unset). */
export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0
}

/** Oldest first, as controller.ReplicaSetsByCreationTimestamp sorts. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ca = a.metadata.creationTimestamp
  const cb = b.metadata.creationTimestamp
  if (ca !== cb) return ca < cb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : 1
}

const HASH_LABEL = 'pod-template-hash'

/**
 * EqualIgnoreHash (pkg/controller/deployment/util): templates equal but for the RS's
 * pod-template-hash label. In-order comparison (sameJSON): a false "different" only sends the
 * caller to its slower key-order-blind check.
 */
export function equalIgnoreHash(rsTemplate: PodTemplateSpec, template: PodTemplateSpec): boolean {
  if (!sameJSON(rsTemplate.spec, template.spec)) return false
  const a = rsTemplate.metadata ?? {}
  const b = template.metadata ?? {}
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'labels') continue
    if (!sameJSON(a[k as keyof typeof a], b[k as keyof typeof b])) return false
  }
  const la: Record<string, string> = { ...(a.labels ?? {}) }
  delete la[HASH_LABEL]
  return sameJSON(la, b.labels ?? {})
}

/** equalIgnoreHash of a ReplicaSet's template and a Deployment's, as last compared. */
const SAME_TEMPLATE = new WeakMap<
  object,
  { template: object; generation: number | undefined; equal: boolean }
>()

/**
 * equalIgnoreHash(rs template, d template), remembered per pair of template objects and the
 * Deployment's generation: templates are not written in place (an API write builds new ones and
 * bumps generation), and each sync of a Deployment compares them again.
 */
export function sameTemplate(rs: ReplicaSet, d: Deployment): boolean {
  const m = SAME_TEMPLATE.get(rs.spec.template)
  if (m && m.template === d.spec.template && m.generation === d.metadata.generation) return m.equal
  const equal = equalIgnoreHash(rs.spec.template, d.spec.template)
  SAME_TEMPLATE.set(rs.spec.template, {
    template: d.spec.template,
    generation: d.metadata.generation,
    equal,
  })
  return equal
}
