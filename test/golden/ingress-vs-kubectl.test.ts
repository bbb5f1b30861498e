// Ingress and IngressClass printers against the real kubectl 1.32 (INGRESS-FACTS I11-I14):
// `describe` byte for byte from kubectl's own describer; `get` through server-side Tables of our
// cells, so kubectl's layout (blank ADDRESS, widths) is checked; -o yaml|json|name as well.
// Skipped, with the reason, when no kubectl v1.32 is on PATH.

import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newCluster, run, type ClusterState } from '../../worker/sim/index'
import { formatTimestamp, getObject, putObject } from '../../worker/sim/state'
import type { KubeEvent } from '../../worker/sim/objects/types'
import type { Ingress } from '../../worker/sim/objects/ingress-types'
import { startFakeApiServer } from './fake-apiserver'
import { HAVE_KUBECTL } from '../sim/kubectl/real-kubectl'

const exec = promisify(execFile)

const HAVE = HAVE_KUBECTL

const BACKEND = (svc: string, port: string) =>
  /^\d+$/.test(port)
    ? `{service: {name: ${svc}, port: {number: ${port}}}}`
    : `{service: {name: ${svc}, port: {name: ${port}}}}`

const INGRESSES = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  labels: {app: web, tier: edge}
spec:
  ingressClassName: nginx
  rules:
  - host: foo.example
    http:
      paths:
      - {path: /, pathType: Prefix, backend: ${BACKEND('web', '80')}}
  - host: bar.example
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: ${BACKEND('api', '8080')}}
      - {path: /empty, pathType: Exact, backend: ${BACKEND('empty', '80')}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: noclass
spec:
  defaultBackend: ${BACKEND('web', '80')}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: tls
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
    kubernetes.io/description: edge
spec:
  ingressClassName: nginx
  defaultBackend: ${BACKEND('web', 'http')}
  tls:
  - hosts: [a.example, b.example]
    secretName: tls-secret
  - hosts: [c.example]
  rules:
  - host: a.example
    http:
      paths:
      - {path: /, pathType: ImplementationSpecific, backend: ${BACKEND('web', 'http')}}
  - host: b.example
  - http:
      paths:
      - {path: /bucket, pathType: Prefix, backend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: many
spec:
  ingressClassName: other
  rules:
  - {host: one.example}
  - {host: two.example}
  - {host: one.example}
  - {}
  - {host: five.example}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  labels: {app.kubernetes.io/name: ingress-nginx}
  annotations: {ingressclass.kubernetes.io/is-default-class: "false"}
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: external
spec:
  controller: example.com/lb
  parameters: {apiGroup: k8s.example.com, kind: LBParams, name: shared}
`

let state: ClusterState
let t = 0
let server: { url: string; close: () => Promise<void> } | undefined

function sim(line: string, stdin = ''): { stdout: string; stderr: string } {
  const r = run(state, line, { now: t, stdin })
  state = r.state
  return r
}

async function real(args: string[]): Promise<string> {
  try {
    const r = await exec('kubectl', [`--server=${server?.url}`, ...args], {
      env: { ...process.env, TZ: 'UTC', KUBECONFIG: '/dev/null' },
      timeout: 20_000,
    })
    return r.stdout + r.stderr
  } catch (e) {
    const x = e as { stdout: string; stderr: string }
    return x.stdout + x.stderr
  }
}

/** What a controller publishing `ips` would write to status.loadBalancer (I19). */
function publish(name: string, ingress: { ip?: string; hostname?: string }[]) {
  const ing = getObject<Ingress>(state, 'Ingress', 'default', name)
  if (!ing) throw new Error(`no ingress ${name}`)
  ing.status = { loadBalancer: { ingress } }
  putObject(state, ing)
}

/** The controller's `Sync` event for an Ingress, seen twice (I13's events table). */
function syncEvent(name: string, first: number, last: number) {
  const ing = getObject<Ingress>(state, 'Ingress', 'default', name)
  if (!ing) throw new Error(`no ingress ${name}`)
  putObject(state, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${name}.1800000000000000`,
      namespace: 'default',
      uid: 'e1',
      resourceVersion: '',
      creationTimestamp: formatTimestamp(first),
    },
    involvedObject: {
      kind: 'Ingress',
      namespace: 'default',
      name,
      uid: ing.metadata.uid,
      apiVersion: 'networking.k8s.io/v1',
    },
    reason: 'Sync',
    message: 'Scheduled for sync',
    type: 'Normal',
    source: { component: 'nginx-ingress-controller' },
    firstTimestamp: formatTimestamp(first),
    lastTimestamp: formatTimestamp(last),
    count: 2,
  } as KubeEvent)
}

describe.skipIf(!HAVE)('Ingress printers match the real kubectl 1.32 (fake API server)', () => {
  beforeAll(async () => {
    t = Math.floor(Date.now() / 1000) * 1000 - 600_000
    state = newCluster(11, t)
    for (const line of [
      'kubectl create deployment web --image=nginx --replicas=2 --port=80',
      'kubectl expose deployment web --port=80 --name=web',
      'kubectl create service clusterip empty --tcp=80:80',
    ]) {
      t += 30_000
      sim(line)
    }
    t += 30_000
    const r = sim('kubectl apply -f -', INGRESSES)
    if (r.stderr) throw new Error(r.stderr)
    publish('web', [{ ip: '172.18.255.200' }])
    syncEvent('web', t - 77_000, t - 17_000)
    publish('tls', [
      { hostname: 'lb-1234567890.example.com' },
      { ip: '172.18.255.201' },
      { ip: '172.18.255.201' },
    ])
    t = Date.now()
    server = await startFakeApiServer(state, () => ({}))
  })
  afterAll(async () => server?.close())

  const CASES = [
    'describe ingress web',
    'describe ingress noclass',
    'describe ingress tls',
    'describe ingress many',
    'describe ing',
    'describe ingress nope',
    'describe ingressclass nginx',
    'describe ingressclass external',
    'get ingress',
    'get ing -o wide',
    'get ingress web noclass',
    'get ingressclass',
    'get ing,svc',
    'get ing,ingressclass',
    'get ing -A',
    'get ing --show-labels',
    'get ing -o custom-columns=NAME:.metadata.name,CLASS:.spec.ingressClassName,PATH:.spec.rules[*].http.paths[*].path',
    'get ingressclasses.networking.k8s.io -o wide',
    'get ing web -o yaml',
    'get ing tls -o json',
    'get ing,ingressclass -o name',
    'get ing -o jsonpath={.items[*].status.loadBalancer.ingress[*].ip}',
    'explain ingress',
    'explain ing.spec',
    'explain ingress.spec.rules.http.paths.pathType',
    'explain ingress.spec.rules.host',
    'explain ingress.spec.defaultBackend.service.port',
    'explain ingress.status --recursive',
    'explain ingressclass',
    'explain ingressclass.spec.parameters',
  ]
  for (const c of CASES) {
    it(c, async () => {
      const args = c.split(' ')
      t = Date.now()
      const mine = sim(`kubectl ${c}`)
      const theirs = await real(args)
      if (process.env.SHOW) console.log(`$ kubectl ${c}\n${theirs}`)
      if (mine.stdout + mine.stderr !== theirs) {
        t = Date.now()
        const again = sim(`kubectl ${c}`)
        expect(again.stdout + again.stderr).toBe(theirs)
      }
    })
  }
})
