// Writes through the Kubernetes API: POST (create), PUT (update), PATCH (the three patch types)
// and DELETE, each through the simulated API server the lab terminal's kubectl uses
// (sim/objects createObject/updateObject/deleteObject), so validation, quotas and error texts are
// the same; stored with grading and a history line by cluster-io.ts writeCluster.

import type { Context } from 'hono'
import { RESOURCES, apiVersionOf, type Kind } from '../sim/objects/resources'
import type { ApiError, KubeObject } from '../sim/objects/types'
import { createObject, updateObjectDetailed } from '../sim/objects'
import { asPatchError } from '../sim/kubectl/patch-errors'
import { applyPatchBody, type PatchFormat } from '../sim/kubectl/patch-apply'
import type { SmpError } from '../sim/kubectl/patch-strategic'
import type { KubeEnv } from './auth'
import { readObjectBody, readPatchBody, type PatchType } from './body'
import type { BodyContext } from '../http/read-body'
import { writeCluster } from './cluster-io'
import { historyLine, summaryLine } from './history-line'
import type { ResourcePath } from './path'
import { objectAt, objectResponse } from './resource-read'
import { KubeError, badRequest, fromApiError } from './status'
import { setWarnings } from './warnings'

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Nodes are the lab's hardware: the API refuses to change them, as RBAC would for a learner. */
export function refuseClusterWrites(kind: Kind, verb: string, name?: string) {
  if (kind !== 'Node') return
  const what = name ? `nodes "${name}"` : 'nodes'
  throw new KubeError(
    'Forbidden',
    `${what} is forbidden: User "learner" cannot ${verb} resource "nodes" in API group "" at the cluster scope`,
    { ...(name ? { name } : {}), kind: 'nodes' },
  )
}

export function dryRun(c: Context<KubeEnv>): boolean {
  return c.req.queries('dryRun')?.includes('All') ?? false
}

function fail(kind: Kind, err: ApiError): never {
  throw fromApiError(err, RESOURCES[kind])
}

/** The body as an object of the path's kind: kind/apiVersion filled when left out. */
function asKind(body: unknown, kind: Kind): Record<string, unknown> {
  if (!isObj(body))
    throw badRequest('Object is not a valid Kubernetes object: expected a JSON or YAML object')
  const apiVersion = apiVersionOf(kind)
  const out = { ...body, kind: body.kind ?? kind, apiVersion: body.apiVersion ?? apiVersion }
  if (out.kind !== kind || out.apiVersion !== apiVersion)
    throw badRequest(
      `the API version in the data (${String(out.apiVersion)}) or kind (${String(out.kind)}) does not match the expected ${apiVersion} ${kind}`,
    )
  return out
}

export async function create(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  refuseClusterWrites(kind, 'create')
  const body = asKind(await readObjectBody(c), kind)
  const dry = dryRun(c)
  let rv = ''
  let now = 0
  const obj = await writeCluster(c, (state, at) => {
    const r = createObject(state, body, { now: at, dryRun: dry, namespace: rp.namespace })
    setWarnings(c, r.ok ? r.warnings : r.error.warnings)
    if (!r.ok) fail(kind, r.error)
    rv = String(state.rv)
    now = at
    const name = r.value.metadata.name
    return {
      value: r.value,
      changed: !dry,
      line: historyLine(c, kind, name, r.value.metadata.namespace, 'created'),
      summary: summaryLine(kind, name, 'created'),
    }
  })
  return objectResponse(c, kind, obj, now, rv, 201)
}

/** Stores `next` as the new version of the object at `rp` (PUT, PATCH, scale). */
export async function storeUpdate(
  c: Context<KubeEnv>,
  kind: Kind,
  rp: ResourcePath,
  nextOf: (current: KubeObject) => unknown,
  opts: { op: string; patch?: boolean; line?: (obj: KubeObject) => string },
): Promise<{ obj: KubeObject; now: number; rv: string }> {
  const dry = dryRun(c)
  let now = 0
  let rv = ''
  const obj = await writeCluster(c, (state, at) => {
    now = at
    const next = nextOf(objectAt(state, kind, rp))
    if (!isObj(next) || !isObj(next.metadata))
      throw badRequest('the patched object is not a Kubernetes object')
    const r = updateObjectDetailed(state, next as unknown as KubeObject, {
      now: at,
      dryRun: dry,
      namespace: rp.namespace,
    })
    setWarnings(c, r.ok ? r.warnings : r.error.warnings)
    if (!r.ok) fail(kind, opts.patch ? asPatchError(r.error) : r.error)
    rv = String(state.rv)
    const name = r.value.object.metadata.name
    return {
      value: r.value.object,
      changed: r.value.changed && !dry,
      line:
        opts.line?.(r.value.object) ??
        historyLine(c, kind, name, r.value.object.metadata.namespace, opts.op),
      summary: summaryLine(kind, name, opts.op),
    }
  })
  return { obj, now, rv }
}

export async function update(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  refuseClusterWrites(kind, 'update', rp.name)
  const body = asKind(await readObjectBody(c), kind)
  const meta = isObj(body.metadata) ? body.metadata : {}
  if (meta.name !== undefined && meta.name !== rp.name)
    throw badRequest(
      `the name of the object (${String(meta.name)}) does not match the name on the URL (${rp.name})`,
    )
  const input = { ...body, metadata: { ...meta, name: rp.name } }
  const r = await storeUpdate(c, kind, rp, () => input, { op: 'replaced' })
  return objectResponse(c, kind, r.obj, r.now, r.rv)
}

const PATCH_FORMATS: Record<PatchType, PatchFormat | undefined> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': undefined,
}

/** The object `patch` makes of `current`, by the code the terminal's kubectl patch uses. */
export function applyPatch(current: KubeObject, type: PatchType, patch: unknown): unknown {
  const format = PATCH_FORMATS[type]
  if (format === undefined) throw noServerSideApply()
  const r = applyPatchBody(current, format, patch)
  if (!r.ok) throw patchStatus(r.error)
  return r.value
}

/**
 * The apiserver's Status for a patch it cannot apply. 422 is the generic Invalid without the patch
 * library's reason (patch.go NewGenericServerResponse); the 500s are the strategic merge patch
 * library's plain errors (interpretStrategicMergePatchError), a Status with no reason: kubectl
 * prints `Error from server: <message>`, as the terminal's kubectl patch does.
 */
function patchStatus(e: SmpError): KubeError {
  if (e.code === 400) return badRequest(e.message)
  if (e.code === 422) return new KubeError('Invalid', e.message)
  return new KubeError('', e.message)
}

/** Server-side apply is not simulated: kubectl prints this Status as is. */
const noServerSideApply = () =>
  new KubeError(
    'UnsupportedMediaType',
    'server-side apply (application/apply-patch+yaml) is not supported by Service Lab: use client-side `kubectl apply` (without --server-side)',
  )

/** A PATCH body (of an object or its scale) of a type the simulated API server applies. */
export async function readAppliedPatch(
  c: BodyContext<KubeEnv>,
): Promise<{ type: PatchType; patch: unknown }> {
  const body = await readPatchBody(c)
  if (body.type === 'application/apply-patch+yaml') throw noServerSideApply()
  return body
}

export async function patch(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  const { type, patch: p } = await readAppliedPatch(c)
  refuseClusterWrites(kind, 'patch', rp.name)
  const r = await storeUpdate(c, kind, rp, (cur) => applyPatch(cur, type, p), {
    op: 'patched',
    patch: true,
  })
  return objectResponse(c, kind, r.obj, r.now, r.rv)
}
