// Port checks shared by Services, Endpoints and Pods (IsValidPortNum, ValidatePortNumOrName).

import { type FieldError, invalid, notSupported, required } from './field-errors'
import { isValidPortName } from './names'

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

/** IsValidPortNum: 1-65535 (InclusiveRangeError). */
export function portNumErrors(n: number): string[] {
  return n >= 1 && n <= 65535 ? [] : ['must be between 1 and 65535, inclusive']
}

/** Invalid causes for a port number field. */
export function validatePortNum(n: number, field: string): FieldError[] {
  return portNumErrors(n).map((m) => invalid(field, n, m))
}

/** ValidatePortNumOrName: numeric ports 1-65535, named ports IANA_SVC_NAME (V6, V7). */
export function validatePortNumOrName(p: number | string | undefined, field: string): FieldError[] {
  if (typeof p === 'number') return validatePortNum(p, field)
  if (typeof p === 'string' && p !== '') return isValidPortName(p).map((m) => invalid(field, p, m))
  return []
}

/** Required/NotSupported protocol: SCTP, TCP, UDP. */
export function validateProtocol(proto: string | undefined, field: string): FieldError[] {
  if (!proto) return [required(field)]
  return PROTOCOLS.includes(proto) ? [] : [notSupported(field, proto, PROTOCOLS)]
}
