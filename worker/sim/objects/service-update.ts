// Service updates (pkg/registry/core/service/storage/storage.go patchAllocatedValues,
// normalizeClusterIPs; strategy.go dropTypeDependentFields; alloc.go txnUpdate*; validation.go
// validateUpgradeDowngradeClusterIPs): type changes just work, a changed ClusterIP does not (V8, V10).

import type { ClusterState } from '../state'
import type { ApiError, Service, ServiceSpec } from './types'
import { invalidError } from './api-errors'
import { validateClusterIPsRelated, validateIPFamilyFields } from './validate-cluster-ips'
import { type FieldError, invalid } from './field-errors'
import {
  allocateClusterIP,
  allocateHealthCheckNodePort,
  allocateNodePorts,
  needsNodePorts,
} from './service-alloc'

const needsClusterIP = (svc: Service) => svc.spec.type !== 'ExternalName'
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Fills what the user left out from the live object, then clears what the new type does not use. */
function prepareServiceUpdate(old: Service, svc: Service) {
  patchAllocatedValues(old, svc)
  normalizeClusterIPs(old, svc)
  dropTypeDependentFields(old, svc)
  if (svc.spec.type !== 'LoadBalancer') svc.status = { loadBalancer: {} }
}

function patchAllocatedValues(old: Service, svc: Service) {
  const o = old.spec
  const n = svc.spec
  if (needsClusterIP(old) && needsClusterIP(svc)) {
    if (!n.clusterIP) n.clusterIP = o.clusterIP
    if (!n.clusterIPs?.length && o.clusterIPs?.length) n.clusterIPs = [...o.clusterIPs]
  }
  if (needsNodePorts(old) && needsNodePorts(svc)) {
    const newUsed = new Set((n.ports ?? []).map((p) => p.nodePort).filter(Boolean))
    const used = new Set(
      (o.ports ?? []).map((p) => p.nodePort).filter((np) => np && newUsed.has(np)),
    )
    const byName = new Map((o.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]))
    for (const p of n.ports ?? []) {
      if (p.nodePort) continue
      const oldVal = byName.get(p.name ?? '') ?? 0
      if (oldVal && !used.has(oldVal)) p.nodePort = oldVal
    }
  }
  const hc = (x: Service) =>
    x.spec.type === 'LoadBalancer' && x.spec.externalTrafficPolicy === 'Local'
  if (hc(old) && hc(svc) && !n.healthCheckNodePort) n.healthCheckNodePort = o.healthCheckNodePort
}

function normalizeClusterIPs(old: Service, svc: Service) {
  const n = svc.spec
  if (n.clusterIP === old.spec.clusterIP || !same(n.clusterIPs, old.spec.clusterIPs)) return
  if (!n.clusterIP) delete n.clusterIPs
  else n.clusterIPs = [n.clusterIP, ...(n.clusterIPs ?? []).slice(1)]
}

function dropTypeDependentFields(old: Service, svc: Service) {
  if (old.spec.type === svc.spec.type) return
  const o = old.spec
  const n: ServiceSpec = svc.spec
  if (!needsClusterIP(svc)) {
    if (same(n.clusterIPs, o.clusterIPs) && n.clusterIP === o.clusterIP) {
      delete n.clusterIP
      delete n.clusterIPs
    }
    if (same(n.ipFamilies, o.ipFamilies)) delete n.ipFamilies
    if (n.ipFamilyPolicy === o.ipFamilyPolicy) delete n.ipFamilyPolicy
    if (n.internalTrafficPolicy === o.internalTrafficPolicy) delete n.internalTrafficPolicy
  }
  if (
    !needsNodePorts(svc) &&
    same(
      (n.ports ?? []).map((p) => p.nodePort),
      (o.ports ?? []).map((p) => p.nodePort),
    )
  )
    for (const p of n.ports ?? []) delete p.nodePort
  const external = n.type === 'NodePort' || n.type === 'LoadBalancer'
  if (!external && n.externalTrafficPolicy === o.externalTrafficPolicy)
    delete n.externalTrafficPolicy
  if (n.type !== 'LoadBalancer') {
    if (n.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts)
      delete n.allocateLoadBalancerNodePorts
    if (n.healthCheckNodePort === o.healthCheckNodePort) delete n.healthCheckNodePort
  }
}

/**
 * BeginUpdate (storage.go beginUpdate + alloc.go allocateUpdate): fill in and clear type-dependent
 * fields, pre-validate the IP fields, then allocate what the new type needs.
 */
export function beginServiceUpdate(
  s: ClusterState,
  old: Service,
  svc: Service,
): ApiError | undefined {
  prepareServiceUpdate(old, svc)
  const name = svc.metadata.name
  const pre = validateClusterIPsRelated(svc)
  if (pre.length) return invalidError('Service', name, pre)
  const families = validateIPFamilyFields(svc)
  if (families.length) return invalidError('Service', name, families)
  if (needsClusterIP(svc) && (!needsClusterIP(old) || !svc.spec.clusterIP)) {
    const err = allocateClusterIP(s, svc, old)
    if (err) return invalidError('Service', name, [err])
  }
  const err = allocateNodePorts(s, svc, old)
  if (err) return invalidError('Service', name, [err])
  return allocateHealthCheckNodePort(s, svc, old)
}

/** validateUpgradeDowngradeClusterIPs: the primary ClusterIP may not change once set (V8). */
export function validateClusterIPUpdate(old: Service, svc: Service): FieldError[] {
  const o = old.spec.clusterIPs ?? []
  const n = svc.spec.clusterIPs ?? []
  if (same(o, n) || old.spec.type === 'ExternalName' || svc.spec.type === 'ExternalName') return []
  if (o[0] === 'None' && n[0] === 'None') return []
  const errs: FieldError[] = []
  o.forEach((ip, i) => {
    if (i < n.length && ip !== n[i])
      errs.push(invalid(`spec.clusterIPs[${i}]`, n, 'may not change once set'))
  })
  return errs
}
