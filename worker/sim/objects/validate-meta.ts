// ValidateObjectMeta and ValidateLabels (apimachinery pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation): name, namespace, labels and annotation keys.

import type { LabelSelector, ObjectMeta } from './types'
import {
  type FieldError,
  forbidden,
  invalid,
  invalidRaw,
  required,
  goQuote,
  goStringMap,
} from './field-errors'
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from './names'

export type NameValidator = (name: string) => string[]

/** ValidateObjectMeta: name (with the kind's rule), namespace, labels, annotation keys. */
export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  nameFn: NameValidator,
): FieldError[] {
  const errs: FieldError[] = []
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'))
  else for (const msg of nameFn(meta.name)) errs.push(invalid('metadata.name', meta.name, msg))
  if (namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace'))
    else
      for (const msg of isDNS1123Label(meta.namespace))
        errs.push(invalid('metadata.namespace', meta.namespace, msg))
  } else if (meta.namespace) errs.push(forbidden('metadata.namespace', 'not allowed on this type'))
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  for (const k of Object.keys(meta.annotations ?? {}).sort())
    for (const msg of isQualifiedName(k.toLowerCase()))
      errs.push(invalid('metadata.annotations', k, msg))
  return errs
}

/** ValidateLabels: keys are qualified names, values label values; Go map order made stable by sorting. */
export function validateLabels(
  labels: Record<string, string> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = []
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(field, k, msg))
    const v = labels?.[k] ?? ''
    for (const msg of isValidLabelValue(v)) errs.push(invalid(field, v, msg))
  }
  return errs
}

/** A LabelSelector as Go's %#v prints it in field errors (V18). */
export function goLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return '(*v1.LabelSelector)(nil)'
  const ml = goStringMap(sel.matchLabels)
  const exprs = sel.matchExpressions
  const me =
    exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map(
            (e) =>
              `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${
                e.values === undefined
                  ? '[]string(nil)'
                  : `[]string{${e.values.map(goQuote).join(', ')}}`
              }}`,
          )
          .join(', ')}}`
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`
}

/** ValidateLabelSelector: requirement operators, keys and values. */
export function validateLabelSelector(sel: LabelSelector, field: string): FieldError[] {
  const errs: FieldError[] = []
  for (const [i, r] of (sel.matchExpressions ?? []).entries()) {
    const p = `${field}.matchExpressions[${i}]`
    const vals = r.values ?? []
    if ((r.operator === 'In' || r.operator === 'NotIn') && vals.length === 0)
      errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
    else if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && vals.length > 0)
      errs.push(
        forbidden(
          `${p}.values`,
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        ),
      )
    else if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator))
      errs.push(invalidRaw(`${p}.operator`, goQuote(r.operator), 'not a valid selector operator'))
    for (const msg of isQualifiedName(r.key)) errs.push(invalid(`${p}.key`, r.key, msg))
  }
  errs.push(...validateLabels(sel.matchLabels, `${field}.matchLabels`))
  return errs
}
