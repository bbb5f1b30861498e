// `kubectl get services|endpoints|endpointslices` columns (k8s printers.go printService,
// printEndpoints, printEndpointSlice, 1.32).

import type { EndpointSlice, Endpoints, KubeObject, Service } from '../../objects/types'
import { ageSince } from './duration'
import { formatLabels } from './labels'
import { columns, type TableDef } from './table-def'

const LOAD_BALANCER_WIDTH = 16

/** EXTERNAL-IP of a Service (printers.go getServiceExternalIP); clipped to 16 chars unless wide. */
export function serviceExternalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {}
  const external = spec.externalIPs ?? []
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>'
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc, wide)
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',')
      return lb || '<pending>'
    }
    case 'ExternalName':
      return spec.externalName ?? ''
  }
  return '<unknown>'
}

function loadBalancerIngress(svc: Service, wide: boolean): string {
  const set = new Set<string>()
  for (const i of svc.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip)
    else if (i.hostname) set.add(i.hostname)
  }
  const r = [...set].sort().join(',')
  return !wide && r.length > LOAD_BALANCER_WIDTH ? r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...' : r
}

/** PORT(S): `80/TCP`, `80:30080/TCP`, comma-joined (printers.go makePortString). */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) =>
      p.nodePort && p.nodePort > 0
        ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}`
        : `${p.port}/${p.protocol ?? ''}`,
    )
    .join(',')
}

export const SERVICE_TABLE: TableDef = {
  columns: columns(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age'], ['Selector']),
  row: (obj: KubeObject, now: number) => {
    const svc = obj as Service
    return [
      svc.metadata.name,
      svc.spec?.type ?? '',
      svc.spec?.clusterIP || '<none>',
      // generated wide on the server, so never clipped in `kubectl get`
      serviceExternalIP(svc, true),
      servicePorts(svc) || '<none>',
      ageSince(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ]
  },
}

/** ENDPOINTS of an Endpoints object: ready addresses only, 3 then ` + N more...` (formatEndpoints). */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  let count = 0
  let more = false
  for (const ss of subsets) {
    const addrs = ss.addresses ?? []
    const ports = ss.ports ?? []
    const pairs = ports.length === 0 ? [undefined] : ports
    for (const port of pairs) {
      count += addrs.length
      for (const a of addrs) {
        if (list.length === 3) {
          more = true
          break
        }
        list.push(port === undefined ? a.ip : joinHostPort(a.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - 3} more...` : ret
}

function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`
}

export const ENDPOINTS_TABLE: TableDef = {
  columns: columns(['Name', 'Endpoints', 'Age']),
  row: (obj, now) => [
    obj.metadata.name,
    formatEndpoints(obj as Endpoints),
    ageSince(obj.metadata.creationTimestamp, now),
  ],
}

function listWithMore(list: string[], more: boolean, count: number): string {
  const ret = list.join(',')
  if (more) return `${ret} + ${count - 3} more...`
  return ret === '' ? '<unset>' : ret
}

/** PORTS of an EndpointSlice (formatDiscoveryPorts): port number, else name, else `*`. */
export function formatSlicePorts(slice: EndpointSlice): string {
  const list: string[] = []
  let count = 0
  for (const p of slice.ports ?? []) {
    if (list.length < 3) list.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'))
    count++
  }
  return listWithMore(list, count > 3, count)
}

/** ENDPOINTS of an EndpointSlice: every address regardless of readiness (formatDiscoveryEndpoints). */
export function formatSliceEndpoints(slice: EndpointSlice): string {
  const list: string[] = []
  let count = 0
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a)
      count++
    }
  }
  return listWithMore(list, count > 3, count)
}

export const ENDPOINTSLICE_TABLE: TableDef = {
  columns: columns(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']),
  row: (obj, now) => {
    const s = obj as EndpointSlice
    return [
      s.metadata.name,
      s.addressType,
      formatSlicePorts(s),
      formatSliceEndpoints(s),
      ageSince(s.metadata.creationTimestamp, now),
    ]
  },
}
