// ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go): clusterIP and
// clusterIPs in step, families and policy known, IPs parseable. Run alone before allocation too.

import type { Service } from './types'
import { type FieldError, invalid, notSupported, required } from './field-errors'
import { parseIPv4, isIPv6Like } from './names'

const VALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'

/** IsValidIP (ParseIPSloppy): `must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`. */
export function validateIP(ip: string, field: string): FieldError[] {
  if (parseIPv4(ip) || isIPv6Like(ip)) return []
  return [invalid(field, ip, VALID_IP)]
}

/** ValidateServiceClusterIPsRelatedFields: also run alone before allocation (initIPFamilyFields). */
export function validateClusterIPsRelated(svc: Service): FieldError[] {
  const spec = svc.spec
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const ips = spec.clusterIPs ?? []
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'))
    else if (ips[0] !== spec.clusterIP)
      errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'))
  } else if (ips.length > 0)
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'))
  for (const [i, f] of (spec.ipFamilies ?? []).entries())
    if (f !== 'IPv4' && f !== 'IPv6')
      errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']))
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack']
  if (spec.ipFamilyPolicy && !policies.includes(spec.ipFamilyPolicy))
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, policies))
  for (const [i, ip] of ips.entries()) {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1)
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"))
      continue
    }
    errs.push(...validateIP(ip, `spec.clusterIPs[${i}]`))
  }
  return errs
}

/**
 * The family checks of initIPFamilyFields (registry/core/service/storage/alloc.go) on this
 * single-stack IPv4 cluster: dual-stack demands and IPv6 are refused; headless selectorless is exempt.
 */
export function validateIPFamilyFields(svc: Service): FieldError[] {
  const spec = svc.spec
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const policy = spec.ipFamilyPolicy
  if (policy === 'SingleStack' && (spec.clusterIPs ?? []).length === 2)
    errs.push(
      invalid(
        'spec.ipFamilyPolicy',
        policy,
        "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
      ),
    )
  if (policy === 'SingleStack' && (spec.ipFamilies ?? []).length === 2)
    errs.push(
      invalid(
        'spec.ipFamilyPolicy',
        policy,
        "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
      ),
    )
  if (errs.length || (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0))
    return errs
  if (policy === 'RequireDualStack')
    errs.push(
      invalid(
        'spec.ipFamilyPolicy',
        policy,
        'this cluster is not configured for dual-stack services',
      ),
    )
  for (const [i, f] of (spec.ipFamilies ?? []).entries())
    if (f !== 'IPv4')
      errs.push(invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'))
  return errs
}
