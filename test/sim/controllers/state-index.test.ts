// The per-kind key index behind listObjects/objectsOfKind and settle's skip of work already done:
// every write through putObject/removeObject is seen by the next read and the next settle.
import { describe, expect, it } from 'vitest'
import { Lab, deployment } from './helpers'
import { settle } from '../../../worker/sim/controllers/settle'
import type { Deployment, Pod, Service } from '../../../worker/sim/objects/types'
import {
  cloneJSON,
  forgetIndex,
  listObjects,
  objectsOfKind,
  putObject,
  removeObject,
  type ClusterState,
} from '../../../worker/sim/state'

const names = (objs: readonly { metadata: { namespace?: string; name: string } }[]) =>
  objs.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`)

function service(name: string, namespace = 'default'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace,
      uid: `uid-${namespace}-${name}`,
      resourceVersion: '',
      creationTimestamp: '',
    },
    spec: { ports: [{ port: 80 }] },
    status: { loadBalancer: {} },
  } as unknown as Service
}

/** What the document itself says: its keys of a kind, in insertion order. */
const documentOrder = (s: ClusterState, kind: string) =>
  Object.keys(s.objects)
    .filter((k) => k.startsWith(`${kind}/`))
    .map((k) => k.slice(kind.length + 1))

describe('per-kind index of the cluster document', () => {
  it('a put after a list is seen by the next list, sorted by namespace then name', () => {
    const s = new Lab().s
    expect(names(listObjects(s, 'Service'))).toEqual(['default/kubernetes', 'kube-system/kube-dns'])
    putObject(s, service('a-web'))
    putObject(s, service('zz', 'a-team'))
    expect(names(listObjects(s, 'Service'))).toEqual([
      'a-team/zz',
      'default/a-web',
      'default/kubernetes',
      'kube-system/kube-dns',
    ])
    expect(names(listObjects(s, 'Service', 'default'))).toEqual([
      'default/a-web',
      'default/kubernetes',
    ])
    expect(names(objectsOfKind(s, 'Service'))).toEqual([
      'default/kubernetes',
      'kube-system/kube-dns',
      'default/a-web',
      'a-team/zz',
    ])
  })

  it('a remove after a list is seen by the next list; a re-put goes last, as in the document', () => {
    const s = new Lab().s
    putObject(s, service('one'))
    putObject(s, service('two'))
    expect(names(objectsOfKind(s, 'Service', 'default'))).toEqual([
      'default/kubernetes',
      'default/one',
      'default/two',
    ])
    expect(removeObject(s, 'Service', 'default', 'one')).toBe(true)
    expect(names(listObjects(s, 'Service', 'default'))).toEqual([
      'default/kubernetes',
      'default/two',
    ])
    putObject(s, service('one'))
    expect(names(objectsOfKind(s, 'Service', 'default'))).toEqual([
      'default/kubernetes',
      'default/two',
      'default/one',
    ])
    expect(names(objectsOfKind(s, 'Service', 'default'))).toEqual(
      documentOrder(s, 'Service').filter((k) => k.startsWith('default/')),
    )
  })

  it('notices a key deleted from the document directly; forgetIndex picks up direct additions', () => {
    const s = new Lab().s
    putObject(s, service('gone'))
    expect(names(listObjects(s, 'Service', 'default'))).toContain('default/gone')
    delete s.objects['Service/default/gone']
    expect(names(listObjects(s, 'Service', 'default'))).toEqual(['default/kubernetes'])
    expect(names(objectsOfKind(s, 'Service', 'default'))).toEqual(['default/kubernetes'])
    s.objects['Service/default/direct'] = service('direct')
    forgetIndex(s)
    expect(names(listObjects(s, 'Service', 'default'))).toEqual([
      'default/direct',
      'default/kubernetes',
    ])
  })

  it('keeps nothing of the index in the serialised document', () => {
    const s = new Lab().s
    const before = JSON.stringify(s)
    listObjects(s, 'Pod')
    objectsOfKind(s, 'Node')
    expect(JSON.stringify(s)).toBe(before)
    const parsed = JSON.parse(before) as ClusterState
    expect(names(listObjects(parsed, 'Pod'))).toEqual(names(listObjects(s, 'Pod')))
  })

  it('cloneJSON copies deeply, keeps undefined-valued keys, shares nothing', () => {
    const s = new Lab().s
    const c = cloneJSON(s)
    expect(c).toEqual(structuredClone(s))
    expect(JSON.stringify(c)).toBe(JSON.stringify(s))
    const pod = Object.values(c.objects).find((o) => o.kind === 'Pod') as Pod
    pod.metadata.labels = { changed: 'yes' }
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(s))
    expect(cloneJSON({ a: undefined, b: [1, null, 'x'] })).toEqual({
      a: undefined,
      b: [1, null, 'x'],
    })
  })
})

describe('settle skips only work already done', () => {
  it('a second settle at the same time changes nothing, not even the document bytes', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 2))
    const before = JSON.stringify(lab.s)
    settle(lab.s, lab.now)
    expect(JSON.stringify(lab.s)).toBe(before)
  })

  it('a write after a settle at the same time is acted on by the next settle', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 2))
    const d = lab.get<Deployment>('Deployment', 'web') as Deployment
    settle(lab.s, lab.now)
    d.spec.replicas = 4
    d.metadata.generation = 2
    putObject(lab.s, d)
    settle(lab.s, lab.now)
    expect(lab.pods().filter((p) => p.metadata.name.startsWith('web-'))).toHaveLength(4)
    const victim = lab.pods()[0] as Pod
    removeObject(lab.s, 'Pod', 'default', victim.metadata.name)
    settle(lab.s, lab.now)
    const pods = lab.pods().filter((p) => p.metadata.name.startsWith('web-'))
    expect(pods).toHaveLength(4)
    expect(names(pods)).not.toContain(`default/${victim.metadata.name}`)
  })

  it('switching the load-balancer controller on is acted on at the same time', () => {
    const lab = new Lab()
    lab.s.runtime.loadBalancerController = false
    lab.create(`apiVersion: v1
kind: Service
metadata:
  name: lb
spec:
  type: LoadBalancer
  selector:
    app: x
  ports:
  - port: 80
`)
    expect((lab.get<Service>('Service', 'lb') as Service).status.loadBalancer).toEqual({})
    lab.s.runtime.loadBalancerController = true
    settle(lab.s, lab.now)
    expect((lab.get<Service>('Service', 'lb') as Service).status.loadBalancer.ingress).toEqual([
      { ip: '172.18.255.200', ipMode: 'VIP' },
    ])
  })

  it('a later time is never skipped: pods started by then are Running', () => {
    const lab = new Lab()
    lab.create(deployment('web', 'nginx:1.19', 1))
    expect(lab.pods()[0]?.status.phase).toBe('Pending')
    settle(lab.s, lab.now + 60_000)
    expect(lab.pods()[0]?.status.phase).toBe('Running')
  })
})
