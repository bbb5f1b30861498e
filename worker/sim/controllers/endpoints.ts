// Endpoints controller (pkg/controller/endpoint/endpoints_controller.go syncService): for each
// Service with a selector, Endpoints of the same name list the matching pods, ready ones in
// `addresses` and the others in `notReadyAddresses`, repacked into subsets by port set.
// Selector-less and ExternalName Services are left alone (hand-written Endpoints stay).
// Upstream watches Services and Pods but only deletions of Endpoints, so a hand edit of a selector
// Service's Endpoints stays until that Service is synced again (a change to it or to a pod its
// selector matches); deleting the Endpoints brings them back at once. The informers' resync (hours)
// is left out.

import type {
  EndpointAddress,
  EndpointPort,
  Endpoints,
  EndpointSubset,
  Pod,
  Service,
} from '../objects/types'
import { getObject, putObject, randomUid, removeObject, type ClusterState } from '../state'
import { compareIP, findPort, hasSelector, selectedPods } from './service-ports'
import { isPodReady, matchesLabels, sameJSON, ts, objectsOf } from './util'
import { FNV32A_OFFSET, fnv32aAppend } from './hash'
import { pushVersion, syncKey, type Inputs } from './key-memo'

const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time'

function address(pod: Pod): EndpointAddress {
  const a: EndpointAddress = { ip: pod.status.podIP as string }
  if (pod.spec.hostname && pod.spec.subdomain) a.hostname = pod.spec.hostname
  if (pod.spec.nodeName) a.nodeName = pod.spec.nodeName
  a.targetRef = {
    kind: 'Pod',
    name: pod.metadata.name,
    namespace: pod.metadata.namespace,
    uid: pod.metadata.uid,
  }
  return a
}

/** Subsets for a Service: one per distinct set of resolved ports (RepackSubsets). */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  return subsetsOf(svc, selectedPods(svc, pods))
}

/** desiredSubsets of the pods `svc` selects (selectedPods). */
function subsetsOf(svc: Service, selected: readonly Pod[]): EndpointSubset[] {
  const groups = new Map<
    string,
    { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >()
  const publishAll = svc.spec.publishNotReadyAddresses === true
  for (const pod of selected) {
    if (pod.metadata.deletionTimestamp && !publishAll) continue
    const ports: EndpointPort[] = []
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp)
      if (port === undefined) continue
      const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' }
      if (sp.name) ep.name = sp.name
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol
      ports.push(ep)
    }
    if ((svc.spec.ports ?? []).length > 0 && ports.length === 0) continue
    ports.sort((a, b) =>
      (a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : a.port - b.port,
    )
    const key = JSON.stringify(ports)
    const g = groups.get(key) ?? { ports, ready: [], notReady: [] }
    groups.set(key, g)
    ;(publishAll || isPodReady(pod) ? g.ready : g.notReady).push(address(pod))
  }
  const subsets: EndpointSubset[] = []
  for (const g of groups.values()) {
    const sub: EndpointSubset = {}
    if (g.ready.length) sub.addresses = g.ready.sort((a, b) => compareIP(a.ip, b.ip))
    if (g.notReady.length) sub.notReadyAddresses = g.notReady.sort((a, b) => compareIP(a.ip, b.ip))
    if (g.ports.length) sub.ports = g.ports
    subsets.push(sub)
  }
  return subsets
}

function serviceLabels(svc: Service): Record<string, string> {
  const labels = { ...(svc.metadata.labels ?? {}) }
  if (svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = ''
  return labels
}

function syncService(
  s: ClusterState,
  svc: Service,
  selected: readonly Pod[],
  cur: Endpoints | undefined,
  now: number,
): boolean {
  const ns = svc.metadata.namespace
  const subsets = subsetsOf(svc, selected)
  const labels = serviceLabels(svc)
  if (cur && sameJSON(cur.subsets ?? [], subsets) && sameJSON(cur.metadata.labels ?? {}, labels))
    return false
  const ep: Endpoints = cur ?? {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata.name,
      namespace: ns,
      uid: randomUid(s),
      resourceVersion: '',
      creationTimestamp: ts(now),
    },
  }
  ep.metadata.labels = labels
  if (Object.keys(labels).length === 0) delete ep.metadata.labels
  ep.metadata.annotations = { ...(ep.metadata.annotations ?? {}), [TRIGGER]: ts(now) }
  if (subsets.length) ep.subsets = subsets
  else delete ep.subsets
  putObject(s, ep)
  return true
}

