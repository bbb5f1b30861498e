// The endpoints kube-proxy programs for one Service port, read from EndpointSlices as
// pkg/proxy/endpointslicecache.go does: ports matched BY NAME, ready endpoints first,
// serving+terminating ones only when nothing is ready. Falls back to the Endpoints object of
// the same name when no slice exists (what the mirroring controller would have produced).

import type { EndpointAddress, EndpointSubset, Service, ServicePort } from '../objects/types'
import { nsName, type NetView } from './view'

export interface Endpoint {
  ip: string
  port: number
  nodeName?: string
  /** the pod behind it, when the slice names one */
  target?: { namespace?: string; name: string }
  ready: boolean
  serving: boolean
  terminating: boolean
}

export interface ServicePortEndpoints {
  /** what kube-proxy load-balances over, sorted by `ip:port` as the iptables chain is */
  usable: Endpoint[]
  /** every endpoint listed for this port, whatever its condition */
  all: Endpoint[]
  /** where they were read from */
  source: 'slices' | 'endpoints' | 'none'
  /** port names present in the slices/Endpoints but not matching the Service port's name */
  otherPortNames: string[]
}

/** Endpoints of `sp` (a port of `svc`) as kube-proxy sees them; leaves out topology hints. */
export function endpointsFor(v: NetView, svc: Service, sp: ServicePort): ServicePortEndpoints {
  const key = nsName(svc.metadata.namespace, svc.metadata.name)
  const wantName = sp.name ?? ''
  const wantProto = sp.protocol ?? 'TCP'
  const all: Endpoint[] = []
  const others = new Set<string>()
  const slices = v.slicesByService.get(key)
  let source: ServicePortEndpoints['source'] = 'none'
  if (slices && slices.length > 0) {
    source = 'slices'
    for (const slice of slices) {
      if (slice.addressType !== 'IPv4') continue
      const port = (slice.ports ?? []).find(
        (p) => (p.name ?? '') === wantName && (p.protocol ?? 'TCP') === wantProto,
      )
      for (const p of slice.ports ?? []) if ((p.name ?? '') !== wantName) others.add(p.name ?? '')
      if (!port || port.port === undefined) continue
      for (const ep of slice.endpoints ?? []) {
        const ready = ep.conditions?.ready !== false
        const serving = ep.conditions?.serving ?? ready
        const terminating = ep.conditions?.terminating === true
        for (const ip of ep.addresses ?? []) {
          all.push({
            ip,
            port: port.port,
            nodeName: ep.nodeName,
            target: ep.targetRef,
            ready,
            serving,
            terminating,
          })
        }
      }
    }
  } else {
    const eps = v.endpoints.get(key)
    if (eps) {
      source = 'endpoints'
      readEndpointsObject(eps.subsets ?? [], wantName, wantProto, all, others)
    }
  }
  return { usable: usableOf(all), all, source, otherPortNames: [...others] }
}

function readEndpointsObject(
  subsets: EndpointSubset[],
  wantName: string,
  wantProto: string,
  all: Endpoint[],
  others: Set<string>,
): void {
  for (const subset of subsets) {
    const port = (subset.ports ?? []).find(
      (p) => (p.name ?? '') === wantName && (p.protocol ?? 'TCP') === wantProto,
    )
    for (const p of subset.ports ?? []) if ((p.name ?? '') !== wantName) others.add(p.name ?? '')
    if (!port) continue
    for (const a of subset.addresses ?? []) all.push(fromAddress(a, port.port, true))
    for (const a of subset.notReadyAddresses ?? []) all.push(fromAddress(a, port.port, false))
  }
}

function fromAddress(a: EndpointAddress, port: number, ready: boolean): Endpoint {
  return {
    ip: a.ip,
    port,
    nodeName: a.nodeName,
    target: a.targetRef,
    ready,
    serving: ready,
    terminating: false,
  }
}

function usableOf(all: Endpoint[]): Endpoint[] {
  let pick = all.filter((e) => e.ready)
  if (pick.length === 0) pick = all.filter((e) => e.serving && e.terminating)
  const seen = new Set<string>()
  const out: Endpoint[] = []
  for (const e of pick) {
    const k = `${e.ip}:${e.port}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push(e)
  }
  return out.sort((a, b) => {
    const ka = `${a.ip}:${a.port}`
    const kb = `${b.ip}:${b.port}`
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}

/** Ready endpoint IPs of a headless Service, as CoreDNS answers them (any port, ready only). */
export function headlessAddresses(v: NetView, svc: Service): string[] {
  const ips = new Set<string>()
  const slices = v.slicesByService.get(nsName(svc.metadata.namespace, svc.metadata.name))
  if (slices && slices.length > 0) {
    for (const slice of slices) {
      if (slice.addressType !== 'IPv4') continue
      for (const ep of slice.endpoints ?? []) {
        if (ep.conditions?.ready === false) continue
        for (const ip of ep.addresses ?? []) ips.add(ip)
      }
    }
  } else {
    const eps = v.endpoints.get(nsName(svc.metadata.namespace, svc.metadata.name))
    for (const subset of eps?.subsets ?? []) for (const a of subset.addresses ?? []) ips.add(a.ip)
  }
  return [...ips]
}
