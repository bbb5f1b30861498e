// --save-config (kubectl cmdutil CreateOrUpdateAnnotation): store the object kubectl sends in the
// last-applied annotation, so that a later `kubectl apply` treats it as its own.

import { lastAppliedJSON } from './api'
import { readAnnotations } from '../objects/apply'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

/** The object with its last-applied annotation (JSON of itself with `annotations: {}` kept). */
export function withSavedConfig(obj: Record<string, unknown>): Record<string, unknown> {
  const meta = (obj.metadata ?? {}) as Record<string, unknown>
  const annotations = { ...readAnnotations(meta.annotations) }
  delete annotations[LAST_APPLIED]
  const json = lastAppliedJSON({ ...obj, metadata: { ...meta, annotations } })
  return { ...obj, metadata: { ...meta, annotations: { ...annotations, [LAST_APPLIED]: json } } }
}
