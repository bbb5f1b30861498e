// Service defaults: SetDefaults_Service (pkg/apis/core/v1/defaults.go) and the registry's
// initIPFamilyFields for a single-stack IPv4 cluster (pkg/registry/core/service/storage).

import { isPlainObject } from './strict-decode'

type Obj = Record<string, unknown>

/** Type, protocol, targetPort, sessionAffinity, traffic policies, LB node ports (V12). */
export function defaultService(spec: Obj) {
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = isPlainObject(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : {}
    const clientIP = isPlainObject(cfg.clientIP) ? cfg.clientIP : {}
    if (clientIP.timeoutSeconds === undefined || clientIP.timeoutSeconds === null)
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } }
  }
  if (!spec.type) spec.type = 'ClusterIP'
  for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
    if (!isPlainObject(p)) continue
    if (!p.protocol) p.protocol = 'TCP'
    if (
      p.targetPort === undefined ||
      p.targetPort === null ||
      p.targetPort === 0 ||
      p.targetPort === ''
    )
      p.targetPort = p.port
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy)
    spec.externalTrafficPolicy = 'Cluster'
  if (
    ['ClusterIP', 'NodePort', 'LoadBalancer'].includes(String(spec.type)) &&
    !spec.internalTrafficPolicy
  )
    spec.internalTrafficPolicy = 'Cluster'
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined)
    spec.allocateLoadBalancerNodePorts = true
}

/** pkg/api/service ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
export function externallyAccessible(spec: Obj): boolean {
  return (
    spec.type === 'NodePort' ||
    spec.type === 'LoadBalancer' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
  )
}

/**
 * initIPFamilyFields on a single-stack IPv4 cluster: SingleStack/[IPv4], except headless Services
 * without a selector which default to RequireDualStack with both families (allowed even on a
 * single-stack cluster). ExternalName gets none of it.
 */
export function defaultIPFamilies(spec: Obj) {
  if (
    typeof spec.clusterIP === 'string' &&
    spec.clusterIP !== '' &&
    !Array.isArray(spec.clusterIPs)
  )
    spec.clusterIPs = [spec.clusterIP]
  if (spec.type === 'ExternalName') return
  const headless =
    spec.clusterIP === 'None' || (Array.isArray(spec.clusterIPs) && spec.clusterIPs[0] === 'None')
  if (headless) {
    spec.clusterIP = 'None'
    spec.clusterIPs = ['None']
  }
  const selectorless = !isPlainObject(spec.selector) || Object.keys(spec.selector).length === 0
  if (!spec.ipFamilyPolicy)
    spec.ipFamilyPolicy = headless && selectorless ? 'RequireDualStack' : 'SingleStack'
  if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4']
  const families = spec.ipFamilies as unknown[]
  if (headless && selectorless && spec.ipFamilyPolicy !== 'SingleStack' && families.length === 1)
    families.push(families[0] === 'IPv6' ? 'IPv4' : 'IPv6')
}
