// PUT of a whole object (registry store.Update): decode and default, keep what the server owns
// (uid, creationTimestamp, status), PrepareForUpdate per kind, validation, quota. A no-op update
// stores nothing and keeps the resourceVersion, as etcd would.

import type { ClusterState } from '../state'
import { cloneJSON, getObject, putObject } from '../state'
import type { ApiResult, Deployment, KubeObject, Pod, ReplicaSet, Service } from './types'
import { type Kind, qualifiedResource } from './resources'
import { fail, invalidError, notFound, ok } from './api-errors'
import { decodeObject, type WriteOptions } from './decode'
import { validateObject } from './validate'
import { checkReplicas } from './quota'
import { atomically } from './create'
import type { FieldError } from './field-errors'
import { validateSelectorImmutable } from './validate-workloads'
import { validatePodSpecUpdate } from './pod-update'
import { beginServiceUpdate, validateClusterIPUpdate } from './service-update'
import type { Ingress, IngressClass } from './ingress-types'
import { validateIngressClassUpdate } from './validate-ingress-class'
import type { Secret } from './secret-types'
import { validateSecretUpdate } from './validate-secret'
import type { ConfigMap } from './config-map-types'
import { validateConfigMapUpdate } from './validate-config-map'
import { admitIngressNginx } from './ingress-admission'
import { HAS_GENERATION, withWarnings } from './create'
import { sameJSONUnordered } from './json-equal'

export interface UpdateResult {
  object: KubeObject
  changed: boolean
}

/** Validated update used by scale, label, annotate, set image, edit and apply. */
export function updateObject(
  s: ClusterState,
  input: KubeObject,
  opts: WriteOptions,
): ApiResult<KubeObject> {
  const r = updateObjectDetailed(s, input, opts)
  if (!r.ok) return r
  return { ok: true, value: r.value.object, ...(r.warnings ? { warnings: r.warnings } : {}) }
}

/** updateObject that also says whether anything changed (kubectl apply's `unchanged`). */
export function updateObjectDetailed(
  s: ClusterState,
  input: KubeObject,
  opts: WriteOptions,
): ApiResult<UpdateResult> {
  return atomically(s, opts.dryRun, () => updateInner(s, input, opts))
}

function updateInner(
  s: ClusterState,
  input: KubeObject,
  opts: WriteOptions,
): ApiResult<UpdateResult> {
  const d = decodeObject(input, {
    ...opts,
    namespace: input?.metadata?.namespace ?? opts.namespace,
  })
  if ('error' in d) return fail(d.error)
  const { kind, obj } = d
  const name = obj.metadata.name ?? ''
  const old = getObject(s, kind, obj.metadata.namespace, name)
  if (!old) return fail(notFound(kind, name))
  const rv = input.metadata?.resourceVersion
  if (rv && rv !== old.metadata.resourceVersion)
    return fail({
      reason: 'Conflict',
      message: `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    })
  keepServerFields(kind, old, obj)
  const errs: FieldError[] = []
  if (kind === 'Service') {
    const err = beginServiceUpdate(s, old as Service, obj as Service)
    if (err) return fail(err)
    errs.push(...validateClusterIPUpdate(old as Service, obj as Service))
  }
  // ValidateIngressClassUpdate, ValidateSecretUpdate and ValidateConfigMapUpdate check
  // immutability before the create rules; the others after
  const first = kind === 'IngressClass' || kind === 'Secret' || kind === 'ConfigMap'
  if (first) errs.push(...updateRules(kind, old, obj))
  errs.push(...validateObject(kind, obj))
  if (!first) errs.push(...updateRules(kind, old, obj))
  if (errs.length) return fail(invalidError(kind, name, errs))
  if (sameObject(old, obj)) return ok({ object: old, changed: false })
  const review = kind === 'Ingress' ? admitIngressNginx(s, obj as Ingress) : { warnings: [] }
  if (review.error) return fail(withWarnings(review.error, review.warnings))
  const quota = checkReplicas(
    kind,
    obj,
    (old.spec as { replicas?: number } | undefined)?.replicas ?? 0,
  )
  if (quota) return fail(withWarnings(quota, review.warnings))
  const value = { object: opts.dryRun ? obj : putObject(s, obj), changed: true }
  return { ok: true, value, ...(review.warnings.length ? { warnings: review.warnings } : {}) }
}

/** rest.BeforeUpdate + PrepareForUpdate: identity and status stay the server's; spec changes bump generation. */
function keepServerFields(kind: Kind, old: KubeObject, obj: KubeObject) {
  const m = obj.metadata
  m.uid = old.metadata.uid
  m.creationTimestamp = old.metadata.creationTimestamp
  m.resourceVersion = old.metadata.resourceVersion
  for (const f of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
    if (old.metadata[f] === undefined) delete m[f]
    else (m as unknown as Record<string, unknown>)[f] = old.metadata[f]
  }
  if ('status' in old) obj.status = cloneJSON(old.status)
  if (HAS_GENERATION.includes(kind) && !sameJSONUnordered(old.spec, obj.spec))
    m.generation = (old.metadata.generation ?? 1) + 1
  if (kind === 'Namespace') obj.spec = structuredClone(old.spec)
}

function updateRules(kind: Kind, old: KubeObject, obj: KubeObject): FieldError[] {
  if (kind === 'Deployment')
    return validateSelectorImmutable(
      (old as Deployment).spec.selector,
      (obj as Deployment).spec.selector,
    )
  if (kind === 'ReplicaSet')
    return validateSelectorImmutable(
      (old as ReplicaSet).spec.selector,
      (obj as ReplicaSet).spec.selector,
    )
  if (kind === 'Pod') return validatePodSpecUpdate(old as Pod, obj as Pod)
  if (kind === 'IngressClass')
    return validateIngressClassUpdate(obj as IngressClass, old as IngressClass)
  if (kind === 'Secret') return validateSecretUpdate(obj as Secret, old as Secret)
  if (kind === 'ConfigMap') return validateConfigMapUpdate(obj as ConfigMap, old as ConfigMap)
  return []
}

function sameObject(a: KubeObject, b: KubeObject): boolean {
  return sameJSONUnordered(a, b)
}
