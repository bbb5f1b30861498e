import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Lab } from './helpers'
import { settle } from '../../../worker/sim/controllers/settle'
import { createObject } from '../../../worker/sim/objects/create'
import { deleteObject } from '../../../worker/sim/objects/delete'
import { listObjects } from '../../../worker/sim/state'

const images = [
  'nginx',
  'nginx:1.19',
  'ngnix',
  'busybox',
  'ubuntu',
  'curlimages/curl',
  'hashicorp/http-echo',
  'registry.k8s.io/e2e-test-images/agnhost:2.53',
  'Bad Image',
  'nicolaka/netshoot',
  'httpd:2.4',
]
const commands = [
  undefined,
  ['sleep', '30'],
  ['sh', '-c', 'sleep 3600'],
  ['echo', 'hi'],
  ['false'],
  ['nosuch'],
  ['sh', '-c', 'while true; do sleep 1; done'],
]
const probes = [
  undefined,
  { httpGet: { path: '/', port: 80 } },
  { tcpSocket: { port: 8080 } },
  { exec: { command: ['cat', '/tmp/x'] } },
  { httpGet: { path: '/x', port: 'web' }, periodSeconds: 3, failureThreshold: 1 },
]

const action = fc.oneof(
  fc.record({
    kind: fc.constant('deploy' as const),
    name: fc.constantFrom('a', 'b', 'c'),
    replicas: fc.integer({ min: 0, max: 4 }),
    image: fc.constantFrom(...images),
    command: fc.constantFrom(...commands),
    probe: fc.constantFrom(...probes),
    live: fc.constantFrom(...probes),
  }),
  fc.record({
    kind: fc.constant('pod' as const),
    name: fc.constantFrom('p', 'q'),
    image: fc.constantFrom(...images),
    command: fc.constantFrom(...commands),
    never: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('svc' as const),
    name: fc.constantFrom('s', 't'),
    selector: fc.constantFrom('a', 'b', 'p', ''),
    target: fc.constantFrom<number | string>(80, 'web', 8080),
    lb: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 4000 }) }),
)

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never

function apply(lab: Lab, a: Action): void {
  const opts = { now: lab.now }
  if (a.kind === 'wait') {
    lab.wait(a.seconds)
    return
  }
  if (a.kind === 'delete') {
    const pods = listObjects(lab.s, 'Pod', 'default')
    const p = pods[a.which % Math.max(1, pods.length)]
    if (p) deleteObject(lab.s, 'Pod', 'default', p.metadata.name, opts)
  } else if (a.kind === 'deploy') {
    const container: Record<string, unknown> = {
      name: 'main',
      image: a.image,
      ports: [{ name: 'web', containerPort: 80 }],
    }
    if (a.command) container.command = a.command
    if (a.probe) container.readinessProbe = a.probe
    if (a.live) container.livenessProbe = a.live
    createObject(
      lab.s,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: a.name, namespace: 'default' },
        spec: {
          replicas: a.replicas,
          selector: { matchLabels: { app: a.name } },
          template: { metadata: { labels: { app: a.name } }, spec: { containers: [container] } },
        },
      },
      opts,
    )
  } else if (a.kind === 'pod') {
    const container: Record<string, unknown> = { name: 'main', image: a.image }
    if (a.command) container.command = a.command
    createObject(
      lab.s,
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: a.name, namespace: 'default', labels: { app: a.name } },
        spec: { containers: [container], restartPolicy: a.never ? 'Never' : 'Always' },
      },
      opts,
    )
  } else {
    const spec: Record<string, unknown> = {
      ports: [{ port: 80, targetPort: a.target }],
      type: a.lb ? 'LoadBalancer' : 'ClusterIP',
    }
    if (a.selector) spec.selector = { app: a.selector }
    createObject(
      lab.s,
      { apiVersion: 'v1', kind: 'Service', metadata: { name: a.name, namespace: 'default' }, spec },
      opts,
    )
  }
  settle(lab.s, lab.now)
}

describe('controllers under random workloads', () => {
  it('never throw, stay idempotent, and keep IPs unique per node', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 10_000 }),
        (actions, seed) => {
          const lab = new Lab(seed)
          for (const a of actions) {
            apply(lab, a)
            const json = JSON.stringify(lab.s)
            settle(lab.s, lab.now)
            expect(JSON.stringify(lab.s)).toBe(json)
            const ips = lab
              .pods()
              .map((p) => p.status.podIP)
              .filter((ip) => ip !== undefined)
            expect(new Set(ips).size).toBe(ips.length)
          }
        },
      ),
      { numRuns: 60 },
    )
  })
})
