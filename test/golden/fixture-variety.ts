// More shapes for the printers: every Service type, named and multi ports, a not-ready-only
// slice, crash-looping and terminating pods with probes, env, resources and commands, a
// rolled-out Deployment with an old ReplicaSet, a tainted control plane and kube-system pods.

import type { KubeObject } from '../../worker/sim/objects/types'
import { putObject, type ClusterState } from '../../worker/sim/state'

type Meta = (
  name: string,
  ns: string | undefined,
  age: number,
  extra?: Partial<KubeObject['metadata']>,
) => KubeObject['metadata']

export function addVariety(s: ClusterState, meta: Meta, ago: (s: number) => string): void {
  const add = (o: KubeObject) => putObject(s, o)
  const ns = 'shop'
  add({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(ns, undefined, 900, { labels: { 'kubernetes.io/metadata.name': ns } }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  })
  const svc = (
    name: string,
    spec: Record<string, unknown>,
    status: Record<string, unknown> = { loadBalancer: {} },
    extra = {},
  ) =>
    add({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(name, ns, 600, extra),
      spec: {
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
        ...spec,
      },
      status,
    })
  svc(
    'api',
    {
      type: 'ClusterIP',
      selector: { app: 'api', tier: 'backend' },
      clusterIP: '10.96.44.3',
      clusterIPs: ['10.96.44.3'],
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http-web' },
        { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090 },
      ],
    },
    undefined,
    {
      labels: { app: 'api', team: 'shop' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n',
        note: 'hello',
      },
    },
  )
  svc('db', {
    type: 'ClusterIP',
    selector: { app: 'db' },
    clusterIP: 'None',
    clusterIPs: ['None'],
    ports: [{ port: 5432, protocol: 'TCP', targetPort: 5432 }],
  })
  svc('ext', {
    type: 'ExternalName',
    externalName: 'example.com',
    ipFamilies: undefined,
    ipFamilyPolicy: undefined,
    internalTrafficPolicy: undefined,
  })
  svc(
    'front',
    {
      type: 'LoadBalancer',
      selector: { app: 'front' },
      clusterIP: '10.96.9.9',
      clusterIPs: ['10.96.9.9'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 32001 }],
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31999,
      allocateLoadBalancerNodePorts: true,
    },
    { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
  )
  svc('manual', {
    type: 'ClusterIP',
    clusterIP: '10.96.3.3',
    clusterIPs: ['10.96.3.3'],
    ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    externalIPs: ['1.2.3.4'],
  })
  const slice = (name: string, service: string, endpoints: unknown[], ports: unknown[]) =>
    add({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta(name, ns, 600, {
        labels: {
          'kubernetes.io/service-name': service,
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
      }),
      addressType: 'IPv4',
      endpoints: endpoints as never,
      ports: ports as never,
    })
  const ep = (ip: string, ready: boolean, node = 'lab-worker') => ({
    addresses: [ip],
    conditions: { ready, serving: ready, terminating: false },
    nodeName: node,
    targetRef: { kind: 'Pod', namespace: ns, name: `pod-${ip.split('.').pop()}` },
  })
  slice(
    'api-abcde',
    'api',
    ['10.244.1.10', '10.244.1.11', '10.244.2.12', '10.244.2.13', '10.244.1.14'].map((ip, i) =>
      ep(ip, i !== 1),
    ),
    [
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'metrics', port: 9090, protocol: 'TCP' },
    ],
  )
  slice('db-fghij', 'db', [ep('10.244.2.20', false)], [{ name: '', port: 5432, protocol: 'TCP' }])
  slice('front-klmno', 'front', [], [])
  add({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('manual', ns, 600),
    subsets: [
      {
        addresses: [
          { ip: '192.168.1.10' },
          { ip: '192.168.1.11' },
          { ip: '192.168.1.12' },
          { ip: '192.168.1.13' },
        ],
        ports: [
          { name: 'web', port: 80, protocol: 'TCP' },
          { name: 'tls', port: 443, protocol: 'TCP' },
        ],
      },
    ],
  })
  add({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('db', ns, 600),
    subsets: [
      { notReadyAddresses: [{ ip: '10.244.2.20' }], ports: [{ port: 5432, protocol: 'TCP' }] },
    ],
  })
  addPods(s, meta, ago, ns)
  addSystem(s, meta, ago)
}

