// A PATCH body applied to the live object as the apiserver applies it (apiserver
// endpoints/handlers/patch.go, fieldValidation Warn, the default when a request names none, as
// kubectl patch's do): the one code the terminal's `kubectl patch` and the Kubernetes API's PATCH
// share. A body of the wrong JSON type is decoded strictly first (sigs.k8s.io/json UnmarshalStrict)
// and answered 400 with encoding/json's UnmarshalTypeError, before any patch library runs.
// Simplification: fieldValidation=Ignore, which skips that decoding, answers the same.

import { isPlainObject } from '../objects/strict-decode'
import { jsonPatch, mergePatch } from './patch-merge'
import { strategicMergePatch, type SmpError } from './patch-strategic'

/** The three patch formats of `kubectl patch --type` (json-patch, merge-patch, strategic-merge-patch). */
export type PatchFormat = 'json' | 'merge' | 'strategic'

/** The patched object, or the apiserver's answer: its code (400, 422 or a plain 500) and message. */
export type PatchOutcome = { ok: true; value: unknown } | { ok: false; error: SmpError }

/** encoding/json's name for a JSON value's type in an UnmarshalTypeError (null decodes: none). */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  return typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : 'string'
}

const badRequest = (message: string): PatchOutcome => ({ ok: false, error: { code: 400, message } })
const cannotUnmarshal = (v: unknown, into: string) =>
  `json: cannot unmarshal ${jsonKind(v)} into Go value of type ${into}`

/**
 * patch.go NewGenericServerResponse(422, ..., isUnexpectedResponse=false): the patch library's
 * reason is not sent, only apimachinery's generic message.
 */
export const PATCH_REJECTED: SmpError = {
  code: 422,
  message: 'the server rejected our request due to an error in our request',
}

function applyJsonPatch(current: unknown, patch: unknown): PatchOutcome {
  // null decodes as no operations
  if (patch === null) return { ok: true, value: current }
  if (!Array.isArray(patch))
    return badRequest(`error decoding patch: ${cannotUnmarshal(patch, '[]handlers.jsonPatchOp')}`)
  const next = jsonPatch(current, patch)
  return next === undefined ? { ok: false, error: PATCH_REJECTED } : { ok: true, value: next }
}

function applyMergePatch(current: unknown, patch: unknown): PatchOutcome {
  // json-patch's MergePatch takes a null patch for no document (ErrBadJSONPatch)
  if (patch === null) return badRequest('Invalid JSON Patch')
  if (!isPlainObject(patch))
    return badRequest(`error decoding patch: ${cannotUnmarshal(patch, 'map[string]interface {}')}`)
  return { ok: true, value: mergePatch(current, patch) }
}

function applyStrategicPatch(current: unknown, patch: unknown): PatchOutcome {
  // a null patch decodes as an empty map: nothing to merge
  if (patch === null) return { ok: true, value: current }
  if (!isPlainObject(patch)) return badRequest(cannotUnmarshal(patch, 'map[string]interface {}'))
  const r = strategicMergePatch(current as Record<string, unknown>, patch)
  // the library's reason for a 422 (lists of lists) is not sent
  return r.ok ? r : { ok: false, error: r.error.code === 422 ? PATCH_REJECTED : r.error }
}

const APPLY: Record<PatchFormat, (current: unknown, patch: unknown) => PatchOutcome> = {
  json: applyJsonPatch,
  merge: applyMergePatch,
  strategic: applyStrategicPatch,
}

/** Applies `patch` (decoded JSON) to `current` as the apiserver does for `format`. */
export function applyPatchBody(
  current: unknown,
  format: PatchFormat,
  patch: unknown,
): PatchOutcome {
  return APPLY[format](current, patch)
}
