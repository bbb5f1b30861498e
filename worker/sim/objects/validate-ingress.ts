// ValidateIngressCreate / ValidateIngressUpdate (k8s pkg/apis/networking/validation/validation.go)
// in upstream order: metadata, then spec (no-rules check, defaultBackend, rules, tls,
// ingressClassName). INGRESS-FACTS I1-I8. Left out: the ratcheting that lets an update keep an
// already-stored invalid secretName or wildcard-host rule (objects here were all validated).

import type { HTTPIngressPath, Ingress, IngressBackend, IngressRule } from './ingress-types'
import { INGRESS_CLASS_ANNOTATION } from './ingress-types'
import { type FieldError, invalid, invalidRaw, notSupported, required } from './field-errors'
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, parseIPv4 } from './names'
import { regexError, maxLenError } from './names'
import { validateObjectMeta } from './validate-meta'
import { portNumErrors } from './validate-ports'
import { isIPv6, validateTypedLocalObjectReference } from './validate-ingress-class'

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix']
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F']
const INVALID_PATH_SUFFIXES = ['/..', '/.']
const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'
const WILDCARD = /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/** IsWildcardDNS1123Subdomain (I5): `*.` followed by a DNS subdomain. */
export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = []
  if (v.length > 253) errs.push(maxLenError(253))
  if (!WILDCARD.test(v))
    errs.push(
      regexError(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        WILDCARD_FMT,
        '*.example.com',
      ),
    )
  return errs
}

/** netutils.ParseIPSloppy succeeds: an IPv4 (leading zeros allowed) or IPv6 address. */
const isIP = (v: string) => parseIPv4(v) !== undefined || isIPv6(v)

/**
 * The create-only part of ValidateIngressCreate: the class annotation must agree with
 * ingressClassName (equal values allowed since 1.27, kubernetes/kubernetes#115447).
 */
export function validateIngressClassAnnotation(ing: Ingress): FieldError[] {
  const ann = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
  const cls = ing.spec?.ingressClassName
  if (ann === undefined || cls === undefined || ann === cls) return []
  return [
    invalid(
      `annotations.${INGRESS_CLASS_ANNOTATION}`,
      ann,
      'must match `ingressClassName` when both are specified',
    ),
  ]
}

/**
 * ingressStrategy.WarningsOnCreate (k8s pkg/registry/networking/ingress/strategy.go): the legacy
 * class annotation without the field. Updates warn about nothing.
 */
export function ingressCreateWarnings(ing: Ingress): string[] {
  const ann = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION]
  if (ann === undefined || ing.spec?.ingressClassName !== undefined) return []
  return [
    `annotation "${INGRESS_CLASS_ANNOTATION}" is deprecated, please use 'spec.ingressClassName' instead`,
  ]
}

/** validateIngress: ObjectMeta (name a DNS subdomain) and the spec; also used on update. */
export function validateIngress(ing: Ingress): FieldError[] {
  return [
    ...validateObjectMeta(ing.metadata, true, isDNS1123Subdomain),
    ...validateIngressSpec(ing.spec ?? {}),
  ]
}

function validateIngressSpec(spec: Ingress['spec']): FieldError[] {
  const errs: FieldError[] = []
  const rules = spec.rules ?? []
  if (rules.length === 0 && !spec.defaultBackend)
    errs.push(
      invalidRaw(
        'spec',
        spec.rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)',
        'either `defaultBackend` or `rules` must be specified',
      ),
    )
  if (spec.defaultBackend)
    errs.push(...validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend'))
  rules.forEach((r, i) => errs.push(...validateIngressRule(r, `spec.rules[${i}]`)))
  for (const [t, tls] of (spec.tls ?? []).entries()) {
    for (const [h, host] of (tls.hosts ?? []).entries())
      errs.push(...validateHostName(host, `spec.tls[${t}].hosts[${h}]`))
    // validateTLSSecretName (v1 since 1.19): a Secret name, when given
    const secret = tls.secretName ?? ''
    if (secret)
      for (const m of isDNS1123Subdomain(secret))
        errs.push(invalid(`spec.tls[${t}].secretName`, secret, m))
  }
  if (spec.ingressClassName !== undefined)
    for (const msg of isDNS1123Subdomain(spec.ingressClassName))
      errs.push(invalid('spec.ingressClassName', spec.ingressClassName, msg))
  return errs
}

function validateHostName(host: string, field: string): FieldError[] {
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host)
  return msgs.map((m) => invalid(field, host, m))
}

function validateIngressRule(rule: IngressRule, field: string): FieldError[] {
  const errs: FieldError[] = []
  const host = rule.host ?? ''
  if (host) {
    if (isIP(host))
      errs.push(invalid(`${field}.host`, host, 'must be a DNS name, not an IP address'))
    errs.push(...validateHostName(host, `${field}.host`))
  }
  if (rule.http) {
    const paths = rule.http.paths ?? []
    if (paths.length === 0) errs.push(required(`${field}.http.paths`))
    paths.forEach((p, j) => errs.push(...validateHTTPIngressPath(p, `${field}.http.paths[${j}]`)))
  }
  return errs
}

function validateHTTPIngressPath(p: HTTPIngressPath, field: string): FieldError[] {
  if (p.pathType === undefined || p.pathType === null)
    return [required(`${field}.pathType`, 'pathType must be specified')]
  const errs: FieldError[] = []
  const path = p.path ?? ''
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!path.startsWith('/')) errs.push(invalid(`${field}.path`, path, 'must be an absolute path'))
    if (path.length > 0) {
      for (const seq of INVALID_PATH_SEQUENCES)
        if (path.includes(seq))
          errs.push(invalid(`${field}.path`, path, `must not contain '${seq}'`))
      for (const suffix of INVALID_PATH_SUFFIXES)
        if (path.endsWith(suffix))
          errs.push(invalid(`${field}.path`, path, `cannot end with '${suffix}'`))
    }
  } else if (p.pathType === 'ImplementationSpecific') {
    if (path.length > 0 && !path.startsWith('/'))
      errs.push(invalid(`${field}.path`, path, 'must be an absolute path'))
  } else errs.push(notSupported(`${field}.pathType`, p.pathType, PATH_TYPES))
  errs.push(...validateIngressBackend(p.backend ?? {}, `${field}.backend`))
  return errs
}

/** validateIngressBackend (I6): exactly one of service/resource; a service needs a name and one port. */
export function validateIngressBackend(b: IngressBackend, field: string): FieldError[] {
  if (b.resource && b.service)
    return [invalid(field, '', 'cannot set both resource and service backends')]
  if (b.resource) return validateTypedLocalObjectReference(b.resource, `${field}.resource`)
  if (!b.service) return [invalid(field, '', 'resource or service backend is required')]
  const errs: FieldError[] = []
  const name = b.service.name ?? ''
  if (!name) errs.push(required(`${field}.service.name`))
  else for (const m of isDNS1035Label(name)) errs.push(invalid(`${field}.service.name`, name, m))
  const portName = b.service.port?.name ?? ''
  const portNumber = b.service.port?.number ?? 0
  if (portName && portNumber)
    errs.push(invalid(field, '', 'cannot set both port name & port number'))
  else if (portName)
    for (const m of isValidPortName(portName))
      errs.push(invalid(`${field}.service.port.name`, portName, m))
  else if (portNumber)
    for (const m of portNumErrors(portNumber))
      errs.push(invalid(`${field}.service.port.number`, portNumber, m))
  else errs.push(required(field, 'port name or number is required'))
  return errs
}
