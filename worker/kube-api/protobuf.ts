// Kubernetes protobuf request bodies (apimachinery runtime/serializer/protobuf): the magic
// `k8s\0`, then a runtime.Unknown {typeMeta{apiVersion, kind}, raw, contentEncoding,
// contentType} whose `raw` is the object's message. client-go 0.32 typed clients (kubectl create
// deployment|namespace|service, auth can-i) send these and never retry with JSON (facts §8.9).
// Decoded to the JSON form with the field tables of protobuf-schemas.ts; fields we have no table
// for are skipped, as the JSON path would reject nothing the sim cannot hold either.

import { badRequest } from './status'
import { SCHEMAS, type Field, type Schema } from './protobuf-schemas'
import { encodeBase64 } from '../sim/objects/go-base64'

const MAGIC = [0x6b, 0x38, 0x73, 0x00]

interface Raw {
  field: number
  wire: number
  varint?: bigint
  bytes?: Uint8Array
}

const malformed = () => badRequest('the protobuf body could not be decoded')

class Reader {
  at = 0
  constructor(readonly buf: Uint8Array) {}
  varint(): bigint {
    let shift = 0n
    let out = 0n
    for (let i = 0; i < 10; i++) {
      const b = this.buf[this.at++]
      if (b === undefined) throw malformed()
      out |= BigInt(b & 0x7f) << shift
      if (b < 0x80) return out
      shift += 7n
    }
    throw malformed()
  }
  take(n: number): Uint8Array {
    if (n < 0 || this.at + n > this.buf.length) throw malformed()
    const out = this.buf.subarray(this.at, this.at + n)
    this.at += n
    return out
  }
}

/** Every field of one message, in wire order. */
export function readFields(buf: Uint8Array): Raw[] {
  const r = new Reader(buf)
  const out: Raw[] = []
  while (r.at < buf.length) {
    const key = Number(r.varint())
    const field = key >>> 3
    const wire = key & 7
    if (wire === 0) out.push({ field, wire, varint: r.varint() })
    else if (wire === 2) out.push({ field, wire, bytes: r.take(Number(r.varint())) })
    else if (wire === 1) r.take(8)
    else if (wire === 5) r.take(4)
    else throw malformed()
  }
  return out
}

const utf8 = new TextDecoder()

function int64(v: bigint): number {
  return Number(v >= 1n << 63n ? v - (1n << 64n) : v)
}

function scalar(f: Field, raw: Raw): unknown {
  if (f.type === 'string') return raw.bytes ? utf8.decode(raw.bytes) : ''
  if (f.type === 'bool') return raw.varint !== undefined && raw.varint !== 0n
  if (f.type === 'int') {
    if (raw.varint === undefined) throw malformed()
    return int64(raw.varint)
  }
  return undefined
}

function isEmpty(v: unknown): boolean {
  if (v === '' || v === 0 || v === false || v === undefined) return true
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0
}

function decodeValue(f: Field, raw: Raw, depth: number): unknown {
  if (f.type === 'map') return mapEntry(f, raw)
  if (f.type === 'intstr') return intOrString(raw)
  if (f.type === 'quantity') return raw.bytes ? stringField1(raw.bytes) : ''
  if (f.type === 'time') return raw.bytes ? timeOf(raw.bytes) : undefined
  const schema = SCHEMAS[f.type]
  if (schema) {
    if (!raw.bytes) throw malformed()
    return decodeMessage(raw.bytes, schema, depth + 1)
  }
  return scalar(f, raw)
}

function stringField1(buf: Uint8Array): string {
  const f = readFields(buf).find((x) => x.field === 1)
  return f?.bytes ? utf8.decode(f.bytes) : ''
}

function timeOf(buf: Uint8Array): string | undefined {
  const secs = readFields(buf).find((x) => x.field === 1)?.varint
  if (!secs) return undefined
  return new Date(int64(secs) * 1000).toISOString().replace('.000Z', 'Z')
}

function intOrString(raw: Raw): number | string {
  const fields = readFields(raw.bytes ?? new Uint8Array())
  const type = fields.find((x) => x.field === 1)?.varint ?? 0n
  if (type === 1n) {
    const s = fields.find((x) => x.field === 3)?.bytes
    return s ? utf8.decode(s) : ''
  }
  const v = fields.find((x) => x.field === 2)?.varint ?? 0n
  return int64(v)
}

function mapEntry(f: Field, raw: Raw): [string, unknown] {
  const fields = readFields(raw.bytes ?? new Uint8Array())
  const k = fields.find((x) => x.field === 1)?.bytes
  const v = fields.find((x) => x.field === 2)
  const value = !v?.bytes
    ? ''
    : f.values === 'quantity'
      ? stringField1(v.bytes)
      : f.values === 'bytes'
        ? encodeBase64(v.bytes)
        : utf8.decode(v.bytes)
  return [k ? utf8.decode(k) : '', value]
}

/** One message to its JSON form: zero values of plain fields left out, as `omitempty` does. */
export function decodeMessage(buf: Uint8Array, schema: Schema, depth = 0): Record<string, unknown> {
  if (depth > 32) throw malformed()
  const out: Record<string, unknown> = {}
  for (const raw of readFields(buf)) {
    const f = schema[raw.field]
    if (!f) continue
    const v = decodeValue(f, raw, depth)
    if (f.type === 'map') {
      const [k, val] = v as [string, unknown]
      out[f.name] = { ...((out[f.name] as object | undefined) ?? {}), [k]: val }
    } else if (f.inline) {
      Object.assign(out, v)
    } else if (f.repeated) {
      out[f.name] = [...((out[f.name] as unknown[] | undefined) ?? []), v]
    } else if (f.ptr || !isEmpty(v)) out[f.name] = v
  }
  return out
}

/** A `k8s\0`-framed body to the object it carries, with its apiVersion and kind. */
export function decodeProtobufObject(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw malformed()
  const unknown = readFields(body.subarray(4))
  const typeMeta = unknown.find((f) => f.field === 1)?.bytes
  const raw = unknown.find((f) => f.field === 2)?.bytes ?? new Uint8Array()
  const tm = typeMeta ? readFields(typeMeta) : []
  const text = (n: number) => {
    const b = tm.find((f) => f.field === n)?.bytes
    return b ? utf8.decode(b) : ''
  }
  const apiVersion = text(1)
  const kind = text(2)
  const schema = SCHEMAS[kind]
  if (!schema)
    throw badRequest(
      `no kind "${kind}" is registered for version "${apiVersion}" in the protobuf decoder of this server`,
    )
  return { apiVersion, kind, ...decodeMessage(raw, schema) }
}
