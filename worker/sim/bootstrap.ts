// A new learner cluster, shaped like `kind create cluster --name lab` with two workers
// (kind v0.26, Kubernetes v1.32.2): three nodes, the four system namespaces, the `kubernetes`
// Service and CoreDNS with its `kube-dns` Service, everything created at `now`.
// Simplified to keep the cluster document small: no static control-plane pods (etcd,
// kube-apiserver, controller-manager, scheduler), no kube-proxy/kindnet DaemonSets, no
// local-path-provisioner, no ServiceAccounts/ConfigMaps; node status lists only pulled images.

import type {
  Deployment,
  Endpoints,
  EndpointSlice,
  Namespace,
  Node,
  Pod,
  Service,
} from './objects/types'
import { defaultPodSpec } from './objects/defaults-pod'
import {
  emptyState,
  getObject,
  listObjects,
  putObject,
  randomHex,
  randomUid,
  removeObject,
  type ClusterState,
} from './state'
import { settle } from './controllers/settle'
import { startPodNow } from './controllers/kubelet'
import { findImage } from './images/catalog'
import { ts } from './controllers/util'

/** The three nodes of `kind create cluster --name lab` with two workers. */
export const NODES = [
  { name: 'lab-control-plane', ip: '172.18.0.2', cidr: '10.244.0.0/24', controlPlane: true },
  { name: 'lab-worker', ip: '172.18.0.3', cidr: '10.244.1.0/24', controlPlane: false },
  { name: 'lab-worker2', ip: '172.18.0.4', cidr: '10.244.2.0/24', controlPlane: false },
]

const CAPACITY = {
  cpu: '4',
  'ephemeral-storage': '102626232Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '16351068Ki',
  pods: '110',
}

function meta(s: ClusterState, name: string, now: number, namespace?: string): Node['metadata'] {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: randomUid(s),
    resourceVersion: '',
    creationTimestamp: ts(now),
  }
}

function uuid(s: ClusterState): string {
  const h = randomHex(s, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function node(s: ClusterState, n: (typeof NODES)[number], now: number): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  }
  if (n.controlPlane)
    Object.assign(labels, {
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    })
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: ts(now),
    lastTransitionTime: ts(now),
    reason,
    message,
  })
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      ...meta(s, n.name, now),
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: n.cidr,
      podCIDRs: [n.cidr],
      providerID: `kind://docker/lab/${n.name}`,
      ...(n.controlPlane
        ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] }
        : {}),
    },
    status: {
      addresses: [
        { address: n.ip, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: { ...CAPACITY },
      capacity: { ...CAPACITY },
      conditions: [
        cond(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond(
          'PIDPressure',
          'False',
          'KubeletHasSufficientPID',
          'kubelet has sufficient PID available',
        ),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [],
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuid(s),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-49-generic',
        kubeProxyVersion: 'v1.32.2',
        kubeletVersion: 'v1.32.2',
        machineID: randomHex(s, 32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: uuid(s),
      },
    },
  }
}

function namespace(s: ClusterState, name: string, now: number): Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { ...meta(s, name, now), labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }
}

function clusterIPService(
  s: ClusterState,
  ns: string,
  name: string,
  ip: string,
  now: number,
  extra: Partial<Service['spec']>,
  labels: Record<string, string>,
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...meta(s, name, now, ns), labels },
    spec: {
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      type: 'ClusterIP',
      ...extra,
    },
    status: { loadBalancer: {} },
  }
}

function apiServerObjects(s: ClusterState, now: number): void {
  const ports = [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]
  putObject(
    s,
    clusterIPService(
      s,
      'default',
      'kubernetes',
      '10.96.0.1',
      now,
      { ports },
      { component: 'apiserver', provider: 'kubernetes' },
    ),
  )
  const ep: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      ...meta(s, 'kubernetes', now, 'default'),
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [
      {
        addresses: [{ ip: '172.18.0.2' }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
    ],
  }
  putObject(s, ep)
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      ...meta(s, 'kubernetes', now, 'default'),
      generation: 1,
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['172.18.0.2'], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  }
  putObject(s, slice)
}

function corednsDeployment(s: ClusterState, now: number): Deployment {
  const template: Deployment['spec']['template'] = {
    metadata: { labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      containers: [
        {
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
          imagePullPolicy: 'IfNotPresent',
          args: ['-conf', '/etc/coredns/Corefile'],
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          livenessProbe: {
            httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 60,
            timeoutSeconds: 5,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 5,
          },
          readinessProbe: {
            httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' },
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
          },
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        },
      ],
      dnsPolicy: 'Default',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
      serviceAccount: 'coredns',
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
      ],
    },
  }
  defaultPodSpec(template.spec as unknown as Record<string, unknown>)
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      ...meta(s, 'coredns', now, 'kube-system'),
      generation: 1,
      labels: { 'k8s-app': 'kube-dns' },
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
      template,
    },
    status: {},
  }
}

function kubeDNS(s: ClusterState, now: number): Service {
  const svc = clusterIPService(
    s,
    'kube-system',
    'kube-dns',
    '10.96.0.10',
    now,
    {
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
    },
    {
      'k8s-app': 'kube-dns',
      'kubernetes.io/cluster-service': 'true',
      'kubernetes.io/name': 'CoreDNS',
    },
  )
  svc.metadata.annotations = { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' }
  return svc
}

/** The kind-like cluster of DESIGN.md, fully settled at `now`. */
export function newCluster(seed: number, now: number): ClusterState {
  const s = emptyState(seed, now)
  const [cp, ...workers] = NODES.map((n) => node(s, n, now))
  const controlPlane = putObject(s, cp as Node)
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    putObject(s, namespace(s, name, now))
  apiServerObjects(s, now)
  putObject(s, corednsDeployment(s, now))
  putObject(s, kubeDNS(s, now))
  settle(s, now)
  for (const pod of listObjects<Pod>(s, 'Pod', 'kube-system'))
    startPodNow(s, pod, controlPlane, now)
  for (const w of workers) putObject(s, w)
  settle(s, now)
  for (const ev of listObjects(s, 'Event'))
    removeObject(s, 'Event', ev.metadata.namespace, ev.metadata.name)
  const image = findImage('registry.k8s.io/coredns/coredns:v1.11.3')
  const cpNode = getObject<Node>(s, 'Node', undefined, 'lab-control-plane') as Node
  if (image)
    cpNode.status.images = [{ names: [image.imageID, image.fullName], sizeBytes: image.sizeBytes }]
  return s
}
