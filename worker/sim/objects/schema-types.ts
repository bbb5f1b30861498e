// A compact description of the Go types behind each manifest field, enough to reproduce the API
// server's strict JSON decoding (unknown fields, type mismatches) for the kinds we serve.

export type Scalar = 'string' | 'int32' | 'int64' | 'bool' | 'float64' | 'intstr' | 'any' | 'time'

export interface StructType {
  /** Go struct name as json errors print it: `ServicePort` */
  struct: string
  /** Go type as printed after `of type`: `v1.ServicePort` */
  goType: string
  fields: Record<string, FieldType>
}

export interface ListType {
  list: FieldType
}

export interface MapType {
  /** 'bytes': map[string][]byte, whose JSON values are base64 (a Secret's data) */
  map: 'string' | 'bytes'
}

export type FieldType = Scalar | StructType | ListType | MapType

export function struct(name: string, fields: Record<string, FieldType>, pkg = 'v1'): StructType {
  return { struct: name, goType: `${pkg}.${name}`, fields }
}

export const list = (t: FieldType): ListType => ({ list: t })
export const stringMap: MapType = { map: 'string' }
export const bytesMap: MapType = { map: 'bytes' }
export const stringList = list('string')

/** The Go type name of a field, as `of type <...>` prints it. */
export function goTypeName(t: FieldType): string {
  if (typeof t === 'string')
    return t === 'intstr' ? 'intstr.IntOrString' : t === 'time' ? 'v1.Time' : t
  if ('struct' in t) return t.goType
  if ('list' in t) return `[]${goTypeName(t.list)}`
  return t.map === 'bytes' ? 'map[string][]uint8' : 'map[string]string'
}
