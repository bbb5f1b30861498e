// A hand-built kind-like cluster for printer golden tests: built with putObject only, so the
// printers are tested independently of the controllers. Times are fixed offsets from NOW.

import { emptyState, formatTimestamp, putObject, type ClusterState } from '../../worker/sim/state'
import type { KubeObject } from '../../worker/sim/objects/types'
import { addVariety } from './fixture-variety'

export const NOW = Date.parse('2026-11-26T08:00:00Z')
let base = NOW
export const ago = (s: number): string => formatTimestamp(base - s * 1000)

let uidCounter = 0
const uid = (): string => `00000000-0000-4000-8000-${String(++uidCounter).padStart(12, '0')}`

function meta(
  name: string,
  namespace: string | undefined,
  ageSeconds: number,
  extra: Partial<KubeObject['metadata']> = {},
) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: uid(),
    resourceVersion: '1',
    creationTimestamp: ago(ageSeconds),
    ...extra,
  }
}

function node(name: string, ip: string, role?: string): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  }
  if (role) labels[`node-role.kubernetes.io/${role}`] = ''
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, 3 * 3600 + 120, { labels }),
    spec: {
      podCIDR: '10.244.0.0/24',
      podCIDRs: ['10.244.0.0/24'],
      providerID: `kind://docker/lab/${name}`,
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          lastHeartbeatTime: ago(30),
          lastTransitionTime: ago(3 * 3600),
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.32.2',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-49-generic',
        containerRuntimeVersion: 'containerd://2.0.2',
        architecture: 'amd64',
        operatingSystem: 'linux',
      },
      capacity: { cpu: '4', memory: '16318072Ki', pods: '110' },
      allocatable: { cpu: '4', memory: '16318072Ki', pods: '110' },
    },
  }
}

const HOST_IPS: Record<string, string> = { 'lab-worker': '172.18.0.3', 'lab-worker2': '172.18.0.4' }

