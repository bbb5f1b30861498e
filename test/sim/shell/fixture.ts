// A cluster with the seed scenario of the course notes, built through the API server and settled.

import { newCluster } from '../../../worker/sim/bootstrap'
import { settle } from '../../../worker/sim/controllers/settle'
import { createObject } from '../../../worker/sim/objects/create'
import { run, type RunResult } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'

export const T0 = Date.parse('2026-11-26T06:00:00Z')

const deployment = (
  name: string,
  labels: Record<string, string>,
  image: string,
  replicas: number,
) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels },
  spec: {
    replicas,
    selector: { matchLabels: labels },
    template: {
      metadata: { labels },
      spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] },
    },
  },
})

/** default namespace: the blue deployments (nginx + magicalnginx), my-blue-service, blue-np (NodePort 30080), empty-svc (no endpoints), access-pod (ubuntu), bb (busybox), cc (curlimages/curl). */
export function scenario(seed = 7): ClusterState {
  const s = newCluster(seed, T0)
  const objects = [
    deployment('nginx-deployment-3', { color: 'blue' }, 'nginx:1.19', 1),
    deployment('nginx-deployment-4', { color: 'blue' }, 'anshuldevops/magicalnginx:latest', 1),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'my-blue-service' },
      spec: {
        selector: { color: 'blue' },
        ports: [{ protocol: 'TCP', port: 8080, targetPort: 80 }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'blue-np' },
      spec: {
        type: 'NodePort',
        selector: { color: 'blue' },
        ports: [{ port: 80, nodePort: 30080 }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'empty-svc' },
      spec: { selector: { app: 'none' }, ports: [{ port: 80 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'access-pod' },
      spec: {
        containers: [
          {
            name: 'access-pod-container',
            image: 'ubuntu:latest',
            command: ['sh', '-c', 'sleep 3600'],
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bb' },
      spec: { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cc' },
      spec: { containers: [{ name: 'cc', image: 'curlimages/curl', command: ['sleep', '3600'] }] },
    },
  ]
  for (const o of objects) {
    const r = createObject(s, o, { now: T0 })
    if (!r.ok) throw new Error(r.error.message)
  }
  for (const dt of [0, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000]) settle(s, T0 + dt)
  return s
}

/** Runs a line two minutes after the scenario started, like a learner typing it. */
export function sh(s: ClusterState, line: string, stdin?: string): RunResult {
  return run(s, line, { now: T0 + 120_000, stdin, history: [] })
}
