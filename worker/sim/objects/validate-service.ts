// ValidateService (pkg/apis/core/validation/validation.go) in upstream order, for a single-stack
// IPv4 cluster. Load-balancer source ranges and topology annotations are left out.

import type { Service, ServicePort } from './types'
import {
  type FieldError,
  forbidden,
  invalid,
  notSupported,
  duplicate,
  required,
  goQuote,
} from './field-errors'
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names'
import { validateClusterIPsRelated, validateIP } from './validate-cluster-ips'
import { validateLabels, validateObjectMeta } from './validate-meta'
import { validatePortNum, validatePortNumOrName, validateProtocol } from './validate-ports'
import { externallyAccessible } from './defaults-service'
import { nonSpecialIP } from './validate-endpoints'

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']

const isHeadless = (svc: Service) => svc.spec.clusterIP === 'None'

/** ValidateService in upstream order; cluster-IP fields via ValidateServiceClusterIPsRelatedFields. */
export function validateService(svc: Service): FieldError[] {
  const spec = svc.spec
  const errs = validateObjectMeta(svc.metadata, true, isDNS1035Label)
  const ports = spec.ports ?? []
  if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName')
    errs.push(required('spec.ports'))
  errs.push(...typeSpecific(svc))
  const names = new Set<string>()
  ports.forEach((p, i) =>
    errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)),
  )
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'))
  errs.push(...validateAffinity(svc))
  errs.push(...validateClusterIPsRelated(svc))
  for (const [i, ip] of (spec.externalIPs ?? []).entries()) {
    const bad = validateIP(ip, `spec.externalIPs[${i}]`)
    errs.push(...(bad.length ? bad : nonSpecialIP(ip, `spec.externalIPs[${i}]`)))
  }
  if (!spec.type) errs.push(required('spec.type'))
  else if (!TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, TYPES))
  if (spec.type === 'ClusterIP')
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(
          forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"),
        )
    })
  errs.push(...duplicatePorts(ports))
  const ranges = (spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges ?? []
  if (ranges.length > 0 && spec.type !== 'LoadBalancer')
    // upstream spells this path with a capital L
    errs.push(
      forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"),
    )
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer')
    errs.push(
      forbidden(
        'spec.allocateLoadBalancerNodePorts',
        "may only be used when `type` is 'LoadBalancer'",
      ),
    )
  errs.push(...validateTrafficPolicies(svc))
  return errs
}

function typeSpecific(svc: Service): FieldError[] {
  const spec = svc.spec
  const errs: FieldError[] = []
  if (spec.type === 'LoadBalancer')
    (spec.ports ?? []).forEach((p, i) => {
      if (p.port === 10250)
        errs.push(
          invalid(
            `spec.ports[${i}]`,
            p.port,
            'may not expose port 10250 externally since it is used by kubelet',
          ),
        )
    })
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && isHeadless(svc))
    errs.push(
      invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`),
    )
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length > 0)
      errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
    if ((spec.ipFamilies ?? []).length > 0)
      errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
    if (spec.ipFamilyPolicy)
      errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
    const cname = (spec.externalName ?? '').replace(/\.$/, '')
    if (cname)
      for (const m of isDNS1123Subdomain(cname)) errs.push(invalid('spec.externalName', cname, m))
    else errs.push(required('spec.externalName'))
  }
  return errs
}

function validateServicePort(
  p: ServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !p.name) errs.push(required(`${path}.name`))
  else if (p.name) {
    for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${path}.name`, p.name, m))
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name))
    else names.add(p.name)
  }
  errs.push(...validatePortNum(p.port, `${path}.port`))
  errs.push(...validateProtocol(p.protocol, `${path}.protocol`))
  errs.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`))
  if (p.appProtocol !== undefined)
    for (const m of isQualifiedName(p.appProtocol))
      errs.push(invalid(`${path}.appProtocol`, p.appProtocol, m))
  return errs
}

function validateAffinity(svc: Service): FieldError[] {
  const { sessionAffinity, sessionAffinityConfig } = svc.spec
  if (!sessionAffinity) return [required('spec.sessionAffinity')]
  if (sessionAffinity !== 'ClientIP' && sessionAffinity !== 'None')
    return [notSupported('spec.sessionAffinity', sessionAffinity, ['ClientIP', 'None'])]
  if (sessionAffinity === 'None')
    return sessionAffinityConfig
      ? [forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None')]
      : []
  const when = 'when session affinity type is ClientIP'
  if (!sessionAffinityConfig) return [required('spec.sessionAffinityConfig', when)]
  if (!sessionAffinityConfig.clientIP)
    return [required('spec.sessionAffinityConfig.clientIP', when)]
  const t = sessionAffinityConfig.clientIP.timeoutSeconds
  if (t === undefined) return [required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', when)]
  if (t <= 0 || t > 86400)
    return [
      invalid(
        'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        t,
        'must be greater than 0 and less than 86400',
      ),
    ]
  return []
}

/** Duplicate nodePorts per protocol, duplicate (protocol, port) pairs, printed as Go structs. */
function duplicatePorts(ports: ServicePort[]): FieldError[] {
  const errs: FieldError[] = []
  const nodePorts = new Set<string>()
  ports.forEach((p, i) => {
    if (!p.nodePort) return
    const key = `${p.protocol}/${p.nodePort}`
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort))
    nodePorts.add(key)
  })
  const seen = new Set<string>()
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`
    if (seen.has(key))
      errs.push({
        type: 'Duplicate',
        field: `spec.ports[${i}]`,
        value: `core.ServicePort{Name:"", Protocol:${goQuote(p.protocol ?? '')}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
      })
    seen.add(key)
  })
  return errs
}

function validateTrafficPolicies(svc: Service): FieldError[] {
  const spec = svc.spec
  const errs: FieldError[] = []
  const external = externallyAccessible(spec as Record<string, unknown>)
  if (!external && spec.externalTrafficPolicy)
    errs.push(
      invalid(
        'spec.externalTrafficPolicy',
        spec.externalTrafficPolicy,
        'may only be set for externally-accessible services',
      ),
    )
  else if (external && !spec.externalTrafficPolicy)
    errs.push(required('spec.externalTrafficPolicy'))
  else if (external && !['Cluster', 'Local'].includes(spec.externalTrafficPolicy ?? ''))
    errs.push(
      notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']),
    )
  const needsHC = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local'
  if (needsHC && !spec.healthCheckNodePort) errs.push(required('spec.healthCheckNodePort'))
  if (!needsHC && spec.healthCheckNodePort)
    errs.push(
      invalid(
        'spec.healthCheckNodePort',
        spec.healthCheckNodePort,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    )
  if (
    !spec.internalTrafficPolicy &&
    ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type ?? '')
  )
    errs.push(required('spec.internalTrafficPolicy'))
  else if (spec.internalTrafficPolicy && !['Cluster', 'Local'].includes(spec.internalTrafficPolicy))
    errs.push(
      notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']),
    )
  return errs
}
