// Ingress and IngressClass on create: networking/v1 defaulting (only IngressClass parameters get a
// default: v1 has none for pathType, I3) and the DefaultIngressClass admission plugin (I10).

import type { ClusterState } from '../state'
import { objectsOfKind } from '../state'
import { isPlainObject } from './strict-decode'
import type { Ingress, IngressClass } from './ingress-types'
import { INGRESS_CLASS_ANNOTATION, INGRESS_CLASS_DEFAULT_ANNOTATION } from './ingress-types'

/** The string lists of IngressSpec/IngressClassSpec (all other lists hold structs). */
const STRING_LISTS = ['hosts']

/**
 * JSON nulls as Go's decoder leaves them: a null field is a nil pointer, slice or map (dropped by
 * omitempty when printed), a null list item the zero value (`{}` for structs, `""` for strings).
 */
export function dropNulls(v: unknown, key = ''): unknown {
  if (Array.isArray(v))
    return v.map((x) => (x === null ? (STRING_LISTS.includes(key) ? '' : {}) : dropNulls(x)))
  if (!isPlainObject(v)) return v
  for (const k of Object.keys(v)) {
    if (v[k] === null) delete v[k]
    else v[k] = dropNulls(v[k], k)
  }
  return v
}

/** SetDefaults_IngressClass: parameters.scope defaults to Cluster. */
export function defaultIngressClass(spec: Record<string, unknown>) {
  const params = spec.parameters
  if (isPlainObject(params) && (params.scope === undefined || params.scope === null))
    params.scope = 'Cluster'
}

/**
 * The default IngressClass (plugin/pkg/admission/network/defaultingressclass): among classes
 * annotated is-default-class "true", the newest (then the lowest name) — 1.25+ picks one.
 */
export function defaultIngressClassName(s: ClusterState): string | undefined {
  const defaults = objectsOfKind<IngressClass>(s, 'IngressClass').filter(
    (ic) => ic.metadata.annotations?.[INGRESS_CLASS_DEFAULT_ANNOTATION] === 'true',
  )
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp
    const tb = b.metadata.creationTimestamp
    if (ta !== tb) return ta > tb ? -1 : 1
    return a.metadata.name < b.metadata.name ? -1 : 1
  })
  return defaults[0]?.metadata.name
}

/** DefaultIngressClass admission on create: only when neither the field nor the annotation is set. */
export function admitDefaultIngressClass(s: ClusterState, ing: Ingress) {
  if (!isPlainObject(ing.spec)) return
  if (ing.spec.ingressClassName !== undefined && ing.spec.ingressClassName !== null) return
  if (ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return
  const name = defaultIngressClassName(s)
  if (name !== undefined) ing.spec.ingressClassName = name
}
