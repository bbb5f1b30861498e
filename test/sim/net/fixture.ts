// A small builder for network tests: puts objects straight into a ClusterState (no API server,
// no controllers) and derives EndpointSlices the way the endpointslice controllers would.

import {
  emptyState,
  formatTimestamp,
  putObject,
  type ClusterState,
} from '../../../worker/sim/state'
import type {
  Container,
  ContainerPort,
  EndpointSlice,
  Endpoints,
  Node,
  Pod,
  Service,
  ServicePort,
  SliceEndpoint,
} from '../../../worker/sim/objects/types'

export const NOW = Date.parse('2026-11-26T06:00:00Z')

let uidCounter = 0
function meta(
  name: string,
  namespace: string | undefined,
  labels?: Record<string, string>,
  at = NOW - 3600_000,
) {
  uidCounter += 1
  return {
    name,
    namespace,
    uid: `00000000-0000-4000-8000-${String(uidCounter).padStart(12, '0')}`,
    resourceVersion: '1',
    creationTimestamp: formatTimestamp(at),
    labels,
  }
}

export interface PodSpecLite {
  name: string
  ns?: string
  labels?: Record<string, string>
  image?: string
  node?: string
  ip?: string
  /** default true */
  ready?: boolean
  /** container waiting reason instead of running */
  waiting?: string
  ports?: ContainerPort[]
  command?: string[]
  args?: string[]
  readinessProbe?: Container['readinessProbe']
  createdAt?: number
  terminating?: boolean
  hostname?: string
  subdomain?: string
  enableServiceLinks?: boolean
}

export interface ServiceLite {
  name: string
  ns?: string
  type?: Service['spec']['type']
  selector?: Record<string, string>
  ports?: ServicePort[]
  clusterIP?: string
  lbIP?: string
  externalName?: string
  affinity?: boolean
  affinityTimeout?: number
  local?: boolean
  createdAt?: number
}

