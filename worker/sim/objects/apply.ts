// kubectl client-side apply (kubectl pkg/cmd/apply/apply.go, pkg/util/apply.go): the manifest is
// stored in the last-applied-configuration annotation; a new object is created, an existing one is
// three-way merged and updated. `unchanged` when the merge changes nothing (kubectl's empty patch).

import type { ClusterState } from '../state'
import { cloneJSON, getObject } from '../state'
import type { ApiError, ApiResult, KubeObject } from './types'
import { RESOURCES } from './resources'
import { fail, ok } from './api-errors'
import { decodeKind, type WriteOptions } from './decode'
import { isPlainObject } from './strict-decode'
import { createObject } from './create'
import { updateObjectDetailed } from './update'
import { threeWayMerge } from './three-way-merge'
import { threeWayMergePatch } from './three-way-patch'
import { badRequest } from './api-errors'
import type { SmpError } from '../kubectl/patch-strategic'
import { discardNulls } from '../kubectl/patch-strategic-values'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

export interface ApplyResult {
  object: KubeObject
  op: 'created' | 'configured' | 'unchanged'
  /** the live object had no last-applied annotation (made by `kubectl create`): kubectl warns (T14) */
  missingLastApplied?: boolean
}

/** Go's json.Encoder output for an unstructured object: sorted keys, HTML-escaped, trailing newline. */
export function lastAppliedJSON(manifest: Record<string, unknown>): string {
  return `${goJSON(manifest)}\n`
}

/** Go's json.Marshal of decoded JSON: sorted keys, HTML-escaped. */
export function goJSON(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c)
}

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (!isPlainObject(v)) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k])
  return out
}

/** kubectl's `modified`: the manifest with its namespace set and the annotation (re)written. */
export function withAnnotation(
  input: Record<string, unknown>,
  namespaced: boolean,
  namespace: string,
): Record<string, unknown> {
  const m = cloneJSON(input)
  const meta = isPlainObject(m.metadata) ? m.metadata : {}
  m.metadata = meta
  if (namespaced && !meta.namespace) meta.namespace = namespace
  const annotations = readAnnotations(meta.annotations)
  delete annotations[LAST_APPLIED]
  meta.annotations = annotations
  annotations[LAST_APPLIED] = lastAppliedJSON(m)
  return m
}

/**
 * The annotations as kubectl reads them (unstructured GetAnnotations): a map holding any value that
 * is not a string reads as none, so kubectl drops them all from what it sends.
 */
export function readAnnotations(v: unknown): Record<string, string> {
  return isPlainObject(v) && Object.values(v).every((a) => typeof a === 'string')
    ? (v as Record<string, string>)
    : {}
}

/** `kubectl apply` of one object. */
export function applyObject(
  s: ClusterState,
  input: unknown,
  opts: WriteOptions,
): ApiResult<ApplyResult> {
  const k = decodeKind(input)
  if ('error' in k) return fail(k.error)
  const manifest = input as Record<string, unknown>
  const namespaced = RESOURCES[k.kind].namespaced
  const sent = withAnnotation(manifest, namespaced, opts.namespace ?? 'default')
  const meta = sent.metadata as { name?: string; namespace?: string }
  if (!meta.name) return fail(badRequest('resource name may not be empty'))
  const live = getObject(s, k.kind, namespaced ? meta.namespace : undefined, meta.name)
  if (!live) {
    // pruneNullsFromMap (apply.go), after the annotation: that keeps the manifest's nulls
    discardNulls(sent)
    const r = createObject(s, sent, opts)
    return r.ok ? withWarnings(ok({ object: r.value, op: 'created' }), r.warnings) : r
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED]
  const merged = threeWayMerge(
    parseLastApplied(previous),
    sent,
    cloneJSON(live) as unknown as Record<string, unknown>,
  )
  if (!merged.ok) return fail(patchFailure(merged.error))
  const missing = previous === undefined ? { missingLastApplied: true } : {}
  // an empty patch is kubectl's `unchanged`: it sends nothing
  if (Object.keys(merged.patch).length === 0)
    return ok({ object: live, op: 'unchanged' as const, ...missing })
  const r = updateObjectDetailed(s, merged.object as unknown as KubeObject, opts)
  if (!r.ok) return r
  // a patch the apiserver finds nothing to change in is still `configured` (apply.go:766)
  return withWarnings(
    ok({ object: r.value.object, op: 'configured' as const, ...missing }),
    r.warnings,
  )
}

/** How the apiserver answers a patch it cannot apply (handlers/patch.go). */
function patchFailure(e: SmpError | { diff: string }): ApiError {
  // kubectl's own diff error (see sentApplyPatch); kept plain for callers other than kubectl
  if ('diff' in e) return badRequest(e.diff)
  if (e.code === 400) return badRequest(e.message)
  return { reason: e.code === 422 ? 'Invalid' : 'InternalError', message: e.message }
}

/**
 * What kubectl prints of its apply of `input` over `live` when that fails: the patch it sent (Go's
 * JSON of the three-way merge patch), or, when it could not diff, its `creating patch with:` text
 * (kubectl pkg/cmd/apply/patcher.go) naming the three documents and the diff's error.
 */
export function sentApplyPatch(
  live: KubeObject,
  input: Record<string, unknown>,
  namespace?: string,
): { ok: true; patch: string } | { ok: false; error: string } {
  const namespaced = live.metadata.namespace !== undefined
  const previous = live.metadata.annotations?.[LAST_APPLIED]
  const sent = withAnnotation(input, namespaced, namespace ?? 'default')
  const current = cloneJSON(live) as unknown as Record<string, unknown>
  const diff = threeWayMergePatch(parseLastApplied(previous), sent, current)
  if (diff.ok) return { ok: true, patch: goJSON(diff.patch) }
  const docs = [`original:\n${previous ?? ''}`, `modified:\n${goJSON(sent)}\n`]
    .concat(`current:\n${goJSON(current)}\n`)
    .join('\n')
  return { ok: false, error: `creating patch with:\n${docs}\nfor:: ${diff.error}` }
}

/** Carries admission warnings over to a derived result. */
function withWarnings<T>(res: ApiResult<T>, warnings: string[] | undefined): ApiResult<T> {
  return res.ok && warnings?.length ? { ...res, warnings } : res
}

function parseLastApplied(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined
  try {
    const v: unknown = JSON.parse(text)
    return isPlainObject(v) ? v : undefined
  } catch {
    return undefined
  }
}
