// POST of an object (apiserver handlers/create.go + registry store.Create): decode and default,
// admission (namespace lifecycle, service account), allocation (BeginCreate), PrepareForCreate,
// validation, quota, then the AlreadyExists check of the storage write — in that order.

import type { ClusterState } from '../state'
import { formatTimestamp, getObject, putObject, randomSuffix, randomUid } from '../state'
import type { ApiError, ApiResult, KubeObject, Service } from './types'
import { RESOURCES, type Kind } from './resources'
import { alreadyExists, fail, forbiddenError, invalidError, notFound } from './api-errors'
import { decodeObject, type WriteOptions } from './decode'
import { prepareForCreate } from './defaults'
import { validateObject } from './validate'
import { checkCreateQuota } from './quota'
import { allocateClusterIP, allocateHealthCheckNodePort, allocateNodePorts } from './service-alloc'
import { validateClusterIPsRelated, validateIPFamilyFields } from './validate-cluster-ips'
import type { Ingress } from './ingress-types'
import { admitDefaultIngressClass } from './defaults-ingress'
import { ingressCreateWarnings, validateIngressClassAnnotation } from './validate-ingress'
import { admitIngressNginx } from './ingress-admission'

/** Runs a write so that a failed or dry-run call leaves the state (PRNG included) untouched. */
export function atomically<T>(
  s: ClusterState,
  dryRun: boolean | undefined,
  fn: () => ApiResult<T>,
): ApiResult<T> {
  const rng = s.rng
  const res = fn()
  if (!res.ok || dryRun) s.rng = rng
  return res
}

/** Creates an object as `kubectl create`/`apply` (for a new object) and the controllers do. */
export function createObject(
  s: ClusterState,
  input: unknown,
  opts: WriteOptions,
): ApiResult<KubeObject> {
  return atomically(s, opts.dryRun, () => createInner(s, input, opts))
}

function createInner(s: ClusterState, input: unknown, opts: WriteOptions): ApiResult<KubeObject> {
  const d = decodeObject(input, opts)
  if ('error' in d) return fail(d.error)
  const { kind, obj } = d
  const meta = obj.metadata
  if (!meta.name && meta.generateName) meta.name = meta.generateName + randomSuffix(s)
  const admitted = admit(s, kind, obj)
  if (admitted) return fail(admitted)
  if (kind === 'Service') {
    const err = allocateService(s, obj as Service)
    if (err) return fail(err)
  }
  fillSystemFields(s, kind, obj, opts.now)
  prepareForCreate(s, kind, obj as unknown as Record<string, unknown>, Boolean(opts.dryRun))
  const errs = validateObject(kind, obj)
  if (kind === 'Ingress') errs.push(...validateIngressClassAnnotation(obj as Ingress))
  if (errs.length) return fail(invalidError(kind, meta.name ?? '', errs))
  // warnings accumulate on the request and come back with whatever answer follows
  const warnings = kind === 'Ingress' ? ingressCreateWarnings(obj as Ingress) : []
  const review = kind === 'Ingress' ? admitIngressNginx(s, obj as Ingress) : { warnings: [] }
  warnings.push(...review.warnings)
  if (review.error) return fail(withWarnings(review.error, warnings))
  const quota = checkCreateQuota(s, kind, obj)
  if (quota) return fail(withWarnings(quota, warnings))
  const existing = getObject(s, kind, meta.namespace, meta.name)
  if (existing) {
    const err = alreadyExists(kind, meta.name)
    // store.Create: the name is still taken by an object being deleted (a Terminating pod, an
    // owner waiting for its dependents in a foreground delete)
    if (existing.metadata.deletionTimestamp) err.message = `object is being deleted: ${err.message}`
    return fail(withWarnings(err, warnings))
  }
  const value = opts.dryRun ? obj : putObject(s, obj)
  // a dry-run answer was never stored: it has no resourceVersion (omitempty)
  if (opts.dryRun) delete (meta as Partial<typeof meta>).resourceVersion
  return { ok: true, value, ...(warnings.length ? { warnings } : {}) }
}

/** An error that also carries admission warnings already returned (kubectl prints them first). */
export function withWarnings(err: ApiError, warnings: string[]): ApiError {
  return warnings.length ? { ...err, warnings } : err
}

/** Mutating admission that can refuse: NamespaceLifecycle and ServiceAccount. */
function admit(s: ClusterState, kind: Kind, obj: KubeObject): ApiError | undefined {
  const ns = obj.metadata.namespace
  if (RESOURCES[kind].namespaced && ns && !getObject(s, 'Namespace', undefined, ns))
    return notFound('Namespace', ns)
  if (kind === 'Pod') {
    const sa = (obj.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName
    if (sa && sa !== 'default')
      return forbiddenError(
        kind,
        obj.metadata.name,
        `error looking up service account ${ns}/${sa}: serviceaccount "${sa}" not found`,
      )
  }
  if (kind === 'Ingress') admitDefaultIngressClass(s, obj as Ingress)
  return undefined
}

/** BeginCreate for Services: family fields pre-validated, then ClusterIP, NodePorts, health check port. */
function allocateService(s: ClusterState, svc: Service): ApiError | undefined {
  const name = svc.metadata.name ?? ''
  const pre = validateClusterIPsRelated(svc)
  if (pre.length) return invalidError('Service', name, pre)
  const families = validateIPFamilyFields(svc)
  if (families.length) return invalidError('Service', name, families)
  const err = allocateClusterIP(s, svc) ?? allocateNodePorts(s, svc)
  if (err) return invalidError('Service', name, [err])
  return allocateHealthCheckNodePort(s, svc)
}

/** Kinds whose strategies set metadata.generation (1 on create, +1 per spec change). */
export const HAS_GENERATION: Kind[] = ['Deployment', 'ReplicaSet', 'Ingress', 'IngressClass']

/** FillObjectMetaSystemFields + generation: what the server owns in metadata. */
function fillSystemFields(s: ClusterState, kind: Kind, obj: KubeObject, now: number) {
  const meta = obj.metadata
  meta.uid = randomUid(s)
  meta.creationTimestamp = formatTimestamp(now)
  delete meta.deletionTimestamp
  delete meta.deletionGracePeriodSeconds
  meta.resourceVersion = ''
  if (HAS_GENERATION.includes(kind)) meta.generation = 1
  else delete meta.generation
}
