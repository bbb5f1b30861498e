// `kubectl describe endpointslice` (describe.go describeEndpointSliceV1).

import type { EndpointSlice, KubeEvent } from '../../objects/types'
import { writeEvents } from './events'
import {
  DescribeWriter,
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  writeAnnotations,
  writeLabels,
} from './writer'

export function describeEndpointSlice(
  eps: EndpointSlice,
  events: KubeEvent[],
  now: number,
): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', eps.metadata.labels)
  writeAnnotations(w, 'Annotations', eps.metadata.annotations)
  w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`)
  const ports = eps.ports ?? []
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n')
  else {
    w.write(LEVEL_0, 'Ports:\n')
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
    w.write(LEVEL_1, '----\t----\t--------\n')
    for (const p of ports)
      w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}\n`)
  }
  const endpoints = eps.endpoints ?? []
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n')
  else {
    w.write(LEVEL_0, 'Endpoints:\n')
    for (const e of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`)
      w.write(LEVEL_2, 'Conditions:\n')
      w.write(
        LEVEL_3,
        `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`,
      )
      w.write(LEVEL_2, `Hostname:\t${(e as { hostname?: string }).hostname ?? '<unset>'}\n`)
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`)
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
      w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`)
    }
  }
  writeEvents(w, events, now)
  return w.toString()
}
