// ingress-nginx's validating admission webhook `validate.nginx.ingress.kubernetes.io` (NX
// internal/admission/controller, controller.go CheckIngress/CheckWarning/checkOverlap,
// inspector.ValidatePathType; INGRESS-FACTS I18, I28). It runs only when the controller is
// installed: the API server calls it after its own validation, on CREATE and UPDATE of Ingresses.
// The class check (I18) is the controller side's servedByNginx, so both agree on what is served.
// Annotation values are checked for the redirect group only (ingress-nginx-annotations.ts).
// Left out: the other annotations' validators and the nginx -t test (disabled in 1.12 anyway).

import type { ClusterState } from '../state'
import { getObject } from '../state'
import type { ApiError } from './types'
import type { Ingress } from './ingress-types'
import { findOverlap } from './ingress-overlap'
import { parseRedirectAnnotations } from '../controllers/ingress-nginx-annotations'
import {
  INGRESS_NGINX,
  allIngresses,
  byIngressStoreOrder,
  isIngressNginxRunning,
  servedByNginx,
} from '../controllers/ingress-nginx-class'

export const INGRESS_NGINX_WEBHOOK = 'validate.nginx.ingress.kubernetes.io'

/**
 * Whether the webhook is registered. Its ValidatingWebhookConfiguration is not modelled: it is
 * taken to exist while the install does (the controller Deployment or the admission Service).
 */
export function isIngressNginxWebhookRegistered(s: ClusterState): boolean {
  const ns = INGRESS_NGINX.namespace
  return (
    !!getObject(s, 'Deployment', ns, INGRESS_NGINX.deployment) ||
    !!getObject(s, 'Service', ns, INGRESS_NGINX.admissionService)
  )
}

/** The Ingresses the controller serves, in its store order (store.go sortIngressSlice). */
export function servedIngresses(s: ClusterState): Ingress[] {
  const served = allIngresses(s).filter(
    (i) => !i.metadata.deletionTimestamp && servedByNginx(s, i).served,
  )
  return served.sort(byIngressStoreOrder)
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
  if (!servedByNginx(s, ing).served) return undefined
  const bad = invalidPathMessages(ing)
  if (bad.length > 0) return `ingress contains invalid paths: ${bad.join('\n')}`
  const snippet = snippetDenial(ing)
  if (snippet) return snippet
  // annotations.go Extract: a value its validator refuses makes the Ingress invalid
  const redirect = parseRedirectAnnotations(ing.metadata.annotations ?? {})
  if (redirect.invalid) return `annotation ${redirect.invalid} contains invalid value`
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

const WEBHOOK_URL = `https://${INGRESS_NGINX.admissionService}.${INGRESS_NGINX.namespace}.svc:443/networking/v1/ingresses?timeout=10s`

/**
 * failurePolicy Fail: with the admission Service gone, or no Ready controller pod behind it (just
 * after the install, before the pod is Ready — why install guides `kubectl wait` first), every
 * Ingress write fails. Text as real transcripts show it (kubernetes/ingress-nginx#7135, #5401).
 */
function webhookUnreachable(s: ClusterState): ApiError | undefined {
  const svc = getObject(s, 'Service', INGRESS_NGINX.namespace, INGRESS_NGINX.admissionService)
  const why = !svc
    ? `service "${INGRESS_NGINX.admissionService}" not found`
    : isIngressNginxRunning(s)
      ? undefined
      : `no endpoints available for service "${INGRESS_NGINX.admissionService}"`
  if (!why) return undefined
  return {
    reason: 'InternalError',
    message: `Internal error occurred: failed calling webhook "${INGRESS_NGINX_WEBHOOK}": failed to call webhook: Post "${WEBHOOK_URL}": ${why}`,
  }
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
  if (!isIngressNginxWebhookRegistered(s)) return { warnings: [] }
  const unreachable = webhookUnreachable(s)
  if (unreachable) return { error: unreachable, warnings: [] }
  const warnings = ingressNginxWarnings(ing)
  const denial = checkIngress(s, ing)
  if (!denial) return { warnings }
  const message = `admission webhook "${INGRESS_NGINX_WEBHOOK}" denied the request: ${denial}`
  return { error: { reason: 'BadRequest', message }, warnings }
}
