// metav1.Status errors as the API server builds them (k8s.io/apimachinery pkg/api/errors/errors.go).

import type { ApiError, ApiResult } from './types'
import { RESOURCES, qualifiedResource, type Kind } from './resources'
import { type FieldError, renderFieldError, toCauses } from './field-errors'

/** errors.go NewNotFound: `services "web" not found`, `deployments.apps "web" not found`. */
export function notFound(kind: Kind, name: string): ApiError {
  return { reason: 'NotFound', message: `${qualifiedResource(kind)} "${name}" not found` }
}

/** errors.go NewAlreadyExists: `services "web" already exists`. */
export function alreadyExists(kind: Kind, name: string): ApiError {
  return { reason: 'AlreadyExists', message: `${qualifiedResource(kind)} "${name}" already exists` }
}

/**
 * errors.go NewInvalid: status message `<Kind>[.group] "<name>" is invalid: <agg>` where a single
 * cause is printed bare and several as `[a, b]`; details keep the bare Kind for kubectl's printer.
 */
export function invalidError(kind: Kind, name: string, errs: FieldError[]): ApiError {
  const group = RESOURCES[kind].group
  const rendered = dedupe(errs.map(renderFieldError))
  const agg = rendered.length === 1 ? (rendered[0] ?? '') : `[${rendered.join(', ')}]`
  return {
    reason: 'Invalid',
    message: `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${agg}`,
    details: { kind, ...(group ? { group } : {}), name, causes: toCauses(errs) },
  }
}

/** errors.go NewForbidden: `pods "x" is forbidden: <reason>`. */
export function forbiddenError(kind: Kind, name: string, why: string): ApiError {
  return {
    reason: 'Forbidden',
    message: `${qualifiedResource(kind)} "${name}" is forbidden: ${why}`,
  }
}

/** errors.go NewBadRequest: a 400 with the message as is (strict decoding, bad requests). */
export function badRequest(message: string): ApiError {
  return { reason: 'BadRequest', message }
}

/** An ApiResult carrying an API error. */
export function fail<T>(error: ApiError): ApiResult<T> {
  return { ok: false, error }
}

/** An ApiResult carrying a value. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value }
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)]
}
