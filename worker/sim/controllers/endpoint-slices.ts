// EndpointSlice controller (kubernetes/endpointslice reconciler.go): for each Service with a
// selector, slices `<service>-<5 random>` hold every matching pod with conditions ready /
// serving / terminating, one slice per distinct port mapping, and a placeholder slice
// (no endpoints, no ports) when nothing matches. Left out: the 100-endpoint slice limit, zones.

import type { EndpointSlice, Pod, Service, SliceEndpoint } from '../objects/types'
import {
  objectKey,
  putObject,
  randomSuffix,
  randomUid,
  removeObject,
  type ClusterState,
} from '../state'
import { compareIP, findPort, hasSelector, selectedPods } from './service-ports'
import { pushVersion, syncKey, type Inputs } from './key-memo'
import { isPodReady, ownerReference, sameJSON, ts, objectsOf } from './util'

/** Labels that tie a slice to its Service and to the controller that owns it. */
export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by'
export const SERVICE_NAME = 'kubernetes.io/service-name'
const CONTROLLER = 'endpointslice-controller.k8s.io'
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time'

type SlicePort = NonNullable<EndpointSlice['ports']>[number]
interface Desired {
  ports: SlicePort[] | null
  endpoints: SliceEndpoint[] | null
}

function toEndpoint(pod: Pod, publishAll: boolean): SliceEndpoint {
  const terminating = !!pod.metadata.deletionTimestamp
  const ready = isPodReady(pod)
  const ep: SliceEndpoint = {
    addresses: [pod.status.podIP as string],
    conditions: {
      ready: publishAll || (ready && !terminating),
      serving: publishAll || ready,
      terminating,
    },
  }
  if (pod.spec.hostname && pod.spec.subdomain)
    (ep as SliceEndpoint & { hostname?: string }).hostname = pod.spec.hostname
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName
  ep.targetRef = {
    kind: 'Pod',
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
    uid: pod.metadata.uid,
  }
  return ep
}

/** Desired slices keyed by their port set; `selected` is selectedPods(svc, every pod). */
function desiredSlices(svc: Service, selected: Pod[]): Map<string, Desired> {
  const out = new Map<string, Desired>()
  const publishAll = svc.spec.publishNotReadyAddresses === true
  for (const pod of selected) {
    const ports: SlicePort[] = []
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' }
      if (sp.appProtocol) p.appProtocol = sp.appProtocol
      ports.push(p)
    }
    if ((svc.spec.ports ?? []).length > 0 && ports.length === 0) continue
    const key = JSON.stringify(ports)
    const d = out.get(key) ?? { ports, endpoints: [] }
    out.set(key, d)
    d.endpoints?.push(toEndpoint(pod, publishAll))
  }
  for (const d of out.values())
    d.endpoints?.sort((a, b) => compareIP(a.addresses[0] ?? '', b.addresses[0] ?? ''))
  if (out.size === 0) out.set('placeholder', { ports: null, endpoints: null })
  return out
}

function sliceKey(slice: EndpointSlice): string {
  return slice.endpoints === null && slice.ports === null
    ? 'placeholder'
    : JSON.stringify(slice.ports ?? [])
}

function sliceLabels(svc: Service): Record<string, string> {
  const labels: Record<string, string> = {
    ...(svc.metadata.labels ?? {}),
    [MANAGED_BY]: CONTROLLER,
    [SERVICE_NAME]: svc.metadata.name,
  }
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  return labels
}

function newSlice(s: ClusterState, svc: Service, now: number): EndpointSlice {
  const ns = svc.metadata.namespace
  let name = `${svc.metadata.name}-${randomSuffix(s)}`
  while (objectKey('EndpointSlice', ns, name) in s.objects)
    name = `${svc.metadata.name}-${randomSuffix(s)}`
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      generateName: `${svc.metadata.name}-`,
      namespace: ns,
      uid: randomUid(s),
      resourceVersion: '',
      generation: 1,
      creationTimestamp: ts(now),
      ownerReferences: [ownerReference(svc)],
    },
    addressType: 'IPv4',
    endpoints: null,
    ports: null,
  }
}