export class Fixture {
  s: ClusterState
  constructor(seed = 42) {
    this.s = emptyState(seed, NOW - 7200_000)
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'dev']) {
      putObject(this.s, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: meta(ns, undefined),
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      })
    }
    this.node('lab-control-plane', '172.18.0.2', '10.244.0.0/24', true)
    this.node('lab-worker', '172.18.0.3', '10.244.1.0/24')
    this.node('lab-worker2', '172.18.0.4', '10.244.2.0/24')
    this.service({
      name: 'kubernetes',
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, targetPort: 6443, protocol: 'TCP' }],
      createdAt: NOW - 7200_000,
    })
    this.slice(
      'default',
      'kubernetes',
      [{ ip: '172.18.0.2', ready: true }],
      [{ name: 'https', port: 6443 }],
    )
  }

  node(name: string, ip: string, podCIDR: string, controlPlane = false): void {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name }
    if (controlPlane) labels['node-role.kubernetes.io/control-plane'] = ''
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(name, undefined, labels),
      spec: { podCIDR, podCIDRs: [podCIDR] },
      status: {
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: name },
        ],
        conditions: [],
        nodeInfo: {},
        capacity: {},
        allocatable: {},
      },
    }
    putObject(this.s, node)
  }

  pod(p: PodSpecLite): Pod {
    const ready = p.ready ?? true
    const running = p.waiting === undefined
    const container: Container = {
      name: 'main',
      image: p.image ?? 'nginx:1.19',
      ports: p.ports ?? [{ containerPort: 80, protocol: 'TCP' }],
    }
    if (p.command) container.command = p.command
    if (p.args) container.args = p.args
    if (p.readinessProbe) container.readinessProbe = p.readinessProbe
    const m = meta(p.name, p.ns ?? 'default', p.labels, p.createdAt)
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: p.terminating ? { ...m, deletionTimestamp: formatTimestamp(NOW) } : m,
      spec: {
        containers: [container],
        nodeName: p.node ?? 'lab-worker',
        hostname: p.hostname,
        subdomain: p.subdomain,
        enableServiceLinks: p.enableServiceLinks,
      },
      status: {
        phase: running ? 'Running' : 'Pending',
        podIP: p.ip,
        podIPs: p.ip ? [{ ip: p.ip }] : [],
        conditions: [
          {
            type: 'Ready',
            status: ready && running ? 'True' : 'False',
            lastProbeTime: null,
            lastTransitionTime: formatTimestamp(NOW),
          },
        ],
        containerStatuses: [
          {
            name: 'main',
            image: container.image,
            imageID: '',
            ready: ready && running,
            restartCount: 0,
            state: running
              ? { running: { startedAt: formatTimestamp(NOW - 3000_000) } }
              : { waiting: { reason: p.waiting ?? '' } },
            lastState: {},
          },
        ],
      },
    }
    if (!p.hostname) delete pod.spec.hostname
    if (!p.subdomain) delete pod.spec.subdomain
    if (p.enableServiceLinks === undefined) delete pod.spec.enableServiceLinks
    return putObject(this.s, pod)
  }

  service(o: ServiceLite): Service {
    const spec: Service['spec'] = {
      type: o.type ?? 'ClusterIP',
      ports: o.ports ?? [{ port: 80, targetPort: 80, protocol: 'TCP' }],
    }
    if (o.selector) spec.selector = o.selector
    if (o.type === 'ExternalName') {
      spec.externalName = o.externalName
      delete spec.ports
    } else {
      spec.clusterIP = o.clusterIP
      spec.clusterIPs = o.clusterIP ? [o.clusterIP] : undefined
    }
    if (o.affinity) spec.sessionAffinity = 'ClientIP'
    if (o.affinityTimeout)
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: o.affinityTimeout } }
    if (o.local) spec.externalTrafficPolicy = 'Local'
    const svc: Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(o.name, o.ns ?? 'default', undefined, o.createdAt),
      spec,
      status: { loadBalancer: o.lbIP ? { ingress: [{ ip: o.lbIP, ipMode: 'VIP' }] } : {} },
    }
    return putObject(this.s, svc)
  }

  endpoints(
    name: string,
    ips: string[],
    port: number,
    portName?: string,
    ns = 'default',
  ): Endpoints {
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta(name, ns),
      subsets: [
        {
          addresses: ips.map((ip) => ({ ip })),
          ports: [{ port, protocol: 'TCP', ...(portName ? { name: portName } : {}) }],
        },
      ],
    }
    return putObject(this.s, ep)
  }

  slice(
    ns: string,
    svc: string,
    eps: { ip: string; ready: boolean; node?: string; pod?: string; terminating?: boolean }[],
    ports: { name?: string; port: number; protocol?: string }[],
    name = `${svc}-abcde`,
  ): void {
    const endpoints: SliceEndpoint[] = eps.map((e) => ({
      addresses: [e.ip],
      conditions: {
        ready: e.ready,
        serving: e.ready || e.terminating === true,
        terminating: e.terminating ?? false,
      },
      nodeName: e.node,
      targetRef: e.pod ? { kind: 'Pod', namespace: ns, name: e.pod } : undefined,
    }))
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta(name, ns, { 'kubernetes.io/service-name': svc }),
      addressType: 'IPv4',
      endpoints,
      ports: ports.map((p) => ({
        name: p.name ?? '',
        port: p.port,
        protocol: p.protocol ?? 'TCP',
      })),
    }
    putObject(this.s, slice)
  }

  /** The endpointslice (+ mirroring) controllers in miniature: selector Services from pods, selector-less from Endpoints. */
  syncSlices(): this {
    for (const key of Object.keys(this.s.objects))
      if (key.startsWith('EndpointSlice/') && !key.includes('/kubernetes-'))
        delete this.s.objects[key]
    const objs = Object.values(this.s.objects)
    const pods = objs.filter((o): o is Pod => o.kind === 'Pod')
    for (const svc of objs.filter((o): o is Service => o.kind === 'Service')) {
      const ns = svc.metadata.namespace ?? 'default'
      if (svc.metadata.name === 'kubernetes' || svc.spec.type === 'ExternalName') continue
      const sel = svc.spec.selector
      if (sel)
        this.sliceFromPods(
          svc,
          pods.filter(
            (p) =>
              p.metadata.namespace === ns &&
              Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) &&
              p.status.podIP,
          ),
        )
      else this.sliceFromEndpoints(svc)
    }
    return this
  }

  private sliceFromPods(svc: Service, pods: Pod[]): void {
    const ns = svc.metadata.namespace ?? 'default'
    for (const sp of svc.spec.ports ?? [{ port: 0 } as ServicePort]) {
      const byPort = new Map<number, Pod[]>()
      for (const pod of pods) {
        const tp = sp.targetPort ?? sp.port
        const port =
          typeof tp === 'number'
            ? tp
            : pod.spec.containers.flatMap((c) => c.ports ?? []).find((cp) => cp.name === tp)
                ?.containerPort
        if (port === undefined) continue
        byPort.set(port, [...(byPort.get(port) ?? []), pod])
      }
      for (const [port, list] of byPort) {
        const eps = list.map((p) => ({
          ip: p.status.podIP ?? '',
          ready:
            !p.metadata.deletionTimestamp &&
            p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true,
          node: p.spec.nodeName,
          pod: p.metadata.name,
          terminating: p.metadata.deletionTimestamp !== undefined,
        }))
        this.slice(
          ns,
          svc.metadata.name,
          eps,
          [{ name: sp.name, port }],
          `${svc.metadata.name}-${sp.name ?? 'p'}${port}`,
        )
      }
    }
  }

  private sliceFromEndpoints(svc: Service): void {
    const ns = svc.metadata.namespace ?? 'default'
    const ep = this.s.objects[`Endpoints/${ns}/${svc.metadata.name}`] as Endpoints | undefined
    if (!ep) return
    for (const [i, subset] of (ep.subsets ?? []).entries()) {
      const eps = [
        ...(subset.addresses ?? []).map((a) => ({ ip: a.ip, ready: true })),
        ...(subset.notReadyAddresses ?? []).map((a) => ({ ip: a.ip, ready: false })),
      ]
      this.slice(
        ns,
        svc.metadata.name,
        eps,
        (subset.ports ?? []).map((p) => ({ name: p.name, port: p.port })),
        `${svc.metadata.name}-m${i}`,
      )
    }
  }
}
