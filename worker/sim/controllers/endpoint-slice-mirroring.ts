// EndpointSliceMirroring controller (pkg/controller/endpointslicemirroring): hand-written
// Endpoints of a selector-less Service are copied into EndpointSlices so kube-proxy and
// `kubectl describe service` see them. Addresses -> ready endpoints, notReadyAddresses ->
// not ready. Left out: the 1000-address cap and the skip-mirror label's finer points.

import type { Endpoints, EndpointSlice, Service, SliceEndpoint } from '../objects/types'
import {
  getObject,
  objectKey,
  putObject,
  randomSuffix,
  randomUid,
  removeObject,
  type ClusterState,
} from '../state'
import { MANAGED_BY, SERVICE_NAME } from './endpoint-slices'
import { hasSelector } from './service-ports'
import { pushVersion, syncKey, type Inputs } from './key-memo'
import { ownerReference, sameJSON, ts, objectsOf } from './util'

const MIRROR = 'endpointslicemirroring-controller.k8s.io'
type SlicePort = NonNullable<EndpointSlice['ports']>[number]

function desired(ep: Endpoints): { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] {
  return (ep.subsets ?? []).map((sub) => {
    const ports: SlicePort[] = (sub.ports ?? []).map((p) => ({
      name: p.name ?? '',
      port: p.port,
      protocol: p.protocol ?? 'TCP',
    }))
    const conv =
      (ready: boolean) =>
      (a: NonNullable<typeof sub.addresses>[number]): SliceEndpoint => {
        const e: SliceEndpoint = { addresses: [a.ip], conditions: { ready } }
        if (a.nodeName) e.nodeName = a.nodeName
        if (a.targetRef) e.targetRef = a.targetRef
        return e
      }
    return {
      ports,
      endpoints: [
        ...(sub.addresses ?? []).map(conv(true)),
        ...(sub.notReadyAddresses ?? []).map(conv(false)),
      ],
    }
  })
}

function labelsFor(ep: Endpoints): Record<string, string> {
  const labels = { ...(ep.metadata.labels ?? {}) }
  delete labels['kubernetes.io/service-name']
  return { ...labels, [MANAGED_BY]: MIRROR, [SERVICE_NAME]: ep.metadata.name }
}

function mirror(s: ClusterState, ep: Endpoints, existing: EndpointSlice[], now: number): boolean {
  const want = desired(ep)
  let changed = false
  const labels = labelsFor(ep)
  want.forEach((d, i) => {
    let slice = existing[i]
    if (
      slice &&
      sameJSON(slice.ports, d.ports) &&
      sameJSON(slice.endpoints, d.endpoints) &&
      sameJSON(slice.metadata.labels, labels)
    )
      return
    if (!slice) {
      let name = `${ep.metadata.name}-${randomSuffix(s)}`
      while (objectKey('EndpointSlice', ep.metadata.namespace, name) in s.objects)
        name = `${ep.metadata.name}-${randomSuffix(s)}`
      slice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name,
          generateName: `${ep.metadata.name}-`,
          namespace: ep.metadata.namespace,
          uid: randomUid(s),
          resourceVersion: '',
          generation: 1,
          creationTimestamp: ts(now),
          ownerReferences: [{ ...ownerReference(ep), blockOwnerDeletion: true }],
        },
        addressType: 'IPv4',
        endpoints: null,
        ports: null,
      }
    } else slice.metadata.generation = (slice.metadata.generation ?? 1) + 1
    slice.metadata.labels = labels
    slice.endpoints = d.endpoints
    slice.ports = d.ports
    putObject(s, slice)
    changed = true
  })
  for (const extra of existing.slice(want.length)) {
    removeObject(s, 'EndpointSlice', extra.metadata.namespace, extra.metadata.name)
    changed = true
  }
  return changed
}

/** Mirrors Endpoints of selector-less Services into slices, removing mirrors that lost their source. */
export function reconcileEndpointSliceMirroring(s: ClusterState, now: number): boolean {
  const mirrored = new Map<string, EndpointSlice[]>()
  for (const sl of objectsOf<EndpointSlice>(s, 'EndpointSlice')) {
    if (sl.metadata.labels?.[MANAGED_BY] !== MIRROR) continue
    const key = `${sl.metadata.namespace}/${sl.metadata.labels?.[SERVICE_NAME] ?? ''}`
    mirrored.set(key, [...(mirrored.get(key) ?? []), sl])
  }
  let changed = false
  for (const ep of objectsOf<Endpoints>(s, 'Endpoints')) {
    const svc = getObject<Service>(s, 'Service', ep.metadata.namespace, ep.metadata.name)
    if (
      !svc ||
      hasSelector(svc) ||
      svc.spec.type === 'ExternalName' ||
      ep.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] === 'true'
    )
      continue
    const key = `${ep.metadata.namespace}/${ep.metadata.name}`
    const existing = (mirrored.get(key) ?? []).sort((a, b) =>
      a.metadata.creationTimestamp < b.metadata.creationTimestamp
        ? -1
        : a.metadata.name < b.metadata.name
          ? -1
          : 1,
    )
    mirrored.delete(key)
    // mirror() reads the Endpoints and its slices only (key-memo.ts)
    const inputs: Inputs = []
    pushVersion(inputs, ep)
    for (const sl of existing) {
      inputs.push(sl.metadata.name)
      pushVersion(inputs, sl)
    }
    if (syncKey(s, `mirror:${key}`, inputs, now, mirror, s, ep, existing, now)) changed = true
  }
  for (const stale of mirrored.values()) {
    for (const sl of stale)
      removeObject(s, 'EndpointSlice', sl.metadata.namespace, sl.metadata.name)
    if (stale.length) changed = true
  }
  return changed
}
