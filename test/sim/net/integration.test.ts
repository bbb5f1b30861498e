// The seed notes' scenario played through the real API server and controllers, then routed.
import { describe, expect, it } from 'vitest'
import { newCluster } from '../../../worker/sim/bootstrap'
import { settle } from '../../../worker/sim/controllers/settle'
import { createObject, deleteObject, parseManifests } from '../../../worker/sim/objects/index'
import { route } from '../../../worker/sim/net/route'
import type { Pod, Service } from '../../../worker/sim/objects/types'
import type { ClusterState } from '../../../worker/sim/state'
import { origin, request } from './helpers'

const T0 = Date.parse('2026-11-26T06:00:00Z')

const deployment = (
  name: string,
  labels: Record<string, string>,
  image: string,
  replicas: number,
) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: ${JSON.stringify(labels)} }
  template:
    metadata: { labels: ${JSON.stringify(labels)} }
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports: [{ containerPort: 80 }]
`

const SEED = [
  deployment('nginx-deployment-1.0', { app: 'nginx-1.0' }, 'nginx:1.19', 1),
  deployment('nginx-deployment-1.1', { app: 'nginx-1.1' }, 'anshuldevops/magicalnginx:latest', 3),
  deployment('nginx-deployment-3', { color: 'blue' }, 'nginx:1.19', 1),
  deployment('nginx-deployment-4', { color: 'blue' }, 'anshuldevops/magicalnginx:latest', 1),
  `apiVersion: v1
kind: Pod
metadata: { name: access-pod }
spec:
  containers:
  - name: access-pod-container
    image: ubuntu:latest
    command: ["sh", "-c", "sleep 3600"]`,
  `apiVersion: v1
kind: Service
metadata: { name: my-blue-service }
spec:
  selector: { color: blue }
  ports: [{ protocol: TCP, port: 8080, targetPort: 80 }]`,
  `apiVersion: v1
kind: Service
metadata: { name: web-np }
spec:
  type: NodePort
  selector: { app: nginx-1.0 }
  ports: [{ port: 80, nodePort: 30080 }]`,
  `apiVersion: v1
kind: Service
metadata: { name: web-lb }
spec:
  type: LoadBalancer
  selector: { app: nginx-1.1 }
  ports: [{ port: 80 }]`,
].join('\n---\n')

function apply(s: ClusterState, yaml: string, now: number): void {
  const parsed = parseManifests(yaml, 'STDIN')
  expect(parsed.error).toBeUndefined()
  for (const obj of parsed.objects) {
    const r = createObject(s, obj, { now })
    expect(r.ok, JSON.stringify(!r.ok && r.error)).toBe(true)
  }
}

function pods(s: ClusterState, label: string, value: string): Pod[] {
  return Object.values(s.objects).filter(
    (o): o is Pod => o.kind === 'Pod' && (o as Pod).metadata.labels?.[label] === value,
  )
}

function cluster(): ClusterState {
  const s = newCluster(1234, T0)
  apply(s, SEED, T0)
  settle(s, T0)
  settle(s, T0 + 120_000)
  return s
}

describe('the seed scenario through the real control plane', () => {
  const access = origin('pod:access-pod')

  it('pods get IPs in their node /24', () => {
    const s = cluster()
    for (const p of pods(s, 'app', 'nginx-1.1')) {
      const node = p.spec.nodeName === 'lab-worker' ? '10.244.1.' : '10.244.2.'
      expect(
        p.status.podIP?.startsWith(node),
        `${p.metadata.name} ${p.spec.nodeName} ${p.status.podIP}`,
      ).toBe(true)
    }
  })

  it('my-service with hand-written Endpoints routes to exactly those IPs', () => {
    const s = cluster()
    const ips = pods(s, 'app', 'nginx-1.1')
      .map((p) => p.status.podIP as string)
      .slice(0, 2)
    apply(
      s,
      `apiVersion: v1\nkind: Service\nmetadata: { name: my-service }\nspec:\n  ports: [{ protocol: TCP, port: 8080, targetPort: 80 }]`,
      T0 + 130_000,
    )
    apply(
      s,
      `apiVersion: v1\nkind: Endpoints\nmetadata: { name: my-service }\nsubsets:\n- addresses: [${ips.map((ip) => `{ ip: ${ip} }`).join(', ')}]\n  ports: [{ port: 80 }]`,
      T0 + 130_000,
    )
    settle(s, T0 + 131_000)
    const reached = new Set<string>()
    for (let i = 0; i < 30; i++)
      reached.add(
        route(s, access, request('http://my-service:8080'), { now: T0 + 132_000 }).pod?.ip ??
          'none',
      )
    expect([...reached].sort()).toEqual([...ips].sort())
  })

  it('my-blue-service answers from both the nginx and the magicalnginx pod', () => {
    const s = cluster()
    const bodies = new Set<string>()
    for (let i = 0; i < 30; i++) {
      const r = route(s, access, request('http://my-blue-service:8080'), { now: T0 + 130_000 })
      expect(r.outcome).toBe('answered')
      bodies.add(r.response?.body.includes('Welcome to nginx!') ? 'nginx' : 'magical')
    }
    expect(bodies.size).toBe(2)
  })

  it('NodePort answers on every node from outside; LoadBalancer gets an ingress IP', () => {
    const s = cluster()
    for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.4']) {
      expect(
        route(s, origin('ws'), request(`http://${ip}:30080`), { now: T0 + 130_000 }).outcome,
      ).toBe('answered')
    }
    const lb = s.objects['Service/default/web-lb'] as Service
    const ingress = lb.status.loadBalancer.ingress?.[0]?.ip as string
    expect(ingress).toMatch(/^172\.18\.255\.2\d\d$/)
    expect(
      route(s, origin('ws'), request(`http://${ingress}`), { now: T0 + 130_000 }).pod?.name,
    ).toMatch(/^nginx-deployment-1\.1-/)
  })

  it('a deleted pod comes back with a new IP and the old one times out', () => {
    const s = cluster()
    const old = pods(s, 'app', 'nginx-1.0')[0] as Pod
    const oldIP = old.status.podIP as string
    const del = deleteObject(s, 'Pod', 'default', old.metadata.name, { now: T0 + 130_000 })
    expect(del.ok).toBe(true)
    settle(s, T0 + 130_000)
    settle(s, T0 + 300_000)
    const fresh = pods(s, 'app', 'nginx-1.0')
    expect(fresh.length).toBe(1)
    expect(fresh[0]?.status.podIP).not.toBe(oldIP)
    const r = route(s, access, request(`http://${oldIP}`), { now: T0 + 300_000 })
    expect([r.outcome, r.cause]).toEqual(['timeout', 'stale-pod-ip'])
    expect(route(s, access, request('http://web-np'), { now: T0 + 300_000 }).pod?.ip).toBe(
      fresh[0]?.status.podIP,
    )
  })

  it('the API server answers through the kubernetes Service', () => {
    const s = cluster()
    expect(
      route(s, access, request('https://kubernetes'), { now: T0 + 130_000 }).response?.status,
    ).toBe(403)
  })
})
