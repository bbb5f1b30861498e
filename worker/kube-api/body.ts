// Request bodies of the Kubernetes API: at most 1 MiB (the apiserver allows 3 MiB; a lab cluster
// is small), in the media types kubectl sends: JSON, YAML, protobuf (typed clients, protobuf.ts)
// and the three patch types. Anything malformed is a 400/413/415 Status, never a crash.

import { parse } from 'yaml'
import { KubeError, badRequest } from './status'
import { decodeProtobufObject } from './protobuf'
import { readRequestBody, type BodyContext } from '../http/read-body'
import type { AppEnv } from '../http/env'

export const MAX_BODY_BYTES = 1024 * 1024

export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const
export type PatchType = (typeof PATCH_TYPES)[number]

const tooLarge = () =>
  new KubeError('RequestEntityTooLarge', 'Request entity too large: limit is 1048576')

/** The media type of the request without parameters, lower-cased. */
export function mediaType(req: Request): string {
  return (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
}

/**
 * Reads the body, stopping past the limit whatever Content-Length claims; through the runtime's
 * own reader where it has one (the Node entry reads Node's request stream: worker/node-body.ts).
 */
export async function readBytes<E extends AppEnv>(c: BodyContext<E>): Promise<Uint8Array> {
  if (Number(c.req.header('content-length') ?? '0') > MAX_BODY_BYTES) throw tooLarge()
  return readRequestBody(c, MAX_BODY_BYTES, tooLarge)
}

function text(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw badRequest('the request body is not valid UTF-8')
  }
}

/** JSON as the apiserver's decoder reports a syntax error. */
export function parseJsonText(t: string): unknown {
  try {
    return JSON.parse(t) as unknown
  } catch (e) {
    throw badRequest(`json: ${(e as Error).message}`)
  }
}

function parseYamlText(t: string): unknown {
  try {
    return parse(t, { maxAliasCount: 50 }) as unknown
  } catch (e) {
    throw badRequest(`yaml: ${(e as Error).message.split('\n')[0]}`)
  }
}

/** An object body (POST, PUT): JSON, YAML or Kubernetes protobuf. */
export async function readObjectBody<E extends AppEnv>(c: BodyContext<E>): Promise<unknown> {
  const type = mediaType(c.req.raw)
  const bytes = await readBytes(c)
  if (bytes.byteLength === 0) throw badRequest('the request body is empty')
  if (type === 'application/json' || type === '') return parseJsonText(text(bytes))
  if (type === 'application/yaml') return parseYamlText(text(bytes))
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobufObject(bytes)
  throw unsupported(type, [
    'application/json',
    'application/yaml',
    'application/vnd.kubernetes.protobuf',
  ])
}

/** A patch body and its type. */
export async function readPatchBody<E extends AppEnv>(c: BodyContext<E>): Promise<{ type: PatchType; patch: unknown }> {
  const type = mediaType(c.req.raw) as PatchType
  if (!PATCH_TYPES.includes(type)) throw unsupported(type, [...PATCH_TYPES])
  const t = text(await readBytes(c))
  return {
    type,
    patch: type === 'application/apply-patch+yaml' ? parseYamlText(t) : parseJsonText(t),
  }
}

/** An optional JSON body (DELETE options). */
export async function readOptionalJson<E extends AppEnv>(c: BodyContext<E>): Promise<unknown> {
  const bytes = await readBytes(c)
  if (bytes.byteLength === 0) return undefined
  const type = mediaType(c.req.raw)
  if (type === 'application/vnd.kubernetes.protobuf') return decodeProtobufObject(bytes)
  return parseJsonText(text(bytes))
}

function unsupported(type: string, accepted: string[]): KubeError {
  return new KubeError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    {},
  )
}
