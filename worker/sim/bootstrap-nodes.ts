// The nodes of a new learner cluster (bootstrap.ts), as `kind create cluster --name lab` with two
// workers makes them (kind v0.26, Kubernetes v1.32.2), and the metadata every object it starts
// with carries.

import type { Node } from './objects/types'
import { randomHex, randomUid, type ClusterState } from './state'
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

/** A system object's metadata, created at `now`: a new uid, its resourceVersion set on put. */
export function meta(
  s: ClusterState,
  name: string,
  now: number,
  namespace?: string,
): Node['metadata'] {
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

/** A kind node: its labels, taints on the control plane, capacity, addresses and node info. */
export function node(s: ClusterState, n: (typeof NODES)[number], now: number): Node {
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
