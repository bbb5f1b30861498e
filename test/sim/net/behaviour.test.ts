import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { route } from '../../../worker/sim/net/route'
import { connect } from '../../../worker/sim/net/connect'
import { ping } from '../../../worker/sim/net/ping'
import type { Pod } from '../../../worker/sim/objects/types'
import { labScenario, NOW, P } from './scenario'
import { origin, request } from './helpers'

const client = origin('pod:client')

describe('probes leave no trace', () => {
  it('a probe changes nothing in the state, rng included', () => {
    const f = labScenario()
    const before = structuredClone(f.s)
    for (const url of [
      'http://my-service:8080',
      'http://web-affinity',
      'http://my-blue-service:8080',
      'http://172.18.0.3:30080',
      'http://wrong-tp',
      'http://db',
    ]) {
      for (let i = 0; i < 5; i++) route(f.s, client, request(url), { now: NOW, probe: true })
    }
    route(f.s, origin('ws'), request('http://localhost:8080'), { now: NOW, probe: true })
    connect(f.s, client, 'my-service', 8080, { now: NOW, probe: true })
    ping(f.s, client, 'my-service', { now: NOW })
    expect(f.s).toEqual(before)
  })
})

describe('real requests', () => {
  it('kube-proxy spreads connections over the endpoints, drawing from the cluster PRNG', () => {
    const f = labScenario()
    const rng = f.s.rng
    const seen = new Set<string>()
    for (let i = 0; i < 30; i++)
      seen.add(
        route(f.s, client, request('http://my-blue-service:8080'), { now: NOW }).pod?.name ?? '',
      )
    expect([...seen].sort()).toEqual([P.blue3, P.blue4])
    expect(f.s.rng).not.toBe(rng)
  })

  it('same seed, same endpoint sequence', () => {
    const pick = () => {
      const f = labScenario(7)
      return Array.from(
        { length: 10 },
        () => route(f.s, client, request('http://my-service:8080'), { now: NOW }).pod?.name,
      )
    }
    expect(pick()).toEqual(pick())
  })

  it('each answered request is appended to the serving container log', () => {
    const f = labScenario()
    const r = route(f.s, client, request('http://web-np/'), { now: NOW })
    expect(r.response?.status).toBe(200)
    const uid = (f.s.objects[`Pod/default/${P.nginx10}`] as Pod).metadata.uid
    expect(f.s.runtime.containers[`${uid}/main`]?.logs).toEqual([
      '10.244.2.10 - - [26/Nov/2026:06:00:00 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/8.11.1" "-"',
    ])
  })

  it('sessionAffinity ClientIP pins a client to one endpoint and remembers it', () => {
    const f = labScenario()
    const names = new Set<string>()
    for (let i = 0; i < 20; i++)
      names.add(
        route(f.s, client, request('http://web-affinity'), { now: NOW + i * 1000 }).pod?.name ?? '',
      )
    expect(names.size).toBe(1)
    const key = 'default/web-affinity:80|10.244.2.10'
    expect(f.s.runtime.affinity[key]?.at).toBe(NOW + 19_000)
    const r = route(f.s, client, request('http://web-affinity'), { now: NOW + 20_000 })
    expect(r.diagnosis).toContain('sessionAffinity: ClientIP')
  })

  it('without affinity the same client reaches several pods', () => {
    const f = labScenario()
    const names = new Set<string>()
    for (let i = 0; i < 30; i++)
      names.add(route(f.s, client, request('http://10.96.30.31'), { now: NOW }).pod?.name ?? '')
    expect(names.size).toBe(3)
  })

  it('a recreated pod: its old IP times out, the Service follows, manual Endpoints go stale', () => {
    const f = labScenario()
    delete f.s.objects[`Pod/default/${P.magic1}`]
    f.s.runtime.releasedPodIPs.push('10.244.1.3')
    f.pod({
      name: 'nginx-deployment-1.1-5c6d7e8f9-nn5vx',
      labels: { app: 'nginx-1.1' },
      image: 'anshuldevops/magicalnginx:latest',
      node: 'lab-worker',
      ip: '10.244.1.41',
    })
    f.syncSlices()
    const old = route(f.s, client, request('http://10.244.1.3'), { now: NOW })
    expect([old.outcome, old.cause]).toEqual(['timeout', 'stale-pod-ip'])
    expect(old.diagnosis).toContain('belonged to a pod that was deleted')
    const viaSelector = new Set<string>()
    for (let i = 0; i < 30; i++)
      viaSelector.add(route(f.s, client, request('http://10.96.30.31'), { now: NOW }).outcome)
    expect([...viaSelector]).toEqual(['answered'])
    const manual = new Set<string>()
    for (let i = 0; i < 30; i++) {
      const r = route(f.s, client, request('http://my-service:8080'), { now: NOW })
      manual.add(`${r.outcome}/${r.cause ?? ''}`)
    }
    expect([...manual].sort()).toEqual(['answered/', 'timeout/manual-endpoints-stale'])
  })

  it('NodePort with Cluster policy masquerades; Local keeps the client address', () => {
    const f = labScenario()
    const ws = origin('ws')
    expect(route(f.s, ws, request('http://172.18.0.4:30080'), { now: NOW })).toMatchObject({
      localIP: '172.18.0.1',
      clientIP: '172.18.0.4',
    })
    expect(route(f.s, ws, request('http://172.18.0.4:30080'), { now: NOW }).clientIP).toBe(
      '172.18.0.4',
    )
    expect(route(f.s, ws, request('http://172.18.0.3:30080'), { now: NOW }).clientIP).toBe(
      '10.244.1.1',
    )
    expect(route(f.s, ws, request('http://172.18.0.3:30090'), { now: NOW }).clientIP).toBe(
      '172.18.0.1',
    )
  })

  it('a pod reaching itself through its Service is masqueraded (hairpin)', () => {
    const f = labScenario()
    const self = origin(`pod:${P.nginx10}`)
    expect(route(f.s, self, request('http://web-np'), { now: NOW })).toMatchObject({
      clientIP: '10.244.1.1',
      pod: { name: P.nginx10 },
    })
  })

  it('internalTrafficPolicy Local: only endpoints on the client node', () => {
    const f = labScenario()
    const svc = f.s.objects[
      'Service/default/web-np'
    ] as import('../../../worker/sim/objects/types').Service
    svc.spec.internalTrafficPolicy = 'Local'
    expect(route(f.s, client, request('http://web-np'), { now: NOW, probe: true })).toMatchObject({
      outcome: 'timeout',
      cause: 'internal-traffic-local',
    })
    expect(
      route(f.s, origin('pod:access-pod'), request('http://web-np'), { now: NOW, probe: true })
        .outcome,
    ).toBe('answered')
  })

  it('scaling: a new ready pod joins the Service', () => {
    const f = labScenario()
    f.pod({
      name: 'nginx-deployment-3-6b8c9d7f5-new11',
      labels: { color: 'blue' },
      image: 'nginx:1.19',
      node: 'lab-worker',
      ip: '10.244.1.42',
    })
    f.syncSlices()
    const seen = new Set<string>()
    for (let i = 0; i < 40; i++)
      seen.add(
        route(f.s, client, request('http://my-blue-service:8080'), { now: NOW }).pod?.name ?? '',
      )
    expect(seen.size).toBe(3)
  })

  it('https to a plain HTTP server fails the handshake; the API server speaks TLS', () => {
    const f = labScenario()
    expect(route(f.s, client, request('https://web-np:80'), { now: NOW })).toMatchObject({
      outcome: 'answered',
      tls: 'plain-server',
      cause: 'https-to-http',
    })
    const api = route(f.s, client, request('https://kubernetes'), { now: NOW })
    expect(api.tls).toBe('ok')
    expect(api.response?.body).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}\n',
    )
  })
})