function writeSlice(
  s: ClusterState,
  slice: EndpointSlice,
  svc: Service,
  d: Desired,
  now: number,
  isNew: boolean,
): boolean {
  const labels = sliceLabels(svc)
  if (
    !isNew &&
    sameJSON(slice.endpoints, d.endpoints) &&
    sameJSON(slice.ports, d.ports) &&
    sameJSON(slice.metadata.labels, labels)
  )
    return false
  slice.metadata.labels = labels
  slice.metadata.annotations = { ...(slice.metadata.annotations ?? {}), [TRIGGER]: ts(now) }
  if (!isNew) slice.metadata.generation = (slice.metadata.generation ?? 1) + 1
  slice.endpoints = d.endpoints
  slice.ports = d.ports
  putObject(s, slice)
  return true
}

function syncService(
  s: ClusterState,
  svc: Service,
  selected: Pod[],
  existing: EndpointSlice[],
  now: number,
): boolean {
  const desired = desiredSlices(svc, selected)
  const byKey = new Map(existing.map((sl) => [sliceKey(sl), sl]))
  let changed = false
  const spare = existing.filter((sl) => !desired.has(sliceKey(sl)))
  for (const [key, d] of desired) {
    let slice = byKey.get(key)
    let isNew = false
    if (!slice) {
      slice = spare.shift()
      if (!slice) {
        slice = newSlice(s, svc, now)
        isNew = true
      }
    }
    if (writeSlice(s, slice, svc, d, now, isNew)) changed = true
  }
  for (const sl of spare) {
    removeObject(s, 'EndpointSlice', sl.metadata.namespace, sl.metadata.name)
    changed = true
  }
  return changed
}

/**
 * What syncService reads, for the per-key skip (key-memo.ts): the Service, the pods it selects
 * (in order) and its slices (in order).
 */
function sliceInputs(svc: Service, selected: Pod[], existing: EndpointSlice[]): Inputs {
  const out: Inputs = []
  pushVersion(out, svc)
  for (const p of selected) {
    out.push(p.metadata.name)
    pushVersion(out, p)
  }
  out.push('slices')
  for (const sl of existing) {
    out.push(sl.metadata.name)
    pushVersion(out, sl)
  }
  return out
}

/** Reconciles controller-managed slices of every Service; returns true when anything was written. */
export function reconcileEndpointSlices(s: ClusterState, now: number): boolean {
  let changed = false
  const pods = objectsOf<Pod>(s, 'Pod')
  const slicesBySvc = new Map<string, EndpointSlice[]>()
  for (const sl of objectsOf<EndpointSlice>(s, 'EndpointSlice')) {
    if (sl.metadata.labels?.[MANAGED_BY] !== CONTROLLER) continue
    const key = `${sl.metadata.namespace}/${sl.metadata.labels?.[SERVICE_NAME] ?? ''}`
    slicesBySvc.set(key, [...(slicesBySvc.get(key) ?? []), sl])
  }
  for (const svc of objectsOf<Service>(s, 'Service')) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`
    const existing = slicesBySvc.get(key) ?? []
    slicesBySvc.delete(key)
    if (!hasSelector(svc)) {
      for (const sl of existing)
        removeObject(s, 'EndpointSlice', sl.metadata.namespace, sl.metadata.name)
      if (existing.length) changed = true
      continue
    }
    const selected = selectedPods(svc, pods)
    const inputs = sliceInputs(svc, selected, existing)
    const memoKey = `endpointslice:${key}`
    if (syncKey(s, memoKey, inputs, now, syncService, s, svc, selected, existing, now))
      changed = true
  }
  for (const orphans of slicesBySvc.values()) {
    for (const sl of orphans)
      removeObject(s, 'EndpointSlice', sl.metadata.namespace, sl.metadata.name)
    if (orphans.length) changed = true
  }
  return changed
}
