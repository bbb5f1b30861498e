// `kubectl describe service|endpoints` (describe.go describeService, formatEndpointSlices,
// describeEndpoints). Service endpoints come from its EndpointSlices, ready addresses only.

import type { EndpointSlice, Endpoints, KubeEvent, Service } from '../../objects/types'
import { formatLabels } from '../printers/labels'
import { writeEvents } from './events'
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, writeAnnotations, writeLabels } from './writer'

export function describeService(
  svc: Service,
  slices: EndpointSlice[],
  events: KubeEvent[],
  now: number,
): string {
  const w = new DescribeWriter()
  const spec = svc.spec ?? {}
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', svc.metadata.labels)
  writeAnnotations(w, 'Annotations', svc.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`)
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`)
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`)
  if ((spec.externalIPs ?? []).length > 0)
    w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`)
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`)
  const ingress = svc.status?.loadBalancer?.ingress ?? []
  if (ingress.length > 0) {
    const list = ingress
      .map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
      .join(', ')
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`)
  }
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>'
    const proto = p.protocol ?? ''
    w.write(LEVEL_0, `Port:\t${name}\t${p.port}/${proto}\n`)
    w.write(LEVEL_0, `TargetPort:\t${p.targetPort ?? p.port}/${proto}\n`)
    if (p.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`)
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`)
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy)
    w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy)
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort)
    w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  const ranges = (spec as { loadBalancerSourceRanges?: string[] }).loadBalancerSourceRanges ?? []
  if (ranges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`)
  writeEvents(w, events, now)
  return w.toString()
}

/** formatEndpointSlices for one service port: ready `ip:port`s, 3 then ` + N more...`; `<none>` without slices. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const list: string[] = []
  let count = 0
  let more = false
  // like kubectl, `more` is set on reaching a 4th endpoint even when that one is not ready
  const visit = (ready: boolean, text: string) => {
    if (list.length === 3) more = true
    if (!ready) return
    if (!more) list.push(text)
    count++
  }
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? []
    const ports = slice.ports ?? []
    if (ports.length === 0) {
      for (const e of endpoints) visit(e.conditions?.ready !== false, e.addresses[0] ?? '')
      continue
    }
    for (const p of ports) {
      if ((p.name ?? '') !== portName) continue
      for (const e of endpoints) {
        const ip = e.addresses[0] ?? ''
        visit(
          e.conditions?.ready !== false,
          ip.includes(':') ? `[${ip}]:${p.port ?? 0}` : `${ip}:${p.port ?? 0}`,
        )
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - 3} more...` : ret
}

export function describeEndpoints(ep: Endpoints, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', ep.metadata.labels)
  writeAnnotations(w, 'Annotations', ep.metadata.annotations)
  w.write(LEVEL_0, 'Subsets:\n')
  for (const ss of ep.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
    w.write(
      LEVEL_1,
      `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
    )
    if ((ss.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n')
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_2, '----\t----\t--------\n')
      for (const p of ss.ports ?? [])
        w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
    }
    w.write(LEVEL_0, '\n')
  }
  writeEvents(w, events, now)
  return w.toString()
}