describe('connect and ping', () => {
  const f = labScenario()
  it('connect reports the TCP outcome only', () => {
    expect(connect(f.s, client, 'my-service', 8080, { now: NOW, probe: true })).toMatchObject({
      outcome: 'answered',
      ip: '10.96.10.10',
      fqdn: 'my-service.default.svc.cluster.local',
    })
    expect(connect(f.s, client, 'wrong-tp', 80, { now: NOW, probe: true }).cause).toBe(
      'wrong-target-port',
    )
    expect(connect(f.s, client, 'my-service', 81, { now: NOW, probe: true }).outcome).toBe(
      'timeout',
    )
    expect(connect(f.s, client, 'my-service', 0, { now: NOW, probe: true }).outcome).toBe('refused')
  })
  it('ping: ClusterIPs never answer, pods and nodes do', () => {
    expect(ping(f.s, client, 'my-service', { now: NOW })).toMatchObject({
      outcome: 'loss',
      cause: 'ping-clusterip',
      ip: '10.96.10.10',
    })
    expect(ping(f.s, client, '10.244.2.2', { now: NOW })).toMatchObject({
      outcome: 'reply',
      ttl: 63,
    })
    expect(ping(f.s, client, '10.244.1.2', { now: NOW })).toMatchObject({
      outcome: 'reply',
      ttl: 62,
    })
    const fromWs = ping(f.s, origin('ws'), '10.244.1.2', { now: NOW })
    expect(fromWs).toMatchObject({ outcome: 'loss', cause: 'podip-from-outside' })
    // ICMP has no port: the hint must not invent one for port-forward
    expect(fromWs.diagnosis).not.toContain('port-forward')
    expect(fromWs.diagnosis).toContain('kubectl exec <pod> -- ping -c 1 10.244.1.2')
    expect(ping(f.s, origin('ws'), '172.18.0.3', { now: NOW })).toMatchObject({
      outcome: 'reply',
      ttl: 64,
    })
    expect(ping(f.s, client, 'nosuch', { now: NOW })).toMatchObject({ outcome: 'nxdomain' })
    expect(ping(f.s, client, '10.244.1.99', { now: NOW })).toMatchObject({
      outcome: 'loss',
      cause: 'stale-pod-ip',
    })
  })
})

