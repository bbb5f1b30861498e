// ValidateEndpoints (pkg/apis/core/validation/validation.go validateEndpointSubsets,
// validateEndpointAddress, ValidateNonSpecialIP, validateEndpointPort) — V13.

import type { EndpointAddress, EndpointPort, Endpoints } from './types'
import { type FieldError, invalid, required } from './field-errors'
import { isDNS1123Label, isDNS1123Subdomain, parseIPv4, isIPv6Like } from './names'
import { validateObjectMeta } from './validate-meta'
import { validatePortNum, validateProtocol } from './validate-ports'

/** ValidateEndpoints: name, subsets (addresses required, IPs non-special), ports (V13). */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, isDNS1123Subdomain)
  for (const [i, ss] of (ep.subsets ?? []).entries()) {
    const p = `subsets[${i}]`
    if (!(ss.addresses ?? []).length && !(ss.notReadyAddresses ?? []).length)
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'))
    for (const [j, a] of (ss.addresses ?? []).entries())
      errs.push(...validateAddress(a, `${p}.addresses[${j}]`))
    for (const [j, a] of (ss.notReadyAddresses ?? []).entries())
      errs.push(...validateAddress(a, `${p}.notReadyAddresses[${j}]`))
    const ports = ss.ports ?? []
    for (const [j, port] of ports.entries())
      errs.push(...validatePort(port, ports.length > 1, `${p}.ports[${j}]`))
  }
  return errs
}

function validateAddress(a: EndpointAddress, p: string): FieldError[] {
  const errs: FieldError[] = []
  const ip = a.ip ?? ''
  const v4 = parseIPv4(ip)
  const valid = v4 !== undefined || isIPv6Like(ip)
  if (!valid)
    errs.push(
      invalid(`${p}.ip`, ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'),
    )
  if (a.hostname)
    for (const m of isDNS1123Label(a.hostname)) errs.push(invalid(`${p}.hostname`, a.hostname, m))
  if (a.nodeName)
    for (const m of isDNS1123Subdomain(a.nodeName))
      errs.push(invalid(`${p}.nodeName`, a.nodeName, m))
  if (!valid) return [...errs, invalid(`${p}.ip`, ip, 'must be a valid IP address')]
  errs.push(...nonSpecialIP(ip, `${p}.ip`))
  return errs
}

/** ValidateNonSpecialIP: no unspecified, loopback or link-local addresses (Endpoints, externalIPs). */
export function nonSpecialIP(ip: string, field: string): FieldError[] {
  const v4 = parseIPv4(ip)
  if (!v4) return isIPv6Like(ip) ? [] : [invalid(field, ip, 'must be a valid IP address')]
  const [a, b, c] = v4
  if (v4.every((x) => x === 0)) return [invalid(field, ip, `may not be unspecified (${ip})`)]
  if (a === 127)
    return [invalid(field, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)')]
  if (a === 169 && b === 254)
    return [invalid(field, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)')]
  if (a === 224 && b === 0 && c === 0)
    return [
      invalid(field, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'),
    ]
  return []
}

function validatePort(port: EndpointPort, requireName: boolean, p: string): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !port.name) errs.push(required(`${p}.name`))
  else if (port.name)
    for (const m of isDNS1123Label(port.name)) errs.push(invalid(`${p}.name`, port.name, m))
  errs.push(...validatePortNum(port.port, `${p}.port`))
  errs.push(...validateProtocol(port.protocol, `${p}.protocol`))
  return errs
}