function addSystem(s: ClusterState, meta: Meta, ago: (s: number) => string): void {
  const cp = s.objects['Node//lab-control-plane'] as KubeObject & { spec: Record<string, unknown> }
  cp.spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]
  putObject(s, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('coredns-668d6bf9bc-5x2xv', 'kube-system', 3 * 3600, {
      labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc' },
    }),
    spec: {
      nodeName: 'lab-control-plane',
      priorityClassName: 'system-cluster-critical',
      priority: 2000000000,
      containers: [
        {
          name: 'coredns',
          image: 'registry.k8s.io/coredns/coredns:v1.11.3',
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
          ports: [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
          ],
        },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.2',
      podIP: '10.244.0.2',
      podIPs: [{ ip: '10.244.0.2' }],
      startTime: ago(3 * 3600),
      qosClass: 'Burstable',
      containerStatuses: [
        {
          name: 'coredns',
          image: 'x',
          imageID: 'y',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: ago(3 * 3600) } },
          lastState: {},
        },
      ],
    },
  } as KubeObject)
  const deploy = s.objects['Deployment/default/web'] as KubeObject
  putObject(s, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('web-5c8d7f9b4', 'default', 900, {
      labels: { app: 'web', 'pod-template-hash': '5c8d7f9b4' },
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
    spec: {
      replicas: 0,
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '5c8d7f9b4' } },
      template: {
        metadata: { labels: { app: 'web', 'pod-template-hash': '5c8d7f9b4' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] },
      },
    },
    status: { replicas: 0, observedGeneration: 2 },
  } as KubeObject)
}

function addPods(s: ClusterState, meta: Meta, ago: (s: number) => string, ns: string): void {
  const add = (o: KubeObject) => putObject(s, o)
  const container = {
    name: 'app',
    image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
    command: ['/agnhost'],
    args: ['netexec', '--http-port=8080'],
    ports: [
      { name: 'http-web', containerPort: 8080, protocol: 'TCP' },
      { containerPort: 9090, protocol: 'TCP', hostPort: 9090 },
    ],
    env: [
      { name: 'MODE', value: 'test' },
      { name: 'MULTI', value: 'a\nb' },
      {
        name: 'POD_NAME',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } },
      },
    ],
    resources: {
      limits: { cpu: '500m', memory: '128Mi' },
      requests: { cpu: '250m', memory: '64Mi' },
    },
    readinessProbe: {
      httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
      initialDelaySeconds: 2,
      timeoutSeconds: 1,
      periodSeconds: 5,
      successThreshold: 1,
      failureThreshold: 3,
    },
    livenessProbe: {
      exec: { command: ['cat', '/tmp/healthy'] },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    },
  }
  const base = (name: string, age: number, extra: Partial<KubeObject['metadata']> = {}) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, ns, age, { labels: { app: 'api', tier: 'backend' }, ...extra }),
  })
  add({
    ...base('api-crash', 900),
    spec: {
      containers: [container],
      nodeName: 'lab-worker',
      restartPolicy: 'Always',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [
        { operator: 'Exists' },
        { key: 'dedicated', operator: 'Equal', value: 'api', effect: 'NoSchedule' },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.3',
      podIP: '10.244.1.10',
      podIPs: [{ ip: '10.244.1.10' }],
      startTime: ago(900),
      qosClass: 'Burstable',
      conditions: [
        { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: ago(800) },
      ],
      containerStatuses: [
        {
          name: 'app',
          image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
          imageID: 'sha',
          containerID: 'containerd://abc',
          ready: false,
          restartCount: 5,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: 'back-off 2m40s restarting failed container',
            },
          },
          lastState: {
            terminated: { exitCode: 2, reason: 'Error', startedAt: ago(100), finishedAt: ago(95) },
          },
        },
      ],
    },
  } as KubeObject)
  add({
    ...base('api-term', 700, { deletionTimestamp: ago(-25), deletionGracePeriodSeconds: 30 }),
    spec: {
      containers: [{ name: 'app', image: 'nginx', ports: [] }],
      nodeName: 'lab-worker2',
      restartPolicy: 'Always',
    },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.4',
      podIP: '10.244.2.12',
      podIPs: [{ ip: '10.244.2.12' }],
      startTime: ago(700),
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx',
          imageID: 'x',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: ago(690) } },
          lastState: {},
        },
      ],
    },
  } as KubeObject)
  add({
    ...base('job-done', 400, { labels: { job: 'x' } }),
    spec: {
      containers: [{ name: 'main', image: 'busybox' }],
      restartPolicy: 'Never',
      nodeName: 'lab-worker2',
    },
    status: {
      phase: 'Succeeded',
      hostIP: '172.18.0.4',
      podIP: '10.244.2.30',
      podIPs: [{ ip: '10.244.2.30' }],
      startTime: ago(400),
      containerStatuses: [
        {
          name: 'main',
          image: 'busybox',
          imageID: 'y',
          ready: false,
          restartCount: 0,
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: ago(399),
              finishedAt: ago(390),
            },
          },
          lastState: {},
        },
      ],
    },
  } as KubeObject)
  add({
    ...base('unscheduled', 30),
    spec: { containers: [{ name: 'main', image: 'nope:1' }], restartPolicy: 'Always' },
    status: {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: ago(30),
          reason: 'Unschedulable',
          message: '0/3 nodes are available',
        },
      ],
    },
  } as KubeObject)
}