/** Endpoints the controller made look like it: pod targetRefs or the trigger-time annotation. */
function isControllerMade(ep: Endpoints): boolean {
  if (ep.metadata.annotations?.[TRIGGER]) return true
  return (ep.subsets ?? []).some((sub) =>
    [...(sub.addresses ?? []), ...(sub.notReadyAddresses ?? [])].some(
      (a) => a.targetRef?.kind === 'Pod',
    ),
  )
}

/**
 * What a sync of `svc` reads: the Service and every pod its selector matches, by resourceVersion;
 * fnv32a of those joined by `|` (the stored memory's value), hashed part by part.
 */
function syncInputs(svc: Service, pods: readonly Pod[]): number {
  let h = fnv32aAppend(FNV32A_OFFSET, svc.metadata.uid ?? '')
  h = fnv32aAppend(fnv32aAppend(h, '|'), svc.metadata.resourceVersion ?? '')
  const ns = svc.metadata.namespace
  const selector = svc.spec.selector
  for (const p of pods) {
    if (p.metadata.namespace !== ns || !matchesLabels(selector, p.metadata.labels)) continue
    h = fnv32aAppend(fnv32aAppend(h, '|'), p.metadata.uid ?? '')
    h = fnv32aAppend(fnv32aAppend(h, '|'), p.metadata.resourceVersion ?? '')
  }
  return h
}

/**
 * What syncService reads, for the per-key skip (key-memo.ts): the Service, the pods it selects
 * (those with an IP: a pod without one, as the one a scale has just made, changes nothing) and
 * the Endpoints as they are (a hand edit is put back when the Service is synced).
 */
function serviceReads(svc: Service, selected: readonly Pod[], cur: Endpoints | undefined): Inputs {
  const out: Inputs = []
  pushVersion(out, svc)
  if (cur) pushVersion(out, cur)
  else out.push('none')
  for (const p of selected) pushVersion(out, p)
  return out
}

/**
 * Syncs the Services whose inputs changed since their last sync, and any whose Endpoints are gone
 * (the controller's delete handler); true when an Endpoints object was written.
 */
function syncChangedServices(
  s: ClusterState,
  services: readonly Service[],
  pods: readonly Pod[],
  now: number,
) {
  const memory = (s.runtime.endpointsSyncedFrom ??= {})
  const seen = new Set<string>()
  let changed = false
  for (const svc of services) {
    if (!hasSelector(svc)) continue
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`
    seen.add(key)
    const inputs = syncInputs(svc, pods)
    const exists = getObject<Endpoints>(s, 'Endpoints', svc.metadata.namespace, svc.metadata.name)
    if (exists && memory[key] === inputs) continue
    memory[key] = inputs
    const selected = selectedPods(svc, pods)
    const read = serviceReads(svc, selected, exists)
    if (syncKey(s, `endpoints:${key}`, read, now, syncService, s, svc, selected, exists, now))
      changed = true
  }
  for (const key of Object.keys(memory)) if (!seen.has(key)) delete memory[key]
  return changed
}

/** Reconciles the Endpoints of every Service; returns true when anything was written. */
export function reconcileEndpoints(s: ClusterState, now: number): boolean {
  const services = objectsOf<Service>(s, 'Service')
  const pods = objectsOf<Pod>(s, 'Pod')
  const names = new Set(services.map((svc) => `${svc.metadata.namespace}/${svc.metadata.name}`))
  let changed = syncChangedServices(s, services, pods, now)
  for (const ep of objectsOf<Endpoints>(s, 'Endpoints')) {
    if (names.has(`${ep.metadata.namespace}/${ep.metadata.name}`) || !isControllerMade(ep)) continue
    removeObject(s, 'Endpoints', ep.metadata.namespace, ep.metadata.name)
    changed = true
  }
  return changed
}
