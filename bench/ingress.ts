// Issue 15's cost figures: how many bytes the ingress-nginx install adds to a stored cluster
// document, and a request routed through the controller (LB -> node -> controller pod -> rule ->
// backend pod) against a routed request to a Service, in the same cluster (target <= 2x).
// Standalone: `npx tsx bench/ingress.ts [--json]`; `npm run bench` prints it too.
import { gunzipSync, gzipSync } from 'node:zlib'
import { newCluster, route, run } from '../worker/sim'
import { newClusterWithIngressNginx } from '../worker/sim/addons/ingress-nginx'
import { settle } from '../worker/sim/controllers/settle'
import { stateCodec } from '../worker/db/state-codec'
import type { ClusterState } from '../worker/sim/state'
import { SEED_SCENARIO } from './seed-scenario'
import { fmt, summarise, timeIt, type Summary } from './stats'
import { T0 } from './core'

const codec = stateCodec({ gzip: (b) => gzipSync(b, { level: 1 }), gunzip: (b) => gunzipSync(b) })

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: blue
spec:
  ingressClassName: nginx
  rules:
  - host: blue.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: my-blue-service
            port:
              number: 8080
`

export interface IngressFigures {
  /** bytes of the JSON document without / with the install */
  documentBytes: [number, number]
  /** bytes stored (gzip + base64) without / with the install */
  storedBytes: [number, number]
  /** access-pod -> my-blue-service:8080 (ClusterIP, as the core bench) */
  serviceRoute: Summary
  /** workstation -> controller LB IP with Host: blue.example -> the same pods */
  ingressRoute: Summary
}

function seeded(s: ClusterState): ClusterState {
  const r = run(s, 'kubectl apply -f -', { now: T0, stdin: SEED_SCENARIO })
  if (r.exitCode !== 0) throw new Error(`seed scenario failed: ${r.stderr}`)
  const ing = run(r.state, 'kubectl apply -f -', { now: T0 + 1_000, stdin: INGRESS })
  if (ing.exitCode !== 0) throw new Error(`Ingress refused: ${ing.stderr}`)
  settle(ing.state, T0 + 120_000)
  return ing.state
}

export async function ingressFigures(n = 3000): Promise<IngressFigures> {
  const plain = newCluster(42, T0)
  const withIngress = newClusterWithIngressNginx(42, T0)
  const size = (s: ClusterState) => new TextEncoder().encode(JSON.stringify(s)).length
  const stored = async (s: ClusterState) => (await codec.encode(s)).state.length
  const s = seeded(newClusterWithIngressNginx(42, T0))
  const lb = s.objects['Service/ingress-nginx/ingress-nginx-controller']?.status as
    { loadBalancer: { ingress: { ip: string }[] } } | undefined
  const ip = lb?.loadBalancer.ingress[0]?.ip ?? ''
  const access = { kind: 'pod' as const, namespace: 'default', name: 'access-pod' }
  const svcReq = { host: 'my-blue-service', port: 8080, method: 'GET', path: '/', headers: {} }
  const ingReq = { host: ip, port: 80, method: 'GET', path: '/', headers: { Host: 'blue.example' } }
  const opts = { now: T0 + 120_000, probe: true }
  const check = route(s, { kind: 'workstation' }, ingReq, opts)
  if (check.response?.status !== 200 || check.hops.every((h) => h.kind !== 'ingress'))
    throw new Error(`the Ingress request did not reach the backend: ${check.diagnosis ?? ''}`)
  const serviceRoute = summarise(timeIt(() => route(s, access, svcReq, opts), n))
  const ingressRoute = summarise(timeIt(() => route(s, { kind: 'workstation' }, ingReq, opts), n))
  return {
    documentBytes: [size(plain), size(withIngress)],
    storedBytes: [await stored(plain), await stored(withIngress)],
    serviceRoute,
    ingressRoute,
  }
}

/** The lines `npm run bench` prints. */
export function ingressLines(f: IngressFigures): string[] {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`
  const ratio = f.ingressRoute.p50 / f.serviceRoute.p50
  return [
    '## Ingress (issue 15): the ingress-nginx install and a request through it',
    `document, fresh cluster  ${kb(f.documentBytes[0])} JSON -> ${kb(f.documentBytes[1])} with ingress-nginx (+${kb(f.documentBytes[1] - f.documentBytes[0])}); stored ${kb(f.storedBytes[0])} -> ${kb(f.storedBytes[1])} (+${kb(f.storedBytes[1] - f.storedBytes[0])})`,
    `routed to a Service      median ${fmt(f.serviceRoute.p50 * 1000, 1)} us   p95 ${fmt(f.serviceRoute.p95 * 1000, 1)} us   (pod -> my-blue-service:8080)`,
    `routed through Ingress   median ${fmt(f.ingressRoute.p50 * 1000, 1)} us   p95 ${fmt(f.ingressRoute.p95 * 1000, 1)} us   = ${ratio.toFixed(2)}x   (target <= 2x)`,
    '',
  ]
}

if (process.argv[1]?.endsWith('bench/ingress.ts')) {
  const f = await ingressFigures()
  if (process.argv.includes('--json')) console.log(JSON.stringify(f))
  else console.log(ingressLines(f).join('\n'))
}