function pod(
  name: string,
  ip: string,
  nodeName: string,
  labels: Record<string, string>,
  owner: KubeObject,
  opts: { ready?: boolean; restarts?: number; waiting?: string } = {},
): KubeObject {
  const ready = opts.ready ?? true
  const state = opts.waiting
    ? { waiting: { reason: opts.waiting } }
    : { running: { startedAt: ago(290) } }
  const cond = (type: string, ok: boolean) => ({
    type,
    status: ok ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: ago(290),
  })
  const token = `kube-api-access-${name.slice(-5)}`
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, 'default', 300, {
      generateName: 'web-7d9f8b6c5d-',
      labels,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: owner.metadata.name,
          uid: owner.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    }),
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [
            {
              name: token,
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
        },
      ],
      nodeName,
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        {
          name: token,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              {
                configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' },
              },
              {
                downwardAPI: {
                  items: [
                    {
                      fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
                      path: 'namespace',
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      phase: opts.waiting ? 'Pending' : 'Running',
      hostIP: HOST_IPS[nodeName],
      hostIPs: [{ ip: HOST_IPS[nodeName] ?? '' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: ago(300),
      qosClass: 'BestEffort',
      conditions: [
        cond('PodReadyToStartContainers', !opts.waiting),
        cond('Initialized', true),
        cond('Ready', ready),
        cond('ContainersReady', ready),
        cond('PodScheduled', true),
      ],
      containerStatuses: [
        {
          name: 'nginx',
          image: 'docker.io/library/nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:7f7a5e2b6f1c',
          ready,
          started: !opts.waiting,
          ...(opts.waiting
            ? {}
            : {
                containerID: `containerd://${name.slice(-5)}0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b`,
              }),
          restartCount: opts.restarts ?? 0,
          state,
          lastState: opts.restarts
            ? {
                terminated: {
                  exitCode: 1,
                  reason: 'Error',
                  startedAt: ago(200),
                  finishedAt: ago(65),
                },
              }
            : {},
        },
      ],
    },
  }
}

const uidOf = (s: ClusterState, key: string): string => s.objects[key]?.metadata.uid ?? ''

/** default + kube-system objects of a small lab: 3 nodes, a 2-replica `web` deployment and its Service. */
export function buildCluster(now = NOW): ClusterState {
  uidCounter = 0
  base = now
  const s = emptyState(1, now - 4 * 3600 * 1000)
  const add = (o: KubeObject) => putObject(s, o)
  add(node('lab-control-plane', '172.18.0.2', 'control-plane'))
  add(node('lab-worker', '172.18.0.3'))
  add(node('lab-worker2', '172.18.0.4'))
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    add({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta(ns, undefined, 3 * 3600 + 120, {
        labels: { 'kubernetes.io/metadata.name': ns },
      }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    })
  }
  add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('kubernetes', 'default', 3 * 3600 + 120, {
      labels: { component: 'apiserver', provider: 'kubernetes' },
    }),
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  })
  add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web', 'default', 240, { labels: { app: 'web' } }),
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      clusterIP: '10.96.120.15',
      clusterIPs: ['10.96.120.15'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  })
  add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('lb', 'default', 60),
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'web' },
      clusterIP: '10.96.7.200',
      clusterIPs: ['10.96.7.200'],
      ports: [
        { name: 'http', port: 8080, protocol: 'TCP', targetPort: 80, nodePort: 31234 },
        { name: 'https', port: 8443, protocol: 'TCP', targetPort: 443, nodePort: 31235 },
      ],
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      allocateLoadBalancerNodePorts: true,
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: {} },
  })
  const template = (labels: Record<string, string>) => ({
    metadata: { creationTimestamp: null, labels },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    },
  })
  const deploy = add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web', 'default', 300, {
      labels: { app: 'web' },
      generation: 1,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
    }),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: template({ app: 'web' }),
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 1,
      conditions: [
        {
          type: 'Available',
          status: 'False',
          lastUpdateTime: ago(300),
          lastTransitionTime: ago(300),
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: ago(280),
          lastTransitionTime: ago(300),
          reason: 'ReplicaSetUpdated',
          message: 'ReplicaSet "web-7d9f8b6c5d" is progressing.',
        },
      ],
    },
  })
  const podLabels = { app: 'web', 'pod-template-hash': '7d9f8b6c5d' }
  const rs = add({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('web-7d9f8b6c5d', 'default', 300, {
      labels: podLabels,
      generation: 1,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'web',
          uid: deploy.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    }),
    spec: { replicas: 3, selector: { matchLabels: podLabels }, template: template(podLabels) },
    status: {
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    },
  })
  add(pod('web-7d9f8b6c5d-4xkqz', '10.244.1.5', 'lab-worker', podLabels, rs))
  add(pod('web-7d9f8b6c5d-b2n8w', '10.244.2.3', 'lab-worker2', podLabels, rs, { restarts: 2 }))
  add(
    pod('web-7d9f8b6c5d-zz9lp', '10.244.2.4', 'lab-worker2', podLabels, rs, {
      ready: false,
      waiting: 'ContainerCreating',
    }),
  )
  add({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('web', 'default', 240, { labels: { app: 'web' } }),
    subsets: [
      {
        addresses: [
          { ip: '10.244.1.5', nodeName: 'lab-worker' },
          { ip: '10.244.2.3', nodeName: 'lab-worker2' },
        ],
        notReadyAddresses: [{ ip: '10.244.2.4', nodeName: 'lab-worker2' }],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ],
  })
  add({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('kubernetes', 'default', 3 * 3600 + 120, {
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    }),
    subsets: [
      {
        addresses: [{ ip: '172.18.0.2' }],
        ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
      },
    ],
  })
  add({ apiVersion: 'v1', kind: 'Endpoints', metadata: meta('lb', 'default', 60), subsets: [] })
  add({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta('web-x7k2p', 'default', 240, {
      labels: {
        'kubernetes.io/service-name': 'web',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
    }),
    addressType: 'IPv4',
    endpoints: [
      {
        addresses: ['10.244.1.5'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'lab-worker',
      },
      {
        addresses: ['10.244.2.3'],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: 'lab-worker2',
      },
      {
        addresses: ['10.244.2.4'],
        conditions: { ready: false, serving: false, terminating: false },
        nodeName: 'lab-worker2',
      },
    ],
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
  })
  add({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('web-7d9f8b6c5d-4xkqz.187b1a2c3d4e5f60', 'default', 300),
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: 'web-7d9f8b6c5d-4xkqz',
      apiVersion: 'v1',
      uid: uidOf(s, 'Pod/default/web-7d9f8b6c5d-4xkqz'),
    },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web-7d9f8b6c5d-4xkqz to lab-worker',
    type: 'Normal',
    source: { component: 'default-scheduler' },
    firstTimestamp: ago(300),
    lastTimestamp: ago(300),
    count: 1,
  })
  add({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('web-7d9f8b6c5d-4xkqz.187b1a2c4f000000', 'default', 298),
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: 'web-7d9f8b6c5d-4xkqz',
      apiVersion: 'v1',
      uid: uidOf(s, 'Pod/default/web-7d9f8b6c5d-4xkqz'),
      fieldPath: 'spec.containers{nginx}',
    },
    reason: 'Pulled',
    message: 'Container image "nginx:1.27" already present on machine',
    type: 'Normal',
    source: { component: 'kubelet', host: 'lab-worker' },
    firstTimestamp: ago(298),
    lastTimestamp: ago(298),
    count: 1,
  })
  add({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('web.187b1a2c3c000000', 'default', 300),
    involvedObject: {
      kind: 'Deployment',
      namespace: 'default',
      name: 'web',
      apiVersion: 'apps/v1',
      uid: uidOf(s, 'Deployment/default/web'),
    },
    reason: 'ScalingReplicaSet',
    message: 'Scaled up replica set web-7d9f8b6c5d from 0 to 3',
    type: 'Normal',
    source: { component: 'deployment-controller' },
    firstTimestamp: ago(300),
    lastTimestamp: ago(300),
    count: 1,
  })
  add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('kube-dns', 'kube-system', 3 * 3600 + 100, {
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
    }),
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  })
  addVariety(s, meta, ago)
  return s
}
