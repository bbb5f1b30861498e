// What a `?watch=true` request asks for, read from its query and Accept header
// (apiserver pkg/endpoints/handlers/get.go ListResource, metav1.ListOptions).

import type { Kind } from '../../sim/objects/resources'
import type { KubeObject } from '../../sim/objects/types'
import type { FieldRequirement } from '../../sim/kubectl/printers/field-selector'
import type { Requirement } from '../../sim/kubectl/printers/label-selector'
import { matchesSelectors, queryFlag, readSelectors } from '../list-options'
import { wantsTable } from '../table'

export interface WatchSpec {
  kind: Kind
  /** undefined: every namespace (`/api/v1/pods`) */
  namespace?: string
  labels: Requirement[]
  fields: FieldRequirement[]
  /** '' (unset) or '0': the current state first, as ADDED events; else only changes after it */
  resourceVersion: string
  sendInitialEvents: boolean
  allowWatchBookmarks: boolean
  /** seconds; the server's limit applies when unset or larger */
  timeoutSeconds?: number
  /** `Accept: application/json;as=Table;...`: each event carries a one-row Table */
  table: boolean
  /** Table rows carry the whole object (`includeObject=Object`) or its metadata (default) */
  includeObject: 'None' | 'Metadata' | 'Object'
}

export type SpecResult = { ok: true; spec: WatchSpec } | { ok: false; message: string }

/** `watch=true`, `watch=1`, any value but `0`/`false` (list-options.ts queryFlag). */
export function isWatchRequest(query: URLSearchParams): boolean {
  return queryFlag(query.get('watch'))
}

/** Reads a watch request; `message` is the BadRequest text the apiserver would give. */
export function readWatchSpec(
  kind: Kind,
  namespace: string | undefined,
  query: URLSearchParams,
  accept: string | undefined,
): SpecResult {
  const selectors = readSelectors(kind, query)
  if ('error' in selectors) return { ok: false, message: selectors.error }
  const timeout = query.get('timeoutSeconds')
  if (timeout !== null && !/^\d{1,9}$/.test(timeout))
    return { ok: false, message: `invalid value "${timeout}" for timeoutSeconds` }
  const include = query.get('includeObject') ?? 'Metadata'
  if (include !== 'None' && include !== 'Metadata' && include !== 'Object')
    return { ok: false, message: `includeObject: Unsupported value: "${include}"` }
  const rv = query.get('resourceVersion') ?? ''
  if (rv !== '' && !/^\d{1,15}$/.test(rv))
    return {
      ok: false,
      message: `Invalid value: "${rv}": resourceVersion: invalid resource version`,
    }
  return {
    ok: true,
    spec: {
      kind,
      namespace,
      labels: selectors.labels,
      fields: selectors.fields,
      resourceVersion: rv,
      sendInitialEvents: queryFlag(query.get('sendInitialEvents')),
      allowWatchBookmarks: queryFlag(query.get('allowWatchBookmarks')),
      timeoutSeconds: timeout === null ? undefined : Number(timeout),
      table: wantsTable(accept),
      includeObject: include,
    },
  }
}

export function matchesSpec(obj: KubeObject, spec: WatchSpec): boolean {
  if (obj.kind !== spec.kind) return false
  if (spec.namespace !== undefined && obj.metadata.namespace !== spec.namespace) return false
  return matchesSelectors(obj, spec)
}
