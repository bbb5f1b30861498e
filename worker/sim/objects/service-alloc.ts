// ClusterIP and NodePort allocation, done in BeginCreate/BeginUpdate before validation
// (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator). Allocations are derived
// from the Services in the state, so there is nothing to release: deleting a Service frees its IP.

import type { ClusterState } from '../state'
import { listObjects, randomInt } from '../state'
import type { ApiError, Service, ServicePort } from './types'
import { type FieldError, invalid } from './field-errors'
import { parseIPv4 } from './names'

export const SERVICE_CIDR = '10.96.0.0/12'
export const NODE_PORT_MIN = 30000
export const NODE_PORT_MAX = 32767
const CIDR_BASE = (10 << 24) | (96 << 16)
const CIDR_SIZE = 1 << 20
/** ipallocator keeps the lowest 256 addresses for static picks and draws random ones above them */
const IP_STATIC_BAND = 256
/** portallocator: min(max(16, size/32), 128) ports at the bottom are left for static picks */
const PORT_STATIC_BAND = 86

/** shouldAllocateNodePorts: NodePort, and LoadBalancer unless allocateLoadBalancerNodePorts is false. */
export const needsNodePorts = (svc: Service) =>
  svc.spec.type === 'NodePort' ||
  (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false)

function ipToInt(ip: number[]): number {
  return ((ip[0] ?? 0) << 24) | ((ip[1] ?? 0) << 16) | ((ip[2] ?? 0) << 8) | (ip[3] ?? 0)
}

function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

function takenIPs(s: ClusterState, except?: Service): Set<string> {
  const out = new Set<string>()
  for (const svc of listObjects<Service>(s, 'Service'))
    if (svc !== except)
      for (const ip of svc.spec.clusterIPs ?? [svc.spec.clusterIP ?? '']) out.add(ip)
  return out
}

/** The node-port allocator's bitmap, rebuilt from the Services in the state. */
export function takenNodePorts(s: ClusterState, except?: Service): Set<number> {
  const out = new Set<number>()
  for (const svc of listObjects<Service>(s, 'Service')) {
    if (svc === except) continue
    for (const p of svc.spec.ports ?? []) if (p.nodePort) out.add(p.nodePort)
    if (svc.spec.healthCheckNodePort) out.add(svc.spec.healthCheckNodePort)
  }
  return out
}

/** ipallocator Allocate/AllocateNext: a requested ClusterIP must be in range and free. */
export function allocateClusterIP(
  s: ClusterState,
  svc: Service,
  except?: Service,
): FieldError | undefined {
  const spec = svc.spec
  if (spec.type === 'ExternalName') return undefined
  const want = spec.clusterIPs?.[0] ?? spec.clusterIP ?? ''
  if (want === 'None') return undefined
  const taken = takenIPs(s, except)
  if (want === '') {
    const ip = randomFreeIP(s, taken)
    spec.clusterIP = ip
    spec.clusterIPs = [ip]
    return undefined
  }
  const parsed = parseIPv4(want)
  if (!parsed) return undefined // left to validation: not an IP at all
  const n = ipToInt(parsed) >>> 0
  const inRange = n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1
  const ips = spec.clusterIPs ?? [want]
  if (!inRange)
    return invalid(
      'spec.clusterIPs',
      ips,
      `failed to allocate IP ${want}: the provided IP (${want}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
    )
  if (taken.has(want))
    return invalid(
      'spec.clusterIPs',
      ips,
      `failed to allocate IP ${want}: provided IP is already allocated`,
    )
  return undefined
}

function randomFreeIP(s: ClusterState, taken: Set<string>): string {
  for (;;) {
    const offset = IP_STATIC_BAND + randomInt(s, CIDR_SIZE - IP_STATIC_BAND - 1)
    const ip = intToIp(CIDR_BASE + offset)
    if (!taken.has(ip)) return ip
  }
}

/** initNodePorts: requested ports checked (V2/V3), the rest drawn at random; equal `port`s share one. */
export function allocateNodePorts(
  s: ClusterState,
  svc: Service,
  except?: Service,
): FieldError | undefined {
  if (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer') return undefined
  const allocate = needsNodePorts(svc)
  const taken = takenNodePorts(s, except)
  const byPort = new Map<number, number>()
  const ports: ServicePort[] = svc.spec.ports ?? []
  for (const [i, p] of ports.entries()) {
    if (!p.nodePort && !allocate) continue
    const shared = byPort.get(p.port)
    if (shared !== undefined && (!p.nodePort || p.nodePort === shared)) {
      p.nodePort = shared
      continue
    }
    const requested = p.nodePort || (shared === undefined ? requestedFor(ports, p.port) : 0)
    if (requested) {
      const err = checkNodePort(requested, taken)
      if (err) return invalid(`spec.ports[${i}].nodePort`, requested, err)
      p.nodePort = requested
    } else p.nodePort = randomFreePort(s, taken)
    taken.add(p.nodePort)
    if (shared === undefined) byPort.set(p.port, p.nodePort)
  }
  return undefined
}

function requestedFor(ports: ServicePort[], port: number): number {
  return ports.find((p) => p.port === port && p.nodePort)?.nodePort ?? 0
}

/** portallocator Allocate: ErrNotInRange / ErrAllocated texts (V2, V3). */
export function checkNodePort(port: number, taken: Set<number>): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX)
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`
  if (taken.has(port)) return 'provided port is already allocated'
  return undefined
}

/** portallocator AllocateNext: random from the dynamic band, then any free port. */
export function randomFreePort(s: ClusterState, taken: Set<number>): number {
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1
  for (let tries = 0; tries < 64; tries++) {
    const p = NODE_PORT_MIN + PORT_STATIC_BAND + randomInt(s, size - PORT_STATIC_BAND)
    if (!taken.has(p)) return p
  }
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (!taken.has(p)) return p
  return 0
}

/**
 * LoadBalancer + externalTrafficPolicy Local gets a healthCheckNodePort too; a refused request is an
 * InternalError upstream (alloc.go allocHealthCheckNodePort), not a field error.
 */
export function allocateHealthCheckNodePort(
  s: ClusterState,
  svc: Service,
  except?: Service,
): ApiError | undefined {
  const spec = svc.spec
  if (spec.type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') return undefined
  const taken = takenNodePorts(s, except)
  for (const p of spec.ports ?? []) if (p.nodePort) taken.add(p.nodePort)
  if (
    except?.spec.healthCheckNodePort &&
    except.spec.healthCheckNodePort === spec.healthCheckNodePort
  )
    return undefined
  if (spec.healthCheckNodePort) {
    const err = checkNodePort(spec.healthCheckNodePort, taken)
    return err
      ? {
          reason: 'InternalError',
          message: `Internal error occurred: failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${err}`,
        }
      : undefined
  }
  spec.healthCheckNodePort = randomFreePort(s, taken)
  return undefined
}
