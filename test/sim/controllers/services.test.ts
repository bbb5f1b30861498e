import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Lab, deployment } from './helpers'
import type { Endpoints, EndpointSlice, Service } from '../../../worker/sim/objects/types'
import { listObjects, putObject } from '../../../worker/sim/state'
import { settle } from '../../../worker/sim/controllers/settle'
import { EVENTS_MAX } from '../../../worker/sim/controllers/events'

const svc = (
  name: string,
  selector: string,
  port: number,
  targetPort: string | number,
  type = 'ClusterIP',
) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  type: ${type}
${selector ? `  selector:\n    ${selector}\n` : ''}  ports:
  - port: ${port}
    targetPort: ${targetPort}
`

const SEED_SCENARIO = [
  deployment(
    'nginx-deployment-1.0',
    'nginx:1.19',
    1,
    '        ports:\n        - containerPort: 80\n',
  ),
  deployment(
    'nginx-deployment-1.1',
    'anshuldevops/magicalnginx:latest',
    3,
    '        ports:\n        - containerPort: 80\n',
  ),
  deployment('nginx-deployment-3', 'nginx:1.19', 1).replace(
    /app: nginx-deployment-3/g,
    'color: blue',
  ),
  deployment('nginx-deployment-4', 'anshuldevops/magicalnginx:latest', 1).replace(
    /app: nginx-deployment-4/g,
    'color: blue',
  ),
  `apiVersion: v1
kind: Pod
metadata:
  name: access-pod
spec:
  containers:
  - name: access-pod-container
    image: ubuntu:latest
    command: ["sh", "-c", "sleep 3600"]
`,
  svc('my-service', '', 8080, 80),
  svc('my-blue-service', 'color: blue', 8080, 80),
  svc('my-lb', 'color: blue', 80, 80, 'LoadBalancer'),
].join('---\n')

function slicesOf(lab: Lab, name: string): EndpointSlice[] {
  return listObjects<EndpointSlice>(lab.s, 'EndpointSlice', 'default').filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === name,
  )
}

describe('endpoints, endpointslices and load balancers', () => {
  it('lists ready pods in addresses and not-ready ones in notReadyAddresses', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 2, '        ports:\n        - containerPort: 80\n'))
    lab.create(svc('web', 'app: web', 80, 80))
    lab.wait(2)
    let ep = lab.get<Endpoints>('Endpoints', 'web') as Endpoints
    expect(ep.subsets?.[0]?.addresses).toBeUndefined()
    expect(ep.subsets?.[0]?.notReadyAddresses).toHaveLength(2)
    expect(slicesOf(lab, 'web')[0]?.endpoints?.map((e) => e.conditions)).toEqual([
      { ready: false, serving: false, terminating: false },
      { ready: false, serving: false, terminating: false },
    ])
    lab.wait(30)
    ep = lab.get<Endpoints>('Endpoints', 'web') as Endpoints
    expect(ep.subsets?.[0]?.addresses?.map((a) => a.ip).sort()).toEqual(
      lab
        .pods()
        .map((p) => p.status.podIP)
        .sort(),
    )
    expect(ep.subsets?.[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }])
    expect(ep.subsets?.[0]?.addresses?.[0]?.targetRef?.kind).toBe('Pod')
  })

  it('a selector service with no pods has no subsets and a placeholder slice', () => {
    const lab = new Lab()
    lab.create(svc('lonely', 'app: nothing', 80, 80))
    expect((lab.get<Endpoints>('Endpoints', 'lonely') as Endpoints).subsets).toBeUndefined()
    const [slice] = slicesOf(lab, 'lonely')
    expect(slice?.metadata.name).toMatch(/^lonely-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(slice?.endpoints).toBeNull()
    expect(slice?.ports).toBeNull()
    expect(slice?.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslice-controller.k8s.io',
    )
  })

  it('resolves a named targetPort per pod and leaves out pods without it', () => {
    const lab = new Lab()
    lab.create(
      deployment(
        'a',
        'nginx:1.19',
        1,
        '        ports:\n        - name: web\n          containerPort: 80\n',
      ).replace(/app: a$/gm, 'tier: front'),
    )
    lab.create(
      deployment(
        'b',
        'registry.k8s.io/e2e-test-images/agnhost:2.53',
        1,
        '        args: ["netexec", "--http-port=8080"]\n        ports:\n        - name: web\n          containerPort: 8080\n',
      ).replace(/app: b$/gm, 'tier: front'),
    )
    lab.create(deployment('c', 'nginx:1.19', 1).replace(/app: c$/gm, 'tier: front'))
    lab.create(svc('front', 'tier: front', 80, 'web'))
    lab.wait(30)
    const ep = lab.get<Endpoints>('Endpoints', 'front') as Endpoints
    const pairs = (ep.subsets ?? []).flatMap((sub) =>
      (sub.addresses ?? []).map(
        (a) => `${a.targetRef?.name.split('-')[0]}:${sub.ports?.[0]?.port}`,
      ),
    )
    expect(pairs.sort()).toEqual(['a:80', 'b:8080'])
    expect(slicesOf(lab, 'front')).toHaveLength(2)
  })

  it('keeps hand-written Endpoints of a selector-less service and mirrors them into a slice', () => {
    const lab = new Lab()
    lab.create(svc('my-service', '', 8080, 80))
    lab.create(`apiVersion: v1
kind: Endpoints
metadata:
  name: my-service
subsets:
- addresses:
  - ip: 10.244.1.119
  - ip: 10.244.2.180
  ports:
  - port: 80
