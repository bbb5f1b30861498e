// The objects of a new learner cluster besides its nodes (bootstrap.ts): the four namespaces,
// the `kubernetes` Service of the apiserver with its endpoints, and CoreDNS (its Deployment and
// the `kube-dns` Service), as kind makes them.

import type { Deployment, Endpoints, EndpointSlice, Namespace, Service } from './objects/types'
import { defaultPodSpec } from './objects/defaults-pod'
import { putObject, type ClusterState } from './state'
import { meta, NODES } from './bootstrap-nodes'

/** One of the four namespaces kind starts with. */
export function namespace(s: ClusterState, name: string, now: number): Namespace {
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

/** The `kubernetes` Service in default, with its Endpoints and EndpointSlice (the apiserver). */
export function apiServerObjects(s: ClusterState, now: number): void {
  // the apiserver listens on the control-plane node's address
  const apiserver = NODES.find((n) => n.controlPlane)!.ip
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
        addresses: [{ ip: apiserver }],
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
    endpoints: [{ addresses: [apiserver], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  }
  putObject(s, slice)
}

/** CoreDNS's Deployment in kube-system, as kind's manifests make it. */
export function corednsDeployment(s: ClusterState, now: number): Deployment {
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

/** CoreDNS's `kube-dns` Service, 10.96.0.10. */
export function kubeDNS(s: ClusterState, now: number): Service {
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
