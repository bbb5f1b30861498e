// updateObject: what label, scale, set image and edit rely on.
import { expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, updateObject } from '../../../worker/sim/objects'
import type { Deployment, KubeObject, Pod, Service } from '../../../worker/sim/objects/types'

function make<T extends KubeObject>(s: ReturnType<typeof newState>, manifest: string): T {
  const r = createObject(s, y(manifest), { now: NOW })
  if (!r.ok) throw new Error(r.error.message)
  return structuredClone(r.value) as T
}

const DEPLOY =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx:1.25}]}\n'

test('scale and set image bump generation; a label does not; status is kept', () => {
  const s = newState()
  const d = make<Deployment>(s, DEPLOY)
  d.spec.replicas = 3
  const scaled = updateObject(s, d, { now: NOW })
  expect(scaled.ok && scaled.value.metadata.generation).toBe(2)
  const next = structuredClone(scaled.ok ? scaled.value : d) as Deployment
  next.metadata.labels = { tier: 'front' }
  next.status = { replicas: 99 }
  const labelled = updateObject(s, next, { now: NOW })
  expect(labelled.ok && labelled.value.metadata.generation).toBe(2)
  expect(labelled.ok && labelled.value.status).toEqual({})
})

test('a no-op update keeps the resourceVersion; a stale one is a Conflict', () => {
  const s = newState()
  const svc = make<Service>(
    s,
    'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n',
  )
  const same = updateObject(s, structuredClone(svc), { now: NOW })
  expect(same.ok && same.value.metadata.resourceVersion).toBe(svc.metadata.resourceVersion)
  const changed = structuredClone(svc)
  changed.metadata.labels = { a: 'b' }
  expect(updateObject(s, changed, { now: NOW }).ok).toBe(true)
  const stale = structuredClone(svc)
  stale.metadata.labels = { a: 'c' }
  expect(updateObject(s, stale, { now: NOW })).toEqual({
    ok: false,
    error: {
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on services "web": the object has been modified; please apply your changes to the latest version and try again',
    },
  })
})

test('updating a missing object is NotFound; an invalid label is Invalid', () => {
  const s = newState()
  const pod = make<Pod>(
    s,
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n',
  )
  const gone = structuredClone(pod)
  gone.metadata.name = 'q'
  expect(updateObject(s, gone, { now: NOW })).toEqual({
    ok: false,
    error: { reason: 'NotFound', message: 'pods "q" not found' },
  })
  pod.metadata.labels = { app: 'my app' }
  const r = updateObject(s, pod, { now: NOW })
  expect(r.ok ? '' : r.error.details?.causes[0]?.message).toMatch(
    /^metadata\.labels: Invalid value: "my app": a valid label must be/,
  )
})

test('a Service type change to NodePort allocates node ports, and a taken one is refused', () => {
  const s = newState()
  make<Service>(
    s,
    'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}\n',
  )
  const b = make<Service>(
    s,
    'apiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {ports: [{port: 80}]}\n',
  )
  b.spec.type = 'NodePort'
  const ok = updateObject(s, structuredClone(b), { now: NOW })
  expect(ok.ok && (ok.value as Service).spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000)
  const taken = structuredClone(ok.ok ? ok.value : b) as Service
  taken.spec.ports![0]!.nodePort = 30080
  const r = updateObject(s, taken, { now: NOW })
  expect(r.ok ? '' : r.error.message).toBe(
    'Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
  )
})
