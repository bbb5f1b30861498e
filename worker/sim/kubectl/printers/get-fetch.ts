// Reading what `kubectl get` asked for from the cluster, as the API server's GET and LIST
// answer it: by name (NotFound), or a list filtered by label and field selectors.

import { RESOURCES, qualifiedResource, type Kind } from '../../objects/resources'
import type { KubeObject } from '../../objects/types'
import { getObject, listObjects, type ClusterState } from '../../state'
import type { GetTarget } from './get-targets'
import { matchesFields, unsupportedField, type FieldRequirement } from './field-selector'
import { matchesRequirements, type Requirement } from './label-selector'

export interface Info {
  kind: Kind
  objects: KubeObject[]
  /** true for a list request (even an empty one), false for a named object */
  list: boolean
}

export interface FetchOptions {
  namespace: string
  allNamespaces: boolean
  labels: Requirement[]
  fields: FieldRequirement[]
  /** the raw selector strings, for EnhanceListError's message */
  labelText: string
  fieldText: string
  /** a label or field selector the API server cannot parse */
  selectorError?: string
}

/** A LIST's BadRequest for a selector, as cli-runtime's selector visitor wraps it (the full line). */
export function listSelectorError(kind: Kind, labels: string, fields: string, bad: string): string {
  const r = RESOURCES[kind]
  const gvr = `${r.group ? `${r.group}/` : '/'}${r.version}, Resource=${r.plural}`
  return `Error from server (BadRequest): Unable to find "${gvr}" that match label selector "${labels}", field selector "${fields}": ${bad}`
}

/** One target read from the cluster, or the full stderr line of its error. */
export function fetchTarget(
  s: ClusterState,
  t: GetTarget,
  o: FetchOptions,
): Info | { error: string } {
  const r = RESOURCES[t.kind]
  if (t.name !== undefined) {
    const obj = getObject(s, t.kind, r.namespaced ? o.namespace : undefined, t.name)
    if (!obj)
      return {
        error: `Error from server (NotFound): ${qualifiedResource(t.kind)} "${t.name}" not found`,
      }
    return { kind: t.kind, objects: [obj], list: false }
  }
  const bad = o.selectorError ?? unsupportedField(t.kind, o.fields)
  if (bad) return { error: listSelectorError(t.kind, o.labelText, o.fieldText, bad) }
  const ns = r.namespaced && !o.allNamespaces ? o.namespace : undefined
  const objects = listObjects(s, t.kind, ns).filter(
    (obj) => matchesRequirements(o.labels, obj.metadata.labels) && matchesFields(obj, o.fields),
  )
  return { kind: t.kind, objects, list: true }
}
