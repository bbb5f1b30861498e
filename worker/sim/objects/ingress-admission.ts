// ingress-nginx's validating admission webhook `validate.nginx.ingress.kubernetes.io` (NX
// internal/admission/controller, controller.go CheckIngress/CheckWarning/checkOverlap,
// inspector.ValidatePathType; INGRESS-FACTS I18, I28). It runs only when the controller is
// installed: the API server calls it after its own validation, on CREATE and UPDATE of Ingresses.
// Shared with the controller side: `ingressNginxClass` is the controller's class check (I18).
// Left out: annotation-value parsing errors and the nginx -t test (disabled in 1.12 anyway).

import type { ClusterState } from '../state'
import { getObject, objectsOfKind } from '../state'
import type { ApiError } from './types'
import type { Ingress, IngressClass } from './ingress-types'
import { INGRESS_CLASS_ANNOTATION } from './ingress-types'
import { findOverlap } from './ingress-overlap'

export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx'
/** The webhook's Service; its presence is how the API side knows the webhook is registered. */
export const INGRESS_NGINX_ADMISSION_SERVICE = 'ingress-nginx-controller-admission'
export const INGRESS_NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx'
/** `--ingress-class` (the value the class annotation must have) */
export const INGRESS_NGINX_ANNOTATION_CLASS = 'nginx'
export const INGRESS_NGINX_WEBHOOK = 'validate.nginx.ingress.kubernetes.io'

/** Whether the ingress-nginx admission webhook is installed (its Service exists). */
export function isIngressNginxInstalled(s: ClusterState): boolean {
  return !!getObject(s, 'Service', INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_ADMISSION_SERVICE)
}

/**
 * store.GetIngressClass for the cloud install (no --watch-ingress-without-class): the class the
 * controller serves this Ingress as, or the reason it ignores it (the text its log prints).
 */
export function ingressNginxClass(
  s: ClusterState,
  ing: Ingress,
): { class: string } | { error: string } {
  const name = ing.spec?.ingressClassName
  if (name !== undefined) {
    const ic = getObject<IngressClass>(s, 'IngressClass', undefined, name)
    // only classes of this controller enter its IngressClass lister
    if (!ic || ic.spec?.controller !== INGRESS_NGINX_CONTROLLER_CLASS)
      return { error: `no object matching key "${name}" in local store` }
    return { class: ic.metadata.name }
  }
  const ann = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
  if (ann !== undefined)
    return ann === INGRESS_NGINX_ANNOTATION_CLASS
      ? { class: ann }
      : { error: 'ingress class annotation is not equal to the expected by Ingress Controller' }
  return { error: 'ingress does not contain a valid IngressClass' }
}

/** The Ingresses the controller serves, in its store order (store.go sortIngressSlice). */
export function servedIngresses(s: ClusterState): Ingress[] {
  const served = objectsOfKind<Ingress>(s, 'Ingress').filter(
    (i) => !i.metadata.deletionTimestamp && 'class' in ingressNginxClass(s, i),
  )
  return served.sort((a, b) => {
    const ta = a.metadata.creationTimestamp
    const tb = b.metadata.creationTimestamp
    if (ta !== tb) return ta < tb ? -1 : 1
    // equal timestamps: reverse namespace/name order, as upstream's `in > jn`
    const ka = `${a.metadata.namespace}/${a.metadata.name}`
    const kb = `${b.metadata.namespace}/${b.metadata.name}`
    return ka === kb ? 0 : ka > kb ? -1 : 1
  })
}

/** `(?i)^/[[:alnum:]\_\-/]*$`: strict-validate-path-type, on by default in 1.12 (I28). */
const VALID_PATH = /^\/[A-Za-z0-9_\-/]*$/

/** inspector.ValidatePathType: one message per Exact/Prefix path with other characters. */
export function invalidPathMessages(ing: Ingress): string[] {
  const out: string[] = []
  for (const rule of ing.spec?.rules ?? [])
    for (const p of rule.http?.paths ?? []) {
      if (!p.path || p.pathType === 'ImplementationSpecific') continue
      if (!VALID_PATH.test(p.path))
        out.push(`path ${p.path} cannot be used with pathType ${p.pathType}`)
    }
  return out
}

/** The first `*-snippet` annotation (allow-snippet-annotations is false by default since 1.9). */
function snippetDenial(ing: Ingress): string | undefined {
  const key = Object.keys(ing.metadata.annotations ?? {})
    .sort()
    .find((k) => k.endsWith('-snippet'))
  return key
    ? `${key} annotation cannot be used. Snippet directives are disabled by the Ingress administrator`
    : undefined
}

/** CheckIngress: why the webhook would deny this Ingress, or undefined when it allows it. */
function checkIngress(s: ClusterState, ing: Ingress): string | undefined {
  if (ing.metadata.deletionTimestamp) return undefined
  if (!('class' in ingressNginxClass(s, ing))) return undefined
  const bad = invalidPathMessages(ing)
  if (bad.length > 0) return `ingress contains invalid paths: ${bad.join('\n')}`
  const snippet = snippetDenial(ing)
  if (snippet) return snippet
  const key = (i: Ingress) => `${i.metadata.namespace}/${i.metadata.name}`
  const others = servedIngresses(s).filter((i) => key(i) !== key(ing))
  return findOverlap(ing, [...others, ing])
}

const DEPRECATED_ANNOTATIONS = [
  'enable-influxdb',
  'influxdb-measurement',
  'influxdb-port',
  'influxdb-host',
  'influxdb-server-name',
  'secure-verify-ca-secret',
]

/** CheckWarning: deprecated annotations, then each invalid path; for every Ingress, any class. */
export function ingressNginxWarnings(ing: Ingress): string[] {
  const deprecated = Object.keys(ing.metadata.annotations ?? {})
    .sort()
    .filter((k) =>
      DEPRECATED_ANNOTATIONS.includes(k.replace(/^nginx\.ingress\.kubernetes\.io\//, '')),
    )
    .map((k) => `annotation ${k} is deprecated`)
  return [...deprecated, ...invalidPathMessages(ing)]
}

export interface WebhookReview {
  /** the denial as the API server returns it (BadRequest), if denied */
  error?: ApiError
  /** admission warnings, sent back whether allowed or denied */
  warnings: string[]
}

/**
 * The webhook as the API server calls it (failurePolicy Fail, after validation, before quota):
 * a denial becomes a BadRequest status naming the webhook (apiserver webhook/errors/statuserror.go);
 * the warnings come back either way and kubectl prints them first (I28).
 */
export function admitIngressNginx(s: ClusterState, ing: Ingress): WebhookReview {
  if (!isIngressNginxInstalled(s)) return { warnings: [] }
  const warnings = ingressNginxWarnings(ing)
  const denial = checkIngress(s, ing)
  if (!denial) return { warnings }
  const message = `admission webhook "${INGRESS_NGINX_WEBHOOK}" denied the request: ${denial}`
  return { error: { reason: 'BadRequest', message, warnings }, warnings }
}
