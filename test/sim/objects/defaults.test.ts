// Defaults as a real 1.32 API server fills them (V12 and the pod/deployment defaults).
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject } from '../../../worker/sim/objects'
import type { KubeObject } from '../../../worker/sim/objects/types'

function create(manifest: string, s = newState()): KubeObject {
  const r = createObject(s, y(manifest), { now: NOW })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('Service', () => {
  test('NodePort: clusterIP, nodePort, families, policies', () => {
    const svc = create(
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80}]\n',
    )
    const spec = svc.spec as Record<string, unknown>
    const ip = spec.clusterIP as string
    expect(spec).toEqual({
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: expect.any(Number) }],
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    })
    const nodePort = (spec.ports as { nodePort: number }[])[0]!.nodePort
    expect(nodePort).toBeGreaterThanOrEqual(30000)
    expect(nodePort).toBeLessThanOrEqual(32767)
    const n = ip.split('.').map(Number)
    expect(n[0]).toBe(10)
    expect(n[1]! >= 96 && n[1]! <= 111).toBe(true)
    expect(svc.status).toEqual({ loadBalancer: {} })
    expect(svc.metadata).toEqual({
      name: 'web',
      namespace: 'default',
      uid: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      creationTimestamp: '2026-11-26T06:00:00Z',
      resourceVersion: expect.stringMatching(/^\d+$/),
    })
  })

  test('LoadBalancer gets allocateLoadBalancerNodePorts; ClientIP gets its timeout', () => {
    const spec = create(
      'apiVersion: v1\nkind: Service\nmetadata: {name: lb}\nspec:\n  type: LoadBalancer\n  sessionAffinity: ClientIP\n  ports: [{port: 80, targetPort: http}]\n',
    ).spec as Record<string, unknown>
    expect(spec.allocateLoadBalancerNodePorts).toBe(true)
    expect(spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } })
    expect((spec.ports as { targetPort: unknown }[])[0]!.targetPort).toBe('http')
  })

  test('headless without selector is RequireDualStack; ExternalName has no IP fields', () => {
    const h = create(
      'apiVersion: v1\nkind: Service\nmetadata: {name: h}\nspec:\n  clusterIP: None\n  ports: [{port: 80}]\n',
    ).spec as Record<string, unknown>
    expect([h.clusterIP, h.clusterIPs, h.ipFamilyPolicy, h.ipFamilies]).toEqual([
      'None',
      ['None'],
      'RequireDualStack',
      ['IPv4', 'IPv6'],
    ])
    const e = create(
      'apiVersion: v1\nkind: Service\nmetadata: {name: e}\nspec:\n  type: ExternalName\n  externalName: example.com\n',
    ).spec
    expect(e).toEqual({
      type: 'ExternalName',
      externalName: 'example.com',
      sessionAffinity: 'None',
    })
  })

  test('allocated ClusterIPs and NodePorts never collide and skip the reserved ones', () => {
    const s = newState(7)
    const ips = new Set<string>()
    const ports = new Set<number>()
    for (let i = 0; i < 40; i++) {
      const spec = create(
        `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n`,
        s,
      ).spec as { clusterIP: string; ports: { nodePort: number }[] }
      ips.add(spec.clusterIP)
      ports.add(spec.ports[0]!.nodePort)
    }
    expect(ips.size).toBe(40)
    expect(ports.size).toBe(40)
    expect(ips.has('10.96.0.1') || ips.has('10.96.0.10')).toBe(false)
  })

  test('the same seed gives the same allocations', () => {
    const m =
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n'
    expect(create(m, newState(3))).toEqual(create(m, newState(3)))
  })
})

test('Deployment defaults (as `kubectl get deploy -o yaml` shows them)', () => {
  const d = create(
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: nginx, image: nginx}]\n',
  )
  expect(d.metadata.generation).toBe(1)
  expect(d.spec).toEqual({
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    template: {
      metadata: { creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            imagePullPolicy: 'Always',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    },
  })
  expect(d.status).toEqual({})
})

test('Pod defaults and admission additions', () => {
  const p = create(
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {run: p}}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    ports: [{containerPort: 80}]\n    readinessProbe: {httpGet: {port: 80}}\n',
  )
  const spec = p.spec as Record<string, unknown>
  const c = (spec.containers as Record<string, unknown>[])[0]!
  expect(c.imagePullPolicy).toBe('IfNotPresent')
  expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }])
  expect(c.readinessProbe).toEqual({
    httpGet: { path: '/', port: 80, scheme: 'HTTP' },
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  })
  expect(c.volumeMounts).toEqual([
    {
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      name: expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/),
      readOnly: true,
    },
  ])
  expect([
    spec.restartPolicy,
    spec.dnsPolicy,
    spec.terminationGracePeriodSeconds,
    spec.schedulerName,
    spec.serviceAccountName,
    spec.serviceAccount,
  ]).toEqual(['Always', 'ClusterFirst', 30, 'default-scheduler', 'default', 'default'])
  expect([spec.enableServiceLinks, spec.preemptionPolicy, spec.priority]).toEqual([
    true,
    'PreemptLowerPriority',
    0,
  ])
  expect(spec.tolerations).toEqual([
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
  ])
  expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
  expect(p.metadata.generation).toBeUndefined()
})

test('Namespace gets its name label, finalizer and phase', () => {
  const ns = create('apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n')
  expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' })
  expect(ns.spec).toEqual({ finalizers: ['kubernetes'] })
  expect(ns.status).toEqual({ phase: 'Active' })
  expect(ns.metadata.namespace).toBeUndefined()
})

test('dry run allocates nothing and stores nothing', () => {
  const s = newState()
  const before = JSON.stringify(s)
  const r = createObject(
    s,
    y(
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports: [{port: 80}]\n',
    ),
    { now: NOW, dryRun: true },
  )
  expect(r.ok).toBe(true)
  expect(JSON.stringify(s)).toBe(before)
})
