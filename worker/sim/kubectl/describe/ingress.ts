// `kubectl describe ingress|ingressclass` (kubectl v0.32 describe.go describeIngressV1,
// describeBackendV1, describeIngressClassV1; INGRESS-FACTS I13, I14).

import type { EndpointSlice, KubeEvent, Service } from '../../objects/types'
import type {
  Ingress,
  IngressBackend,
  IngressClass,
  IngressServiceBackend,
} from '../../objects/ingress-types'
import { getObject, listObjects, type ClusterState } from '../../state'
import { ingressAddress } from '../printers/ingress-row'
import { writeEvents } from './events'
import { formatEndpointSlices } from './service'
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, writeAnnotations, writeLabels } from './writer'

/** serviceBackendStringer: `web:80` or `web:http`. */
function serviceBackend(b: IngressServiceBackend): string {
  const port = b.port?.number ? String(b.port.number) : (b.port?.name ?? '')
  return `${b.name}:${port}`
}

/**
 * describeBackendV1: the Service's ready endpoints from its EndpointSlices, filtered by the name
 * of the Service port the backend's number or name picks (the last match wins, as upstream).
 */
export function describeIngressBackend(s: ClusterState, ns: string, b: IngressBackend): string {
  if (b.service) {
    const sb = serviceBackend(b.service)
    const svc = getObject<Service>(s, 'Service', ns, b.service.name)
    if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`
    let portName = ''
    for (const sp of svc.spec?.ports ?? []) {
      if (b.service.port?.number && b.service.port.number === sp.port) portName = sp.name ?? ''
      else if (b.service.port?.name && b.service.port.name === sp.name) portName = sp.name ?? ''
    }
    const slices = listObjects<EndpointSlice>(s, 'EndpointSlice', ns).filter(
      (e) => e.metadata.labels?.['kubernetes.io/service-name'] === b.service?.name,
    )
    return `${sb} (${formatEndpointSlices(slices, portName)})`
  }
  if (b.resource)
    return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`
  return ''
}

/** describeIngressV1: header block, TLS, the Host/Path/Backends table, annotations, events. */
export function describeIngress(
  s: ClusterState,
  ing: Ingress,
  events: KubeEvent[],
  now: number,
): string {
  const w = new DescribeWriter()
  const ns = ing.metadata.namespace ?? ''
  const spec = ing.spec ?? {}
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`)
  writeLabels(w, 'Labels', ing.metadata.labels)
  w.write(LEVEL_0, `Namespace:\t${ns}\n`)
  w.write(LEVEL_0, `Address:\t${ingressAddress(ing)}\n`)
  w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`)
  const def = spec.defaultBackend ? describeIngressBackend(s, ns, spec.defaultBackend) : '<default>'
  w.write(LEVEL_0, `Default backend:\t${def}\n`)
  if ((spec.tls ?? []).length > 0) {
    w.write(LEVEL_0, 'TLS:\n')
    for (const t of spec.tls ?? []) {
      const hosts = (t.hosts ?? []).join(',')
      w.write(
        LEVEL_1,
        t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`,
      )
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n')
  w.write(LEVEL_1, '----\t----\t--------\n')
  let count = 0
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue
    count++
    w.write(LEVEL_1, `${rule.host || '*'}\t\n`)
    for (const p of rule.http.paths ?? [])
      w.write(LEVEL_2, `\t${p.path ?? ''} \t${describeIngressBackend(s, ns, p.backend ?? {})}\n`)
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`)
  writeAnnotations(w, 'Annotations', ing.metadata.annotations)
  writeEvents(w, events, now)
  return w.toString()
}

/** describeIngressClassV1: controller and parameters (scope and namespace are not printed). */
export function describeIngressClass(ic: IngressClass, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`)
  writeLabels(w, 'Labels', ic.metadata.labels)
  writeAnnotations(w, 'Annotations', ic.metadata.annotations)
  w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ''}\n`)
  const p = ic.spec?.parameters
  if (p) {
    w.write(LEVEL_0, 'Parameters:\n')
    if (p.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`)
    w.write(LEVEL_1, `Kind:\t${p.kind}\n`)
    w.write(LEVEL_1, `Name:\t${p.name}\n`)
  }
  writeEvents(w, events, now)
  return w.toString()
}
