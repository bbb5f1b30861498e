// Query parameters shared by the Kubernetes API's handlers, read as the apiserver reads them
// (metav1.ListOptions, PodExecOptions, PodLogOptions through apimachinery's query conversion).

import type { Kind } from '../sim/objects/resources'
import type { KubeObject } from '../sim/objects/types'
import {
  matchesFields,
  parseFieldSelector,
  unsupportedField,
  type FieldRequirement,
} from '../sim/kubectl/printers/field-selector'
import {
  matchesRequirements,
  parseLabelSelector,
  type Requirement,
} from '../sim/kubectl/printers/label-selector'

/**
 * A boolean query parameter (apimachinery runtime/conversion.go Convert_Slice_string_To_bool):
 * absent, `0` or `false` in any case is false; anything else, an empty value included, is true.
 */
export function queryFlag(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false
  return value !== '0' && value.toLowerCase() !== 'false'
}

export interface Selectors {
  labels: Requirement[]
  fields: FieldRequirement[]
}

/** `labelSelector` and `fieldSelector` of a LIST or watch; `error` is the apiserver's BadRequest. */
export function readSelectors(kind: Kind, q: URLSearchParams): Selectors | { error: string } {
  const labels = parseLabelSelector(q.get('labelSelector') ?? '')
  if ('error' in labels) return labels
  const fields = parseFieldSelector(q.get('fieldSelector') ?? '')
  if ('error' in fields) return fields
  const unsupported = unsupportedField(kind, fields.requirements)
  if (unsupported) return { error: unsupported }
  return { labels: labels.requirements, fields: fields.requirements }
}

export function matchesSelectors(obj: KubeObject, sel: Selectors): boolean {
  return matchesRequirements(sel.labels, obj.metadata.labels) && matchesFields(obj, sel.fields)
}
