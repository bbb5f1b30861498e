// How a PATCH reports unknown fields (apiserver endpoints/handlers/patch.go, applyPatchToObject and
// jsonPatcher): the patched object is decoded from a map, not from a request body, so the BadRequest
// carries the bare `strict decoding error: ...` without the body decoder's `<Kind> in version "v1"
// cannot be handled as a <Kind>: ` prefix that a create (POST) gets.

import type { ApiError } from '../objects/types'

/** The error of an update sent as a patch (kubectl patch, kubectl apply on an existing object). */
export function asPatchError(err: ApiError): ApiError {
  if (err.reason !== 'BadRequest') return err
  const m =
    /^\w+ in version "[^"]*" cannot be handled as a \w+: (strict decoding error: .*)$/s.exec(
      err.message,
    )
  return m ? { ...err, message: m[1] as string } : err
}
