// One pass over the network's kinds, indexing what the dataplane looks up by key (IP, Service
// name). Kept per document until its next object write (a line of 20 curls, or DNS then HTTP,
// reuses it); the view holds the live objects, so only what it indexes by must not change in place.

import { checkingDocuments } from '../document-changed'
import { documentWrites } from '../object-index'
import { objectsOfKind, type ClusterState } from '../state'
import type { EndpointSlice, Endpoints, Node, Pod, Service } from '../objects/types'
import { gatewayOf } from './ip'

export interface NodeInfo {
  name: string
  ip: string
  podCIDR?: string
  /** kindnet's gateway address on this node (`10.244.1.1`): the source of masqueraded local traffic */
  gateway?: string
  node: Node
}

export interface NetView {
  s: ClusterState
  nodes: NodeInfo[]
  pods: Pod[]
  /** pods holding an IP now (not Succeeded/Failed) */
  podsByIP: Map<string, Pod>
  services: Service[]
  /** by spec.clusterIP (not headless, not ExternalName) */
  servicesByIP: Map<string, Service>
  /** by status.loadBalancer.ingress[].ip */
  lbByIP: Map<string, Service>
  /** by `<ns>/<service>` from the `kubernetes.io/service-name` label */
  slicesByService: Map<string, EndpointSlice[]>
  /** by `<ns>/<name>` */
  endpoints: Map<string, Endpoints>
  namespaces: Set<string>
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'

/** The `<namespace>/<name>` index key. */
export function nsName(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`
}

const VIEWS = new WeakMap<ClusterState, { writes: number; view: NetView }>()

/**
 * The network's index of `s`, built again only after an object was written (putObject and
 * removeObject count every write). In check mode (every Node test) a kept view is compared with
 * a fresh one and a difference throws.
 */
export function buildView(s: ClusterState): NetView {
  const writes = documentWrites(s)
  const kept = VIEWS.get(s)
  if (kept && kept.writes === writes) {
    if (checkingDocuments()) checkSameView(kept.view, indexObjects(s))
    return kept.view
  }
  const view = indexObjects(s)
  VIEWS.set(s, { writes, view })
  return view
}

function checkSameView(kept: NetView, fresh: NetView): void {
  const same = (a: unknown[], b: unknown[]) =>
    a.length === b.length && a.every((x, i) => x === b[i])
  const sameMap = (a: Map<string, unknown>, b: Map<string, unknown>) =>
    same([...a.keys()], [...b.keys()]) && same([...a.values()], [...b.values()])
  const nodeKey = (n: NodeInfo) => [n.node, n.name, n.ip, n.podCIDR, n.gateway]
  const ok =
    same(kept.pods, fresh.pods) &&
    same(kept.services, fresh.services) &&
    same(kept.nodes.flatMap(nodeKey), fresh.nodes.flatMap(nodeKey)) &&
    sameMap(kept.podsByIP, fresh.podsByIP) &&
    sameMap(kept.servicesByIP, fresh.servicesByIP) &&
    sameMap(kept.lbByIP, fresh.lbByIP) &&
    sameMap(kept.endpoints, fresh.endpoints) &&
    same([...kept.slicesByService.keys()], [...fresh.slicesByService.keys()]) &&
    same([...kept.slicesByService.values()].flat(), [...fresh.slicesByService.values()].flat()) &&
    same([...kept.namespaces], [...fresh.namespaces])
  if (!ok) throw new Error('net view: an object changed without a write (see net/view.ts)')
}

function indexObjects(s: ClusterState): NetView {
  const v: NetView = {
    s,
    nodes: [],
    pods: [],
    podsByIP: new Map(),
    services: [],
    servicesByIP: new Map(),
    lbByIP: new Map(),
    slicesByService: new Map(),
    endpoints: new Map(),
    namespaces: new Set(),
  }
  for (const pod of objectsOfKind<Pod>(s, 'Pod')) addPod(v, pod)
  for (const svc of objectsOfKind<Service>(s, 'Service')) addService(v, svc)
  for (const slice of objectsOfKind<EndpointSlice>(s, 'EndpointSlice')) addSlice(v, slice)
  for (const ep of objectsOfKind<Endpoints>(s, 'Endpoints'))
    v.endpoints.set(nsName(ep.metadata.namespace, ep.metadata.name), ep)
  for (const node of objectsOfKind<Node>(s, 'Node')) addNode(v, node)
  for (const ns of objectsOfKind(s, 'Namespace')) v.namespaces.add(ns.metadata.name)
  v.nodes.sort((a, b) => (a.name < b.name ? -1 : 1))
  return v
}

function addPod(v: NetView, pod: Pod): void {
  v.pods.push(pod)
  const phase = pod.status?.phase
  const ip = pod.status?.podIP
  if (ip && phase !== 'Succeeded' && phase !== 'Failed') v.podsByIP.set(ip, pod)
}

function addService(v: NetView, svc: Service): void {
  v.services.push(svc)
  const ip = svc.spec?.clusterIP
  if (ip && ip !== 'None' && svc.spec.type !== 'ExternalName') v.servicesByIP.set(ip, svc)
  if (svc.spec?.type === 'LoadBalancer') {
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip) v.lbByIP.set(ing.ip, svc)
  }
}

function addSlice(v: NetView, slice: EndpointSlice): void {
  const svcName = slice.metadata.labels?.[SERVICE_NAME_LABEL]
  if (!svcName) return
  const key = nsName(slice.metadata.namespace, svcName)
  const list = v.slicesByService.get(key)
  if (list) list.push(slice)
  else v.slicesByService.set(key, [slice])
}

function addNode(v: NetView, node: Node): void {
  const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
  if (!ip) return
  const podCIDR = node.spec?.podCIDR
  v.nodes.push({
    name: node.metadata.name,
    ip,
    podCIDR,
    gateway: podCIDR ? gatewayOf(podCIDR) : undefined,
    node,
  })
}

/** The node owning an address: its InternalIP, or its pod-network gateway (also a local address of the node). */
export function findNodeByIP(v: NetView, ip: string): NodeInfo | undefined {
  return v.nodes.find((n) => n.ip === ip || n.gateway === ip)
}

/** A node by name. */
export function findNode(v: NetView, name: string | undefined): NodeInfo | undefined {
  return name === undefined ? undefined : v.nodes.find((n) => n.name === name)
}

/** A Service by namespace and name. */
export function findService(v: NetView, namespace: string, name: string): Service | undefined {
  return v.services.find(
    (svc) => svc.metadata.name === name && svc.metadata.namespace === namespace,
  )
}

/** A pod by namespace and name. */
export function findPod(v: NetView, namespace: string, name: string): Pod | undefined {
  return v.pods.find((p) => p.metadata.name === name && p.metadata.namespace === namespace)
}