describe('robustness', () => {
  it('route never throws, whatever host, port or origin', () => {
    const f = labScenario()
    const origins = [
      'ws',
      'pod:client',
      'pod:dev/dev-client',
      'node:lab-worker',
      'pod:ghost',
      'node:ghost',
    ].map(origin)
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -5, max: 70000 }),
        fc.constantFrom(...origins),
        fc.boolean(),
        (host, port, from, probe) => {
          const r = route(
            f.s,
            from,
            { host, port, method: 'GET', path: '/', headers: {} },
            { now: NOW, probe },
          )
          expect(['answered', 'refused', 'timeout', 'nxdomain', 'unreachable']).toContain(r.outcome)
          connect(f.s, from, host, port, { now: NOW, probe: true })
          ping(f.s, from, host, { now: NOW })
        },
      ),
      { numRuns: 400 },
    )
  })
  it('hosts built from cluster names and IPs never throw either', () => {
    const f = labScenario()
    const parts = fc.constantFrom(
      'my-service',
      'db',
      'ext',
      'default',
      'dev',
      'svc',
      'cluster',
      'local',
      'pod',
      '10',
      '244',
      '1',
      '2',
      '96',
      '',
      '-',
      'kubernetes',
    )
    fc.assert(
      fc.property(
        fc.array(parts, { maxLength: 6 }),
        fc.constantFrom(80, 8080, 443, 30080, 6443),
        (labels, port) => {
          route(
            f.s,
            client,
            { host: labels.join('.'), port, method: 'GET', path: '/', headers: {} },
            { now: NOW, probe: true },
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('cost', () => {
  it('one routed request stays in the tens of microseconds (target: 20 µs median)', () => {
    const f = labScenario()
    const req = request('http://my-service:8080')
    const times: number[] = []
    for (let i = 0; i < 3000; i++) {
      const t = performance.now()
      route(f.s, client, req, { now: NOW, probe: true })
      if (i >= 1000) times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const median = (times[times.length >> 1] ?? 0) * 1000
    // generous bound: the suite runs in parallel on 2 cores; the bench prints the real figure
    expect(median).toBeLessThan(80)
  })
})
