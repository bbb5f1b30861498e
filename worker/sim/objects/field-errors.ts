// field.Error as the API server renders it (k8s.io/apimachinery pkg/util/validation/field/errors.go),
// so causes read exactly like a real cluster's: `spec.ports[0].port: Invalid value: 0: must be ...`.

import type { StatusCause } from './types'

export type FieldErrorType =
  'Required' | 'Invalid' | 'Forbidden' | 'Duplicate' | 'NotSupported' | 'TooLong' | 'TooMany'

export interface FieldError {
  type: FieldErrorType
  field: string
  /** the Go value rendering for Invalid/Duplicate/NotSupported (see goValue) */
  value?: string
  detail?: string
}

/** A value as Go's fmt renders it in field errors: %v for numbers/bools, %q for strings. */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
    return `[]string{${v.map(goQuote).join(', ')}}`
  if (typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string'))
    return goStringMap(v as Record<string, string>)
  return JSON.stringify(v)
}

/** Go's %q for the ASCII strings learners type. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1')
}

/** `map[string]string{"app":"web"}` (Go %#v, keys sorted as fmt sorts them). */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (m === undefined) return 'map[string]string(nil)'
  const keys = Object.keys(m).sort()
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`).join(', ')}}`
}

/** field.Required: `<field>: Required value[: detail]`. */
export const required = (field: string, detail = ''): FieldError => ({
  type: 'Required',
  field,
  detail,
})
/** field.Forbidden: `<field>: Forbidden: detail`. */
export const forbidden = (field: string, detail: string): FieldError => ({
  type: 'Forbidden',
  field,
  detail,
})
/** field.Invalid: `<field>: Invalid value: <v>: detail` (value rendered by goValue). */
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  type: 'Invalid',
  field,
  value: goValue(value),
  detail,
})
/** Invalid with a value already rendered (for %#v structs such as LabelSelector). */
export const invalidRaw = (field: string, value: string, detail: string): FieldError => ({
  type: 'Invalid',
  field,
  value,
  detail,
})
/** field.Duplicate: `<field>: Duplicate value: <v>`. */
export const duplicate = (field: string, value: unknown): FieldError => ({
  type: 'Duplicate',
  field,
  value: goValue(value),
})
/** field.NotSupported: `<field>: Unsupported value: <v>: supported values: "a", "b"`. */
export const notSupported = (field: string, value: unknown, supported: string[]): FieldError => ({
  type: 'NotSupported',
  field,
  value: goValue(value),
  detail: `supported values: ${supported.map(goQuote).join(', ')}`,
})

/** field/errors.go Error(): `<field>: <type>[: <value>][: <detail>]`. */
export function renderFieldError(e: FieldError): string {
  switch (e.type) {
    case 'Required':
    case 'Forbidden':
    case 'TooLong':
      return `${e.field}: ${typeText(e.type)}${e.detail ? `: ${e.detail}` : ''}`
    default:
      return `${e.field}: ${typeText(e.type)}: ${e.value ?? ''}${e.detail ? `: ${e.detail}` : ''}`
  }
}

function typeText(t: FieldErrorType): string {
  switch (t) {
    case 'Required':
      return 'Required value'
    case 'Invalid':
      return 'Invalid value'
    case 'Forbidden':
      return 'Forbidden'
    case 'Duplicate':
      return 'Duplicate value'
    case 'NotSupported':
      return 'Unsupported value'
    case 'TooLong':
      return 'Too long'
    case 'TooMany':
      return 'Too many'
  }
}

/** metav1.StatusCause list of an Invalid status: field plus the full rendered message. */
export function toCauses(errs: FieldError[]): StatusCause[] {
  return errs.map((e) => ({ field: e.field, message: renderFieldError(e) }))
}
