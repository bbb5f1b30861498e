// ValidateIngressClass / ValidateIngressClassUpdate (k8s pkg/apis/networking/validation), with
// IsDomainPrefixedPath and IsValidPathSegmentName from apimachinery. Left out: the 250-byte
// limit on spec.controller (its TooLong text differs across versions).

import type { IngressClass, TypedLocalObjectReference } from './ingress-types'
import { type FieldError, forbidden, invalid, notSupported, required } from './field-errors'
import { isDNS1123Label, isDNS1123Subdomain, regexError } from './names'
import { validateObjectMeta } from './validate-meta'

const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"
const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/
const SCOPES = ['Cluster', 'Namespace']

/** A textual IPv6 address as Go's net.ParseIP accepts it (with an optional IPv4 tail). */
export function isIPv6(v: string): boolean {
  if (!v.includes(':') || !/^[0-9a-fA-F:.]+$/.test(v)) return false
  const halves = v.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')))
  const last = groups[groups.length - 1] ?? ''
  const v4 = last.includes('.')
  if (v4 && !/^\d{1,3}(\.\d{1,3}){3}$/.test(last)) return false
  const hex = v4 ? groups.slice(0, -1) : groups
  if (!hex.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  const count = hex.length + (v4 ? 2 : 0)
  return halves.length === 2 ? count < 8 : count === 8
}

/** IsValidPathSegmentName: what a resource kind or name in a reference may be. */
function pathSegmentErrors(v: string): string[] {
  if (v === '.' || v === '..') return [`may not be '${v}'`]
  return ['/', '%'].filter((c) => v.includes(c)).map((c) => `may not contain '${c}'`)
}

/** IsDomainPrefixedPath: `k8s.io/ingress-nginx` — a DNS subdomain, `/`, an HTTP path. */
function domainPrefixedPath(field: string, v: string): FieldError[] {
  const slash = v.indexOf('/')
  const host = slash < 0 ? v : v.slice(0, slash)
  const path = slash < 0 ? '' : v.slice(slash + 1)
  if (slash < 0 || !host || !path)
    return [invalid(field, v, 'must be a domain-prefixed path (such as "acme.io/foo")')]
  const errs = isDNS1123Subdomain(host).map((m) => invalid(field, host, m))
  if (!HTTP_PATH.test(path))
    errs.push(invalid(field, path, regexError('Invalid path', HTTP_PATH_FMT)))
  return errs
}

/** validateIngressTypedLocalObjectReference: a resource backend's apiGroup, kind and name. */
export function validateTypedLocalObjectReference(
  ref: TypedLocalObjectReference,
  field: string,
): FieldError[] {
  const errs: FieldError[] = []
  if (ref.apiGroup !== undefined)
    for (const m of isDNS1123Subdomain(ref.apiGroup))
      errs.push(invalid(`${field}.apiGroup`, ref.apiGroup, m))
  for (const key of ['kind', 'name'] as const) {
    const v = ref[key] ?? ''
    if (!v) errs.push(required(`${field}.${key}`))
    else for (const m of pathSegmentErrors(v)) errs.push(invalid(`${field}.${key}`, v, m))
  }
  return errs
}

function validateParameters(p: IngressClass['spec']['parameters'], field: string): FieldError[] {
  if (!p) return []
  const errs = validateTypedLocalObjectReference(p, field)
  if (p.scope === undefined) return [...errs, required(`${field}.scope`)]
  if (!SCOPES.includes(p.scope)) return [...errs, notSupported(`${field}.scope`, p.scope, SCOPES)]
  if (p.scope === 'Namespace') {
    if (p.namespace === undefined)
      errs.push(required(`${field}.namespace`, "`parameters.scope` is set to 'Namespace'"))
    else
      for (const m of isDNS1123Label(p.namespace))
        errs.push(invalid(`${field}.namespace`, p.namespace, m))
  }
  if (p.scope === 'Cluster' && p.namespace !== undefined)
    errs.push(forbidden(`${field}.namespace`, "`parameters.scope` is set to 'Cluster'"))
  return errs
}

/** ValidateIngressClass: cluster-scoped name, a domain-prefixed controller, parameters. */
export function validateIngressClass(ic: IngressClass): FieldError[] {
  const errs = validateObjectMeta(ic.metadata, false, isDNS1123Subdomain)
  const controller = ic.spec?.controller ?? ''
  if (!controller) errs.push(required('spec.controller'))
  else errs.push(...domainPrefixedPath('spec.controller', controller))
  errs.push(...validateParameters(ic.spec?.parameters, 'spec.parameters'))
  return errs
}

/** ValidateIngressClassUpdate: spec.controller is immutable, then the create rules. */
export function validateIngressClassUpdate(ic: IngressClass, old: IngressClass): FieldError[] {
  const errs: FieldError[] = []
  const controller = ic.spec?.controller ?? ''
  if (controller !== (old.spec?.controller ?? ''))
    errs.push(invalid('spec.controller', controller, 'field is immutable'))
  return errs
}
