// Manifests exactly as the real kubectl 1.32 generates them (`kubectl create ... --dry-run=client -o yaml`,
// captured from the installed client) go through apply like on a real cluster.
import { expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { applyObject, LAST_APPLIED } from '../../../worker/sim/objects'
import type { Service } from '../../../worker/sim/objects/types'

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
`
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: web
  type: NodePort
status:
  loadBalancer: {}
`
const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: null
  name: dev
spec: {}
status: {}
`

test.each([
  ['deployment', DEPLOYMENT],
  ['service', SERVICE],
  ['namespace', NAMESPACE],
])('%s: created, then configured with no change', (_n, manifest) => {
  const s = newState()
  const first = applyObject(s, y(manifest), { now: NOW })
  expect(first.ok && first.value.op).toBe('created')
  const rv = first.ok ? first.value.object.metadata.resourceVersion : ''
  // the live creationTimestamp differs from the manifest's null, so kubectl 1.32 sends
  // {"metadata":{"creationTimestamp":null}} and prints `configured` (measured against the real
  // client); the apiserver keeps its own timestamp and stores nothing
  const again = applyObject(s, y(manifest), { now: NOW + 1000 })
  expect(again.ok && again.value.op).toBe('configured')
  expect(again.ok && again.value.object.metadata.resourceVersion).toBe(rv)
})

test('last-applied of a generated Deployment keeps its nulls and empty maps', () => {
  const r = applyObject(newState(), y(DEPLOYMENT), { now: NOW })
  expect(r.ok && r.value.object.metadata.annotations?.[LAST_APPLIED]).toBe(
    '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"creationTimestamp":null,"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"strategy":{},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx","name":"nginx","ports":[{"containerPort":80}],"resources":{}}]}}},"status":{}}\n',
  )
  expect(r.ok && r.value.object.metadata.creationTimestamp).toBe('2026-11-26T06:00:00Z')
})

test('generated NodePort service gets a node port and keeps it on re-apply', () => {
  const s = newState()
  const a = applyObject(s, y(SERVICE), { now: NOW })
  const b = applyObject(s, y(SERVICE.replace('targetPort: 8080', 'targetPort: 9090')), { now: NOW })
  const np = (r: typeof a) => (r.ok ? (r.value.object as Service).spec.ports?.[0]?.nodePort : 0)
  expect(np(a)).toBeGreaterThanOrEqual(30000)
  expect(b.ok && b.value.op).toBe('configured')
  expect(np(b)).toBe(np(a))
})
