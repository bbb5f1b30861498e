// Places the cluster's nodes, pods and Services on the map; pure, so it can be tested without a DOM.

import type { KubeObject } from '../types'
import { podStatus, type PodStatus } from './pod-status'
import { placeIngresses, type IngressBox } from './map-ingress'

export const SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
])
const WIDTH = 960
const SVC_W = 180
const SVC_H = 84
const POD_H = 46
const POD_GAP = 6
const NODE_HEAD = 44

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface PodBox extends Box {
  key: string
  name: string
  namespace: string
  ip: string
  status: PodStatus
}

export interface NodeBox extends Box {
  name: string
  ip: string
  pods: PodBox[]
}

export interface EndpointRef {
  ip: string
  ready: boolean
  podKey?: string
}

export interface ServiceBox extends Box {
  key: string
  name: string
  namespace: string
  lines: string[]
  endpoints: EndpointRef[]
}

export interface MapLayout {
  width: number
  height: number
  workstation: Box
  dns: Box & { ip: string }
  services: ServiceBox[]
  /** Ingresses with their rules, between the Services and the nodes */
  ingresses: IngressBox[]
  nodes: NodeBox[]
  pods: Map<string, PodBox>
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`
/** Services not worth a box: the API server's, and ingress-nginx's admission webhook */
const HIDDEN_SERVICES = new Set([
  'default/kubernetes',
  'ingress-nginx/ingress-nginx-controller-admission',
])
const userVisible = (o: KubeObject) => !SYSTEM_NAMESPACES.has(o.metadata.namespace ?? 'default')

function nodeIp(node: KubeObject): string {
  const addresses = (node.status?.addresses ?? []) as { type?: string; address?: string }[]
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
}

function serviceLines(svc: KubeObject): string[] {
  const spec = (svc.spec ?? {}) as {
    type?: string
    clusterIP?: string
    ports?: { port?: number; targetPort?: number | string; nodePort?: number }[]
    externalName?: string
  }
  const type = spec.type ?? 'ClusterIP'
  const lines = [
    type === 'ExternalName'
      ? `ExternalName ${spec.externalName ?? ''}`
      : `${type} ${spec.clusterIP ?? ''}`,
  ]
  const ports = spec.ports ?? []
  if (ports.length)
    lines.push('port ' + ports.map((p) => `${p.port}→${p.targetPort ?? p.port}`).join(', '))
  const nodePorts = ports.map((p) => p.nodePort).filter(Boolean)
  if (nodePorts.length) lines.push(`nodePort ${nodePorts.join(', ')}`)
  if (type === 'LoadBalancer') {
    const ingress = (
      (svc.status?.loadBalancer as { ingress?: { ip?: string }[] } | undefined)?.ingress ?? []
    ).map((i) => i.ip)
    lines.push(`external ${ingress.length ? ingress.join(', ') : '<pending>'}`)
  }
  return lines
}

/** Current endpoints of a Service: EndpointSlices when there are any, else the Endpoints object. */
export function endpointsOf(
  svc: KubeObject,
  objects: KubeObject[],
  podsByIp: Map<string, string>,
): EndpointRef[] {
  const ns = svc.metadata.namespace ?? 'default'
  const slices = objects.filter(
    (o) =>
      o.kind === 'EndpointSlice' &&
      (o.metadata.namespace ?? 'default') === ns &&
      o.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
  )
  const refs: EndpointRef[] = []
  const podKey = (ip: string, name?: string) => (name ? `${ns}/${name}` : podsByIp.get(ip))
  if (slices.length) {
    for (const s of slices) {
      for (const e of (s.endpoints ?? []) as {
        addresses?: string[]
        conditions?: { ready?: boolean }
        targetRef?: { kind?: string; name?: string }
      }[]) {
        for (const ip of e.addresses ?? [])
          refs.push({
            ip,
            ready: e.conditions?.ready !== false,
            podKey: podKey(ip, e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined),
          })
      }
    }
    return refs
  }
  const ep = objects.find((o) => o.kind === 'Endpoints' && keyOf(o) === keyOf(svc))
  for (const subset of (ep?.subsets ?? []) as {
    addresses?: { ip: string; targetRef?: { name?: string } }[]
    notReadyAddresses?: { ip: string; targetRef?: { name?: string } }[]
  }[]) {
    for (const a of subset.addresses ?? [])
      refs.push({ ip: a.ip, ready: true, podKey: podKey(a.ip, a.targetRef?.name) })
    for (const a of subset.notReadyAddresses ?? [])
      refs.push({ ip: a.ip, ready: false, podKey: podKey(a.ip, a.targetRef?.name) })
  }
  return refs
}

function placeNodes(
  objects: KubeObject[],
  top: number,
): { nodes: NodeBox[]; pods: Map<string, PodBox> } {
  const nodeObjs = objects
    .filter((o) => o.kind === 'Node')
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))
  const podObjs = objects
    .filter((o) => o.kind === 'Pod' && userVisible(o))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
  const columns = nodeObjs.map((n) => ({
    name: n.metadata.name,
    ip: nodeIp(n),
    pods: [] as KubeObject[],
  }))
  const unscheduled = podObjs.filter((p) => !columns.some((c) => c.name === p.spec?.nodeName))
  for (const c of columns) c.pods = podObjs.filter((p) => p.spec?.nodeName === c.name)
  if (unscheduled.length) columns.push({ name: 'not scheduled', ip: '', pods: unscheduled })
  const n = Math.max(1, columns.length)
  const w = (WIDTH - 20 - (n - 1) * 10) / n
  const h = NODE_HEAD + Math.max(1, ...columns.map((c) => c.pods.length)) * (POD_H + POD_GAP) + 8
  const pods = new Map<string, PodBox>()
  const nodes = columns.map((c, i) => {
    const x = 10 + i * (w + 10)
    const boxes = c.pods.map((p, j) => {
      const box: PodBox = {
        key: keyOf(p),
        name: p.metadata.name,
        namespace: p.metadata.namespace ?? 'default',
        ip: String(p.status?.podIP ?? ''),
        status: podStatus(p),
        x: x + 8,
        y: top + NODE_HEAD + j * (POD_H + POD_GAP),
        w: w - 16,
        h: POD_H,
      }
      pods.set(box.key, box)
      return box
    })
    return { name: c.name, ip: c.ip, x, y: top, w, h, pods: boxes }
  })
  return { nodes, pods }
}

/** Lays out the map for the given objects. */
export function layoutMap(objects: KubeObject[]): MapLayout {
  const svcObjs = objects
    .filter((o) => o.kind === 'Service' && userVisible(o) && !HIDDEN_SERVICES.has(keyOf(o)))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
  const perRow = 4
  const rows = Math.ceil(svcObjs.length / perRow)
  const ingTop = 10 + rows * (SVC_H + 12) + (rows > 0 ? 20 : 0)
  const { ingresses, bottom } = placeIngresses(objects, 190, ingTop)
  const nodesTop = Math.max(150, ingresses.length ? bottom + 12 : 10 + rows * (SVC_H + 12)) + 50
  const { nodes, pods } = placeNodes(objects, nodesTop)
  const podsByIp = new Map([...pods.values()].filter((p) => p.ip).map((p) => [p.ip, p.key]))
  const services = svcObjs.map((s, i) => ({
    key: keyOf(s),
    name: s.metadata.name,
    namespace: s.metadata.namespace ?? 'default',
    lines: serviceLines(s),
    endpoints: endpointsOf(s, objects, podsByIp),
    x: 190 + (i % perRow) * (SVC_W + 12),
    y: 10 + Math.floor(i / perRow) * (SVC_H + 12),
    w: SVC_W,
    h: SVC_H,
  }))
  const kubeDns = objects.find((o) => o.kind === 'Service' && keyOf(o) === 'kube-system/kube-dns')
  const height = Math.max(...nodes.map((n) => n.y + n.h), nodesTop + 60) + 10
  return {
    width: WIDTH,
    height,
    workstation: { x: 10, y: 10, w: 160, h: 56 },
    dns: { x: 10, y: 80, w: 160, h: 50, ip: String(kubeDns?.spec?.clusterIP ?? '') },
    services,
    ingresses,
    nodes,
    pods,
  }
}
