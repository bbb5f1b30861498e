// kubectl delete --cascade=orphan|foreground|background (delete propagation, Kubernetes 1.32):
// orphaned ReplicaSets and pods stay without the owner's ownerReference; a foreground delete keeps
// the owner (deletionTimestamp + foregroundDeletion) until its dependents are gone.
import { describe, expect, test } from 'vitest'
import { lab, out } from './helpers'
import type { KubeObject } from '../../../worker/sim/objects/types'

/** busybox `sleep` ignores SIGTERM: its pods take the whole 30 s grace period to go. */
function withWorkload(image = 'busybox') {
  const l = lab()
  const cmd = image === 'busybox' ? ' -- sleep 3600' : ''
  l.k(`create deployment web --image=${image} --replicas=2${cmd}`)
  l.advance(30_000)
  return l
}

const ofKind = (l: ReturnType<typeof lab>, kind: string) =>
  Object.values(l.ctx.s.objects).filter(
    (o): o is KubeObject => o.kind === kind && o.metadata.name.startsWith('web'),
  )

describe('kubectl delete --cascade', () => {
  test('orphan: the ReplicaSet and its pods stay, without the ownerReference to the Deployment', () => {
    const l = withWorkload()
    const rs = ofKind(l, 'ReplicaSet')[0]!
    expect(l.k('delete deployment web --cascade=orphan')).toEqual({
      stdout: 'deployment.apps "web" deleted\n',
      stderr: '',
      exitCode: 0,
    })
    l.advance(60_000)
    expect(ofKind(l, 'Deployment')).toEqual([])
    const [kept] = ofKind(l, 'ReplicaSet')
    expect(kept?.metadata.name).toBe(rs.metadata.name)
    expect(kept?.metadata.ownerReferences).toBeUndefined()
    const pods = ofKind(l, 'Pod')
    expect(pods).toHaveLength(2)
    expect(pods.every((p) => !p.metadata.deletionTimestamp)).toBe(true)
    expect(pods.every((p) => p.metadata.ownerReferences?.[0]?.uid === rs.metadata.uid)).toBe(true)
    // still a working ReplicaSet: it replaces a deleted pod
    l.k(`delete pod ${pods[0]!.metadata.name} --grace-period=1`)
    l.advance(30_000)
    expect(ofKind(l, 'Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2)
  })

  test('foreground: the owner waits with its finalizer until the pods and the ReplicaSet are gone', () => {
    const l = withWorkload()
    expect(l.k('delete deployment web --cascade=foreground').stdout).toBe(
      'deployment.apps "web" deleted\n',
    )
    const [deploy] = ofKind(l, 'Deployment')
    expect(deploy?.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(deploy?.metadata.deletionTimestamp).toBeDefined()
    expect(deploy?.metadata.deletionGracePeriodSeconds).toBe(0)
    const [rs] = ofKind(l, 'ReplicaSet')
    expect(rs?.metadata.finalizers).toEqual(['foregroundDeletion'])
    expect(ofKind(l, 'Pod').every((p) => p.metadata.deletionTimestamp)).toBe(true)
    expect(l.k('get deploy,rs').stdout).toMatch(
      /deployment.apps\/web .*\n[\s\S]*replicaset.apps\/web-/,
    )
    l.advance(20_000)
    expect(ofKind(l, 'Deployment')).toHaveLength(1)
    // the pods' 30 s grace period ends: then the ReplicaSet goes, then the Deployment
    l.advance(15_000)
    expect(ofKind(l, 'Pod')).toEqual([])
    expect(ofKind(l, 'ReplicaSet')).toEqual([])
    expect(ofKind(l, 'Deployment')).toEqual([])
  })

  test('a background delete of an owner waiting in the foreground lets it go at once', () => {
    const l = withWorkload()
    l.k('delete deployment web --cascade=foreground')
    expect(l.k('delete deployment web').stdout).toBe('deployment.apps "web" deleted\n')
    expect(ofKind(l, 'Deployment')).toEqual([])
    // the ReplicaSet was already being deleted in the foreground: it waits for its pods
    expect(ofKind(l, 'ReplicaSet')).toHaveLength(1)
    l.advance(35_000)
    expect(ofKind(l, 'ReplicaSet')).toEqual([])
  })

  test('the name stays taken while the owner waits: create says the object is being deleted', () => {
    const l = withWorkload()
    l.k('delete deployment web --cascade=foreground')
    expect(l.k('create deployment web --image=nginx')).toEqual({
      stdout: '',
      stderr:
        'error: failed to create deployment: object is being deleted: deployments.apps "web" already exists\n',
      exitCode: 1,
    })
    l.advance(35_000)
    expect(l.k('create deployment web --image=nginx').stdout).toBe('deployment.apps/web created\n')
  })

  test('a Terminating pod keeps its name too (store.Create)', () => {
    const l = lab()
    l.k('run box --image=busybox -- sleep 3600')
    l.advance(30_000)
    l.k('delete pod box --wait=false')
    expect(l.k('run box --image=busybox -- sleep 3600')).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): object is being deleted: pods "box" already exists\n',
      exitCode: 1,
    })
  })

  test('foreground on an object without dependents deletes it at once', () => {
    const l = withWorkload()
    l.k('expose deployment web --port=80')
    expect(l.k('delete svc web --cascade=foreground').stdout).toBe('service "web" deleted\n')
    expect(ofKind(l, 'Service')).toEqual([])
  })

  test('background (the default, and --cascade alone) still cascades', () => {
    const l = withWorkload('nginx')
    expect(l.k('delete deployment web --cascade').exitCode).toBe(0)
    expect(ofKind(l, 'Deployment')).toEqual([])
    expect(ofKind(l, 'ReplicaSet')).toEqual([])
  })

  test('flag values as kubectl 1.32 parses them', () => {
    const l = withWorkload('nginx')
    expect(l.k('delete deployment web --cascade=bogus')).toEqual({
      stdout: '',
      stderr:
        'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n',
      exitCode: 1,
    })
    expect(l.k('delete deployment nope --cascade=false')).toEqual({
      stdout: '',
      stderr:
        'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\nError from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    })
    // out(): the streams and exit code (their order is output-order.test.ts's)
    expect(out(l.k('delete deployment web --cascade=true'))).toEqual({
      stdout: 'deployment.apps "web" deleted\n',
      stderr:
        'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      exitCode: 0,
    })
    expect(ofKind(l, 'ReplicaSet')).toEqual([])
  })
})
