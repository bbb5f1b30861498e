// metav1.Status answers (k8s.io/apimachinery pkg/api/errors): every failure of the Kubernetes API
// is one of these, so the real kubectl prints `Error from server (<reason>): <message>` (without
// the reason for a Status that has none).

import type { ApiError } from '../sim/objects/types'

/**
 * `''` is StatusReasonUnknown: what ErrorToAPIStatus gives an error that is not a Status (a 500
 * with no reason; kubectl prints `Error from server: <message>`).
 */
export type StatusReason =
  | ApiError['reason']
  | 'Unauthorized'
  | 'TooManyRequests'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'NotAcceptable'
  | 'Gone'
  | 'Expired'
  | ''

export type StatusCode = 400 | 401 | 403 | 404 | 405 | 406 | 409 | 410 | 413 | 415 | 422 | 429 | 500

/** The HTTP code the API server gives each reason (errors.go). */
const CODES: Record<StatusReason, StatusCode> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  '': 500,
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: { reason?: string; message?: string; field?: string }[]
  retryAfterSeconds?: number
}

/** A failure the Kubernetes routes throw; router.ts turns it into a Status response. */
export class KubeError extends Error {
  readonly code: StatusCode
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details: StatusDetails = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.code = CODES[reason]
  }
}

/** The Status body of a failure. */
export function statusBody(reason: StatusReason, message: string, details: StatusDetails = {}) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    // reason is omitempty upstream: StatusReasonUnknown is left out
    ...(reason ? { reason } : {}),
    details,
    code: CODES[reason],
  }
}

/** A Status Response (application/json), as the apiserver writes it. */
export function statusResponse(err: KubeError): Response {
  return new Response(JSON.stringify(statusBody(err.reason, err.message, err.details)), {
    status: err.code,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...err.headers },
  })
}

const CAUSE_REASONS: [string, string][] = [
  ['Invalid value', 'FieldValueInvalid'],
  ['Required value', 'FieldValueRequired'],
  ['Unsupported value', 'FieldValueNotSupported'],
  ['Duplicate value', 'FieldValueDuplicate'],
  ['Forbidden', 'FieldValueForbidden'],
  ['Too long', 'FieldValueTooLong'],
  ['Not found', 'FieldValueNotFound'],
]

/**
 * A StatusCause as the apiserver writes it: the field apart, the message without it (kubectl
 * prints `<field>: <message>`), the reason named by the error type.
 */
function apiserverCause(c: { field: string; message: string }) {
  const message =
    c.field && c.message.startsWith(`${c.field}: `)
      ? c.message.slice(c.field.length + 2)
      : c.message
  const reason = CAUSE_REASONS.find(([text]) => message.startsWith(text))?.[1]
  return { ...(reason ? { reason } : {}), message, field: c.field }
}

/** A simulated API server error (sim/objects) as a thrown KubeError. */
export function fromApiError(
  err: ApiError,
  resource?: { plural: string; group: string },
): KubeError {
  const details: StatusDetails = err.details
    ? { ...err.details, causes: err.details.causes.map(apiserverCause) }
    : resource
      ? { kind: resource.plural, ...(resource.group ? { group: resource.group } : {}) }
      : {}
  const name = /^(?:object is being deleted: )?[\w.]+ "([^"]*)"/.exec(err.message)?.[1]
  if (name !== undefined && details.name === undefined) details.name = name
  return new KubeError(err.reason, err.message, details)
}

/** The apiserver's answer to a path it has no handler for. */
export const noRoute = () =>
  new KubeError('NotFound', 'the server could not find the requested resource')

/** The apiserver's answer to a verb the resource does not serve (405). */
export const methodNotAllowed = () =>
  new KubeError(
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  )

export const unauthorized = () => new KubeError('Unauthorized', 'Unauthorized')

export const badRequest = (message: string) => new KubeError('BadRequest', message)