`)
    lab.wait(60)
    const ep = lab.get<Endpoints>('Endpoints', 'my-service') as Endpoints
    expect(ep.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.244.1.119', '10.244.2.180'])
    const [slice, ...rest] = slicesOf(lab, 'my-service')
    expect(rest).toHaveLength(0)
    expect(slice?.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe(
      'endpointslicemirroring-controller.k8s.io',
    )
    expect(slice?.endpoints?.map((e) => `${e.addresses[0]} ${e.conditions.ready}`)).toEqual([
      '10.244.1.119 true',
      '10.244.2.180 true',
    ])
    expect(slice?.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }])
    lab.delete('Endpoints', 'my-service')
    expect(slicesOf(lab, 'my-service')).toHaveLength(0)
  })

  it('keeps a hand edit of a selector service Endpoints until the Service syncs again', () => {
    const lab = new Lab()
    lab.create(svc('sel', 'app: nothing', 80, 80))
    const ep = lab.get<Endpoints>('Endpoints', 'sel') as Endpoints
    ep.subsets = [{ addresses: [{ ip: '10.244.1.250' }], ports: [{ port: 80 }] }]
    putObject(lab.s, ep) // as the API server stores an edit
    settle(lab.s, lab.now)
    expect((lab.get<Endpoints>('Endpoints', 'sel') as Endpoints).subsets).toHaveLength(1)
    const service = lab.get<Service>('Service', 'sel') as Service
    service.metadata.labels = { edited: 'yes' }
    putObject(lab.s, service)
    settle(lab.s, lab.now)
    expect((lab.get<Endpoints>('Endpoints', 'sel') as Endpoints).subsets).toBeUndefined()
  })

  it('gives a LoadBalancer an ingress IP, or leaves it pending when the controller is off', () => {
    const lab = new Lab()
    lab.create(svc('lb1', 'app: x', 80, 80, 'LoadBalancer'))
    expect((lab.get<Service>('Service', 'lb1') as Service).status.loadBalancer.ingress).toEqual([
      { ip: '172.18.255.200', ipMode: 'VIP' },
    ])
    expect(lab.messages('lb1')).toEqual([
      'Normal EnsuringLoadBalancer Ensuring load balancer',
      'Normal EnsuredLoadBalancer Ensured load balancer',
    ])
    lab.s.runtime.loadBalancerController = false
    lab.create(svc('lb2', 'app: x', 80, 80, 'LoadBalancer'))
    expect((lab.get<Service>('Service', 'lb2') as Service).status.loadBalancer).toEqual({})
    const lb1 = lab.get<Service>('Service', 'lb1') as Service
    lb1.spec.type = 'ClusterIP'
    putObject(lab.s, lb1)
    settle(lab.s, lab.now)
    expect((lab.get<Service>('Service', 'lb1') as Service).status.loadBalancer).toEqual({})
  })

  it('plays the seed scenario: IPs per node, blue service over both deployments, settle idempotent', () => {
    const lab = new Lab()
    lab.create(SEED_SCENARIO)
    lab.wait(30)
    for (const p of lab.pods()) {
      const prefix = p.spec.nodeName === 'lab-worker' ? '10.244.1.' : '10.244.2.'
      expect(p.status.podIP?.startsWith(prefix)).toBe(true)
      expect(lab.status(p)).toBe('Running')
    }
    const blue = lab.get<Endpoints>('Endpoints', 'my-blue-service') as Endpoints
    expect(
      blue.subsets?.[0]?.addresses
        ?.map((a) => a.targetRef?.name.replace(/-[a-z0-9]+-[a-z0-9]+$/, ''))
        .sort(),
    ).toEqual(['nginx-deployment-3', 'nginx-deployment-4'])
    const json = JSON.stringify(lab.s)
    settle(lab.s, lab.now)
    expect(JSON.stringify(lab.s)).toBe(json)
    expect(lab.events().length).toBeLessThanOrEqual(EVENTS_MAX)
    const stories = lab.pods().map((p) => lab.events(p.metadata.name).map((e) => e.reason))
    const complete = stories.filter(
      (r) =>
        ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'].every((x) => r.includes(x)) ||
        (r.includes('Scheduled') && r.includes('Started')),
    )
    expect(complete.length).toBeGreaterThanOrEqual(3)
    expect(
      stories.filter((r) => r.length > 0 && !r.includes('Scheduled')).length,
    ).toBeLessThanOrEqual(1)
  })

  it('is deterministic: same seed and steps give the same document', () => {
    const run = () => {
      const lab = new Lab(99)
      lab.create(SEED_SCENARIO)
      lab.wait(5).wait(30).wait(400)
      lab.delete('Pod', lab.pod('nginx-deployment-1.0').metadata.name)
      lab.wait(40)
      return JSON.stringify(lab.s)
    }
    expect(run()).toBe(run())
  })

  it('settle twice at any time changes nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        (waits, seed) => {
          const lab = new Lab(seed)
          lab.create(SEED_SCENARIO)
          lab.create(`apiVersion: v1
kind: Pod
metadata:
  name: crashy
spec:
  containers:
  - name: crashy
    image: busybox
---
apiVersion: v1
kind: Pod
metadata:
  name: typo
spec:
  containers:
  - name: typo
    image: ngnix
`)
          for (const w of waits) {
            lab.wait(w)
            const json = JSON.stringify(lab.s)
            settle(lab.s, lab.now)
            if (JSON.stringify(lab.s) !== json) return false
          }
          return true
        },
      ),
      { numRuns: 25 },
    )
  })
})
