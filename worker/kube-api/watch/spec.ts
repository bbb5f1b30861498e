// What a `?watch=true` request asks for, read from its query and Accept header
// (apiserver pkg/endpoints/handlers/get.go ListResource, metav1.ListOptions).

import type { Kind } from '../../sim/objects/resources'
import type { KubeObject } from '../../sim/objects/types'
import {
  matchesFields,
  parseFieldSelector,
  unsupportedField,
  type FieldRequirement,
} from '../../sim/kubectl/printers/field-selector'
import {
  matchesRequirements,
  parseLabelSelector,
  type Requirement,
} from '../../sim/kubectl/printers/label-selector'

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

/** `watch=true`, `watch=1` (apiserver accepts any strconv.ParseBool true). */
export function isWatchRequest(query: URLSearchParams): boolean {
  return ['true', '1', 't', 'T', 'TRUE', 'True'].includes(query.get('watch') ?? '')
}

function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part))
}

function bool(v: string | null): boolean {
  return v === 'true' || v === '1'
}

/** Reads a watch request; `message` is the BadRequest text the apiserver would give. */
export function readWatchSpec(
  kind: Kind,
  namespace: string | undefined,
  query: URLSearchParams,
  accept: string | undefined,
): SpecResult {
  const labels = parseLabelSelector(query.get('labelSelector') ?? '')
  if ('error' in labels) return { ok: false, message: labels.error }
  const fields = parseFieldSelector(query.get('fieldSelector') ?? '')
  if ('error' in fields) return { ok: false, message: fields.error }
  const unsupported = unsupportedField(kind, fields.requirements)
  if (unsupported) return { ok: false, message: unsupported }
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
      labels: labels.requirements,
      fields: fields.requirements,
      resourceVersion: rv,
      sendInitialEvents: bool(query.get('sendInitialEvents')),
      allowWatchBookmarks: bool(query.get('allowWatchBookmarks')),
      timeoutSeconds: timeout === null ? undefined : Number(timeout),
      table: wantsTable(accept),
      includeObject: include,
    },
  }
}

export function matchesSpec(obj: KubeObject, spec: WatchSpec): boolean {
  if (obj.kind !== spec.kind) return false
  if (spec.namespace !== undefined && obj.metadata.namespace !== spec.namespace) return false
  return matchesRequirements(spec.labels, obj.metadata.labels) && matchesFields(obj, spec.fields)
}
