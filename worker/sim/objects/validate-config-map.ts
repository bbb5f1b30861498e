// ConfigMap validation (k8s pkg/apis/core/validation validation.go ValidateConfigMap,
// ValidateConfigMapUpdate). Keys are checked in sorted order (Go ranges over the maps at random).
// Left out, as for Secrets: the 1 MiB total size limit (a lab cluster's document is far smaller).

import type { ConfigMap } from './config-map-types'
import { type FieldError, forbidden, invalid } from './field-errors'
import { isDNS1123Subdomain } from './names'
import { validateObjectMeta } from './validate-meta'
import { isConfigMapKey } from './validate-secret'
import { sameJSONUnordered } from './json-equal'

/** ValidateConfigMap: a DNS subdomain name, config keys, no key in both data and binaryData. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, isDNS1123Subdomain)
  const binary = cm.binaryData ?? {}
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(`data[${key}]`, key, msg))
    if (Object.hasOwn(binary, key))
      errs.push(invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'))
  }
  for (const key of Object.keys(binary).sort())
    for (const msg of isConfigMapKey(key)) errs.push(invalid(`binaryData[${key}]`, key, msg))
  return errs
}

/** ValidateConfigMapUpdate before ValidateConfigMap: an immutable ConfigMap keeps its data. */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  if (old.immutable !== true) return []
  const errs: FieldError[] = []
  const why = 'field is immutable when `immutable` is set'
  if (cm.immutable !== true) errs.push(forbidden('immutable', why))
  if (!sameJSONUnordered(cm.data ?? {}, old.data ?? {})) errs.push(forbidden('data', why))
  if (!sameJSONUnordered(cm.binaryData ?? {}, old.binaryData ?? {}))
    errs.push(forbidden('binaryData', why))
  return errs
}
