// The API server's strict JSON decoding (apiserver handlers/rest.go, sigs.k8s.io/json): a type
// mismatch fails the decode with Go's UnmarshalTypeError text; otherwise every unknown field is listed.

import type { ApiError } from './types'
import type { Kind } from './resources'
import { RESOURCES } from './resources'
import { badRequest } from './api-errors'
import { goTypeName, type FieldType, type StructType } from './schema-types'
import { KIND_SCHEMAS } from './schemas'
import { decodeBase64 } from './go-base64'

interface Walk {
  unknown: string[]
  typeError?: string
}

/** `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "x"`. */
export function strictDecode(kind: Kind, obj: Record<string, unknown>): ApiError | undefined {
  const w: Walk = { unknown: [] }
  walkStruct(KIND_SCHEMAS[kind], obj, '', '', w)
  const prefix = `${kind} in version "${RESOURCES[kind].version}" cannot be handled as a ${kind}: `
  if (w.typeError) return badRequest(prefix + w.typeError)
  if (w.unknown.length > 0)
    return badRequest(
      `${prefix}strict decoding error: ${w.unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
    )
  return undefined
}

/**
 * Whether `value` decodes cleanly (no unknown field, no type mismatch) as the field at `path`
 * (struct fields from the kind's top, e.g. ['metadata', 'annotations']); false for a path the
 * schema does not have.
 */
export function decodesCleanlyAt(kind: Kind, path: readonly string[], value: unknown): boolean {
  let owner = KIND_SCHEMAS[kind]
  let ft: FieldType | undefined = owner
  for (let i = 0; i < path.length; i++) {
    if (i > 0) {
      if (typeof ft !== 'object' || !('struct' in ft)) return false
      owner = ft
    }
    ft = owner.fields[path[i] as string]
    if (!ft) return false
  }
  const w: Walk = { unknown: [] }
  walkValue(ft, value, path.join('.'), path.join('.'), owner.struct, w)
  return !w.typeError && w.unknown.length === 0
}

/** path: with indices, for unknown fields; goPath: dotted without indices, for type errors */
function walkStruct(
  t: StructType,
  v: Record<string, unknown>,
  path: string,
  goPath: string,
  w: Walk,
) {
  // kubectl sends JSON marshalled from a Go map: keys sorted, so unknown fields are reported sorted
  for (const key of Object.keys(v).sort()) {
    const value = v[key]
    if (w.typeError) return
    const ft = t.fields[key]
    const p = path ? `${path}.${key}` : key
    if (!ft) {
      w.unknown.push(p)
      continue
    }
    walkValue(ft, value, p, goPath ? `${goPath}.${key}` : key, t.struct, w)
  }
}

function walkValue(
  t: FieldType,
  v: unknown,
  path: string,
  goPath: string,
  owner: string,
  w: Walk,
): void {
  if (v === null || v === undefined || t === 'any') return
  // no closure and no object made per call: walkValue runs for every field of every decoded object
  if (typeof t === 'string') {
    const err = scalarMismatch(t, v)
    if (err) mismatch(w, owner, goPath, err.json, err.goType ?? goTypeName(t))
    return
  }
  if ('struct' in t) {
    if (!isPlainObject(v)) return mismatch(w, owner, goPath, jsonTypeOf(v), goTypeName(t))
    return walkStruct(t, v, path, goPath, w)
  }
  if ('list' in t) {
    if (!Array.isArray(v)) return mismatch(w, owner, goPath, jsonTypeOf(v), goTypeName(t))
    for (let i = 0; i < v.length; i++) walkValue(t.list, v[i], `${path}[${i}]`, goPath, owner, w)
    return
  }
  if (!isPlainObject(v)) return mismatch(w, owner, goPath, jsonTypeOf(v), goTypeName(t))
  for (const item of Object.values(v)) {
    if (w.typeError) return
    if (item !== null && typeof item !== 'string')
      return mismatch(w, owner, goPath, jsonTypeOf(item), t.map === 'bytes' ? '[]uint8' : 'string')
    // encoding/json decodes a []byte from base64 and fails the whole decode on a bad byte
    const bytes = t.map === 'bytes' && typeof item === 'string' ? decodeBase64(item) : undefined
    if (bytes && 'corruptAt' in bytes)
      w.typeError = `illegal base64 data at input byte ${bytes.corruptAt}`
  }
}

function mismatch(w: Walk, owner: string, goPath: string, jsonType: string, goType: string): void {
  w.typeError = `json: cannot unmarshal ${jsonType} into Go struct field ${owner}.${goPath} of type ${goType}`
}

function scalarMismatch(t: string, v: unknown): { json: string; goType?: string } | undefined {
  switch (t) {
    case 'string':
    case 'time':
      return typeof v === 'string' ? undefined : { json: jsonTypeOf(v) }
    case 'bool':
      return typeof v === 'boolean' ? undefined : { json: jsonTypeOf(v) }
    case 'float64':
      return typeof v === 'number' ? undefined : { json: jsonTypeOf(v) }
    case 'int32':
    case 'int64':
      return intMismatch(v, t)
    case 'intstr': {
      if (typeof v === 'string') return undefined
      const m = intMismatch(v, 'int32')
      return m ? { ...m, goType: 'int32' } : undefined
    }
    default:
      return undefined
  }
}

function intMismatch(v: unknown, t: string): { json: string } | undefined {
  if (typeof v !== 'number') return { json: jsonTypeOf(v) }
  const limit = t === 'int32' ? 2 ** 31 : 2 ** 63
  if (!Number.isInteger(v) || v >= limit || v < -limit) return { json: `number ${v}` }
  return undefined
}

function jsonTypeOf(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/** A JSON object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
