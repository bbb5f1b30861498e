// The first steps of every write: recognise the kind, strict-decode, default, place in a namespace.

import { cloneJSON } from '../state'
import type { ApiError, KubeObject } from './types'
import { RESOURCES, isKind, type Kind, apiVersionOf } from './resources'
import { badRequest } from './api-errors'
import { strictDecode, isPlainObject } from './strict-decode'
import { applyDefaults } from './defaults'

export interface WriteOptions {
  /** ms since epoch */
  now: number
  /** validate and default, store nothing (`--dry-run=server`) */
  dryRun?: boolean
  /** the request namespace (`-n`), used when the manifest has none; default `default` */
  namespace?: string
}

export interface Decoded {
  kind: Kind
  obj: KubeObject
}

/** Matches apiVersion+kind to a served resource, as the RESTMapper and the decoder do. */
export function decodeKind(input: unknown): { kind: Kind } | { error: ApiError } {
  if (!isPlainObject(input)) return { error: badRequest('Object is not a valid Kubernetes object') }
  const kind = String(input.kind ?? '')
  const apiVersion = String(input.apiVersion ?? '')
  if (!isKind(kind) || apiVersionOf(kind) !== apiVersion)
    return { error: badRequest(`no matches for kind "${kind}" in version "${apiVersion}"`) }
  return { kind }
}

/** Decoding as the API server does it: strict fields, then defaults, then the request namespace. */
export function decodeObject(input: unknown, opts: WriteOptions): Decoded | { error: ApiError } {
  const k = decodeKind(input)
  if ('error' in k) return k
  const raw = cloneJSON(input) as Record<string, unknown>
  const err = strictDecode(k.kind, raw)
  if (err) return { error: err }
  if (!isPlainObject(raw.metadata)) raw.metadata = {}
  const meta = raw.metadata as Record<string, unknown>
  if (RESOURCES[k.kind].namespaced) {
    const reqNs = opts.namespace ?? 'default'
    if (meta.namespace && opts.namespace && meta.namespace !== opts.namespace)
      return {
        error: badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        ),
      }
    meta.namespace = meta.namespace || reqNs
  } else delete meta.namespace
  applyDefaults(k.kind, raw)
  return { kind: k.kind, obj: raw as unknown as KubeObject }
}

/** The manifest's kind for kubectl's client-side mapping error (cli-runtime mapper.go). */
export function mappingError(input: unknown, source: string): string | undefined {
  const k = decodeKind(input)
  if (!('error' in k)) return undefined
  const o = isPlainObject(input) ? input : {}
  const meta = isPlainObject(o.metadata) ? o.metadata : {}
  return `resource mapping not found for name: "${String(meta.name ?? '')}" namespace: "${String(meta.namespace ?? '')}" from "${source}": no matches for kind "${String(o.kind ?? '')}" in version "${String(o.apiVersion ?? '')}"\nensure CRDs are installed first`
}
