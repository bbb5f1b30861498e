// The scale subresource's update of a Deployment (registry/apps/deployment ScaleREST): the stored
// object with spec.replicas set, through the same update as a PUT (updateObject). Upstream does
// not decode the stored object again; here a PUT decodes and validates its input, so this path
// skips that only for a stored Deployment known to be in decoded form and valid ("certified"),
// where decoding and validating again would give back the same object and no error: only the
// replicas (an int32 >= 0), the generation and the status copy can then differ from it.

import { checkingDocuments } from '../document-changed'
import { cloneJSON, putObject, type ClusterState } from '../state'
import type { ApiResult, Deployment, KubeObject } from './types'
import type { WriteOptions } from './decode'
import { checkReplicas } from './quota'
import { updateObject } from './update'
import { certify, isCertified } from './scale-certify'
import { shareTemplateHash } from '../controllers/deployment-inputs'

let fastPath = true

/** Turns the certified path off (the differential test compares both ways). */
export function scaleFastPath(on: boolean): void {
  fastPath = on
}

const INT32_MAX = 2 ** 31 - 1

/** The certified path's object: what updateInner builds from the stored one (keepServerFields). */
function scaled(old: Deployment, replicas: number): Deployment {
  const metadata = { ...old.metadata }
  const spec = { ...old.spec, replicas }
  if ((old.spec.replicas ?? 1) !== replicas) {
    if (old.metadata.generation === undefined) delete metadata.generation
    metadata.generation = (old.metadata.generation ?? 1) + 1
  }
  const obj = { ...old, metadata, spec }
  if ('status' in old) obj.status = cloneJSON(old.status)
  return obj
}

/**
 * Sets spec.replicas of a stored Deployment or ReplicaSet as `kubectl scale` does: the stored
 * object with the new count, updated as a PUT would (validation, quota, a no-op stores nothing).
 */
export function scaleObject(
  s: ClusterState,
  old: KubeObject,
  replicas: number,
  opts: WriteOptions,
): ApiResult<KubeObject> {
  const next = { ...old, spec: { ...(old.spec as object), replicas } } as KubeObject
  if (
    !fastPath ||
    opts.dryRun ||
    old.kind !== 'Deployment' ||
    !Number.isInteger(replicas) ||
    replicas < 0 ||
    replicas > INT32_MAX ||
    !isCertified(old, opts.now)
  )
    return updateObject(s, next, opts)
  const r = certifiedUpdate(old as Deployment, replicas)
  if (checkingDocuments()) checkSameUpdate(s, next, r, opts)
  if (r.ok && r.value !== old) {
    putObject(s, r.value)
    certify(r.value)
    shareTemplateHash(old as Deployment, r.value as Deployment)
  }
  return r
}

/** What updateObject answers for `old` with `replicas` when `old` is certified (nothing stored yet). */
function certifiedUpdate(old: Deployment, replicas: number): ApiResult<KubeObject> {
  // a no-op update stores nothing and answers the stored object
  if ((old.spec.replicas ?? 1) === replicas) return { ok: true, value: old }
  const obj = scaled(old, replicas)
  const quota = checkReplicas('Deployment', obj, old.spec.replicas ?? 0)
  return quota ? { ok: false, error: quota } : { ok: true, value: obj }
}

/** Check mode (every Node test): the full update, dry-run, answers the same. */
function checkSameUpdate(
  s: ClusterState,
  next: KubeObject,
  r: ApiResult<KubeObject>,
  opts: WriteOptions,
): void {
  const full = updateObject(s, next, { ...opts, dryRun: true })
  const same = full.ok
    ? r.ok && JSON.stringify(full.value) === JSON.stringify(r.value)
    : !r.ok && JSON.stringify(full.error) === JSON.stringify(r.error)
  if (!same)
    throw new Error(
      `scale's certified path: ${JSON.stringify(r)}, the update: ${JSON.stringify(full)}`,
    )
}
