// ValidateDeployment / ValidateReplicaSet (pkg/apis/apps/validation/validation.go) and the
// selector immutability the apps/v1 strategies add on update (V15-V18).

import type { Deployment, LabelSelector, PodTemplateSpec, ReplicaSet } from './types'
import {
  type FieldError,
  forbidden,
  invalid,
  invalidRaw,
  notSupported,
  required,
  goQuote,
  goStringMap,
} from './field-errors'
import { isDNS1123Subdomain } from './names'
import {
  goLabelSelector,
  validateLabelSelector,
  validateLabels,
  validateObjectMeta,
} from './validate-meta'
import { validatePodSpec } from './validate-pod'
import { matchesLabelSelector } from './selectors'

const NEGATIVE = 'must be greater than or equal to 0'

function nonNegative(v: number | undefined, field: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [invalid(field, v, NEGATIVE)] : []
}

/** Selector checks + ValidatePodTemplateSpecForReplicaSet, shared by Deployment and ReplicaSet. */
function validateSelectorAndTemplate(
  sel: LabelSelector | undefined,
  tpl: PodTemplateSpec | undefined,
): FieldError[] {
  const errs: FieldError[] = []
  if (!sel) errs.push(required('spec.selector'))
  else {
    errs.push(...validateLabelSelector(sel, 'spec.selector'))
    if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0)
      errs.push(
        invalidRaw(
          'spec.selector',
          goLabelSelector(sel),
          'empty selector is invalid for deployment',
        ),
      )
  }
  if (!tpl) return [...errs, required('spec.template')]
  const empty =
    sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0
  if (!empty && !matchesLabelSelector(tpl.metadata?.labels ?? {}, sel))
    errs.push(
      invalidRaw(
        'spec.template.metadata.labels',
        goStringMap(tpl.metadata?.labels),
        '`selector` does not match template `labels`',
      ),
    )
  errs.push(...validateLabels(tpl.metadata?.labels, 'spec.template.labels'))
  errs.push(...validatePodSpec(tpl.spec ?? { containers: [] }, 'spec.template.spec'))
  const restart = tpl.spec?.restartPolicy
  if (restart && restart !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', restart, ['Always']))
  return errs
}

/** ValidateDeployment: name, replicas, selector vs template, strategy, deadlines (V15-V17). */
export function validateDeployment(d: Deployment): FieldError[] {
  const spec = d.spec ?? {}
  const errs = validateObjectMeta(d.metadata, true, isDNS1123Subdomain)
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'))
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template))
  errs.push(...validateStrategy(d))
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'))
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
      errs.push(
        invalid(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      )
  }
  return errs
}

/** intstr.IntOrString as Go's %#v prints it. */
function goIntOrString(v: number | string | undefined): string {
  return typeof v === 'string'
    ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`
    : `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`
}

const PERCENT =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"

/** ValidateDeploymentStrategy + ValidateRollingUpdateDeployment. */
function validateStrategy(d: Deployment): FieldError[] {
  const s = d.spec.strategy ?? {}
  if (s.type === 'Recreate')
    return s.rollingUpdate
      ? [
          forbidden(
            'spec.strategy.rollingUpdate',
            "may not be specified when strategy `type` is 'Recreate'",
          ),
        ]
      : []
  if (s.type !== 'RollingUpdate') {
    const ru = s.rollingUpdate
      ? '(*apps.RollingUpdateDeployment)(0xc000a1c0a0)'
      : '(*apps.RollingUpdateDeployment)(nil)'
    const value = `apps.DeploymentStrategy{Type:${goQuote(s.type ?? '')}, RollingUpdate:${ru}}`
    return [
      {
        type: 'NotSupported',
        field: 'spec.strategy',
        value,
        detail: 'supported values: "Recreate", "RollingUpdate"',
      },
    ]
  }
  const ru = s.rollingUpdate ?? {}
  const path = 'spec.strategy.rollingUpdate'
  const errs = [
    ...intOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...intOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ]
  const value = (v: number | string | undefined) =>
    typeof v === 'string' ? parseInt(v, 10) || 0 : (v ?? 0)
  if (value(ru.maxUnavailable) === 0 && value(ru.maxSurge) === 0)
    errs.push(
      invalidRaw(
        `${path}.maxUnavailable`,
        goIntOrString(ru.maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    )
  const m = typeof ru.maxUnavailable === 'string' ? /^(\d+)%$/.exec(ru.maxUnavailable) : null
  if (m && Number(m[1]) > 100)
    errs.push(
      invalidRaw(
        `${path}.maxUnavailable`,
        goIntOrString(ru.maxUnavailable),
        'must not be greater than 100%',
      ),
    )
  return errs
}

function intOrPercent(v: number | string | undefined, path: string): FieldError[] {
  if (typeof v === 'string')
    return /^[0-9]+%$/.test(v) ? [] : [invalidRaw(path, goIntOrString(v), PERCENT)]
  return nonNegative(v, path)
}

/** ValidateReplicaSet: like a Deployment without strategy (its selector message says deployment too). */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec ?? {}
  const errs = validateObjectMeta(rs.metadata, true, isDNS1123Subdomain)
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'))
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...validateSelectorAndTemplate(spec.selector, spec.template))
  return errs
}

/** apps/v1 ValidateUpdate: the selector may not change (V18). */
export function validateSelectorImmutable(
  oldSel: LabelSelector | undefined,
  newSel: LabelSelector | undefined,
): FieldError[] {
  if (JSON.stringify(normalise(oldSel)) === JSON.stringify(normalise(newSel))) return []
  return [invalidRaw('spec.selector', goLabelSelector(newSel), 'field is immutable')]
}

function normalise(sel: LabelSelector | undefined) {
  if (!sel) return null
  const ml = sel.matchLabels ?? {}
  return {
    ml: Object.keys(ml)
      .sort()
      .map((k) => [k, ml[k]]),
    me: sel.matchExpressions ?? [],
  }
}
