// kubectl apply: created / configured / unchanged, last-applied annotation, three-way merge, T14 flag.
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { applyObject, createObject, LAST_APPLIED } from '../../../worker/sim/objects'
import { getObject } from '../../../worker/sim/state'
import type { Deployment, Service } from '../../../worker/sim/objects/types'

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: web, tier: front}
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - name: http
    port: 80
    targetPort: 8080
`

const DEPLOY = (replicas: number, image = 'nginx:1.25') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
`

function apply(s: ReturnType<typeof newState>, manifest: string, now = NOW) {
  const r = applyObject(s, y(manifest), { now })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('apply', () => {
  test('created, then unchanged, then configured', () => {
    const s = newState()
    expect(apply(s, SVC).op).toBe('created')
    const rv = getObject(s, 'Service', 'default', 'web')!.metadata.resourceVersion
    expect(apply(s, SVC).op).toBe('unchanged')
    expect(getObject(s, 'Service', 'default', 'web')!.metadata.resourceVersion).toBe(rv)
    expect(apply(s, SVC.replace('targetPort: 8080', 'targetPort: 9090')).op).toBe('configured')
  })

  test('the annotation is the manifest as kubectl encodes it', () => {
    const s = newState()
    const obj = apply(
      s,
      'apiVersion: v1\nkind: Service\nmetadata: {name: a, annotations: {note: "<b>&"}}\nspec: {ports: [{port: 80}]}\n',
    ).object
    expect(obj.metadata.annotations).toEqual({
      note: '<b>&',
      [LAST_APPLIED]:
        '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{"note":"\\u003cb\\u003e\\u0026"},"name":"a","namespace":"default"},"spec":{"ports":[{"port":80}]}}\n',
    })
    const plain = apply(s, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n').object
    expect(plain.metadata.annotations?.[LAST_APPLIED]).toBe(
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"dev"}}\n',
    )
  })

  test('server-set fields survive a re-apply; fields dropped from the manifest are removed', () => {
    const s = newState()
    const first = apply(s, SVC).object as Service
    const { clusterIP } = first.spec
    const nodePort = first.spec.ports![0]!.nodePort
    const next = SVC.replace('labels: {app: web, tier: front}', 'labels: {app: web}')
    const again = apply(s, next).object as Service
    expect(again.spec.clusterIP).toBe(clusterIP)
    expect(again.spec.ports![0]!.nodePort).toBe(nodePort)
    expect(again.metadata.labels).toEqual({ app: 'web' })
  })

  test('labels added by someone else survive; a manifest field wins over a live edit', () => {
    const s = newState()
    apply(s, DEPLOY(2))
    const live = getObject<Deployment>(s, 'Deployment', 'default', 'web')!
    live.metadata.labels = { extra: 'kept' }
    live.spec.replicas = 5
    const r = apply(s, DEPLOY(2))
    expect(r.op).toBe('configured')
    const d = r.object as Deployment
    expect(d.spec.replicas).toBe(2)
    expect(d.metadata.labels).toEqual({ extra: 'kept' })
  })

  test('a spec change bumps generation; an annotation-only change does not', () => {
    const s = newState()
    apply(s, DEPLOY(2))
    expect(apply(s, DEPLOY(3)).object.metadata.generation).toBe(2)
    expect(apply(s, DEPLOY(3, 'nginx:1.26')).object.metadata.generation).toBe(3)
  })

  test('NodePort -> ClusterIP by editing only the type clears the node ports (V10)', () => {
    const s = newState()
    apply(s, SVC)
    const r = apply(s, SVC.replace('type: NodePort', 'type: ClusterIP'))
    expect(r.op).toBe('configured')
    const spec = (r.object as Service).spec
    expect(spec.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }])
    expect(spec.externalTrafficPolicy).toBeUndefined()
  })

  test('ClusterIP -> ExternalName -> ClusterIP releases and reallocates the IP', () => {
    const s = newState()
    const ip = (
      apply(s, 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 80}]}\n')
        .object as Service
    ).spec.clusterIP
    const ext = apply(
      s,
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {type: ExternalName, externalName: example.com}\n',
    ).object as Service
    expect(ext.spec.clusterIP).toBeUndefined()
    expect(ext.spec.ipFamilies).toBeUndefined()
    const back = apply(
      s,
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {ports: [{port: 80}]}\n',
    ).object as Service
    expect(back.spec.clusterIP).toMatch(/^10\./)
    expect(back.spec.clusterIP).not.toBe(ip)
  })

  test('changing the clusterIP is refused (V8)', () => {
    const s = newState()
    apply(s, 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n')
    const r = applyObject(
      s,
      y(
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {clusterIP: 10.96.200.200, ports: [{port: 80}]}\n',
      ),
      { now: NOW },
    )
    expect(r.ok ? '' : r.error.details?.causes.map((c) => c.message)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.200.200"}: may not change once set',
    ])
  })

  test('a changed Deployment selector is refused (V18)', () => {
    const s = newState()
    apply(s, DEPLOY(1))
    const r = applyObject(s, y(DEPLOY(1).replace(/app: web/g, 'app: web2')), { now: NOW })
    expect(r.ok ? '' : r.error.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    )
  })

  test('a Pod spec change is forbidden, an image change is not (V14)', () => {
    const s = newState()
    const pod = (image: string, port: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n    ports: [{containerPort: ${port}}]\n`
    apply(s, pod('nginx:1.25', 80))
    expect(apply(s, pod('nginx:1.26', 80)).op).toBe('configured')
    const r = applyObject(s, y(pod('nginx:1.26', 8080)), { now: NOW })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.details?.causes[0]!.message.split('\n')[0]).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    )
  })

  test('applying over an object made by create flags the missing annotation (T14)', () => {
    const s = newState()
    createObject(s, y(SVC), { now: NOW })
    const r = apply(s, SVC)
    expect(r.op).toBe('configured')
    expect(r.missingLastApplied).toBe(true)
    expect(apply(s, SVC).missingLastApplied).toBeUndefined()
  })

  test('create of an existing object is AlreadyExists (E3)', () => {
    const s = newState()
    createObject(s, y(SVC), { now: NOW })
    const r = createObject(s, y(SVC), { now: NOW })
    expect(r.ok ? '' : r.error).toEqual({
      reason: 'AlreadyExists',
      message: 'services "web" already exists',
    })
    const d = createObject(s, y(DEPLOY(1)), { now: NOW })
    expect(d.ok).toBe(true)
    const d2 = createObject(s, y(DEPLOY(1)), { now: NOW })
    expect(d2.ok ? '' : d2.error.message).toBe('deployments.apps "web" already exists')
  })

  test('a missing namespace is NotFound, before validation', () => {
    const s = newState()
    const r = applyObject(
      s,
      y(
        'apiVersion: v1\nkind: Service\nmetadata: {name: Web, namespace: nope}\nspec: {ports: [{port: 80}]}\n',
      ),
      { now: NOW },
    )
    expect(r.ok ? '' : r.error).toEqual({
      reason: 'NotFound',
      message: 'namespaces "nope" not found',
    })
  })

  test('the request namespace is used when the manifest has none', () => {
    const s = newState()
    apply(s, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n')
    const r = applyObject(
      s,
      y('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n'),
      { now: NOW, namespace: 'dev' },
    )
    expect(r.ok && r.value.object.metadata.namespace).toBe('dev')
  })
})
