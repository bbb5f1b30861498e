// Deletion: graceful pods, force, cascading garbage collection, Service endpoints, namespaces.
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, deleteObject, getObjectOrError } from '../../../worker/sim/objects'
import { getObject, listObjects, putObject } from '../../../worker/sim/state'
import type { KubeObject, Pod } from '../../../worker/sim/objects/types'

function make(s: ReturnType<typeof newState>, manifest: string | object): KubeObject {
  const r = createObject(s, typeof manifest === 'string' ? y(manifest) : manifest, { now: NOW })
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function scheduledPod(s: ReturnType<typeof newState>, name: string, owner?: KubeObject): Pod {
  const pod = make(s, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: owner.apiVersion,
                kind: owner.kind,
                name: owner.metadata.name,
                uid: owner.metadata.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: { nodeName: 'lab-worker', containers: [{ name: 'c', image: 'nginx' }] },
  }) as Pod
  pod.status.phase = 'Running'
  return putObject(s, pod)
}

describe('delete', () => {
  test('NotFound with the qualified resource', () => {
    const s = newState()
    expect(deleteObject(s, 'Deployment', 'default', 'x', { now: NOW })).toEqual({
      ok: false,
      error: { reason: 'NotFound', message: 'deployments.apps "x" not found' },
    })
    expect(getObjectOrError(s, 'Service', 'default', 'x')).toEqual({
      ok: false,
      error: { reason: 'NotFound', message: 'services "x" not found' },
    })
  })

  test('a running pod terminates for its grace period', () => {
    const s = newState()
    scheduledPod(s, 'p')
    const r = deleteObject(s, 'Pod', 'default', 'p', { now: NOW + 5000 })
    expect(r.ok && r.value.metadata.deletionTimestamp).toBe('2026-11-26T06:00:35Z')
    expect(r.ok && r.value.metadata.deletionGracePeriodSeconds).toBe(30)
    expect(getObject(s, 'Pod', 'default', 'p')).toBeDefined()
  })

  test('--grace-period=0 --force removes at once; an unscheduled pod goes at once', () => {
    const s = newState()
    scheduledPod(s, 'p')
    deleteObject(s, 'Pod', 'default', 'p', { now: NOW, gracePeriodSeconds: 0, force: true })
    expect(getObject(s, 'Pod', 'default', 'p')).toBeUndefined()
    make(
      s,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec: {containers: [{name: c, image: nginx}]}\n',
    )
    deleteObject(s, 'Pod', 'default', 'q', { now: NOW })
    expect(getObject(s, 'Pod', 'default', 'q')).toBeUndefined()
  })

  test('Deployment -> ReplicaSet -> Pods cascade', () => {
    const s = newState()
    const d = make(
      s,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n',
    )
    const rs = make(s, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-7d9f',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: d.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    })
    scheduledPod(s, 'web-7d9f-abcde', rs)
    const other = scheduledPod(s, 'other')
    expect(deleteObject(s, 'Deployment', 'default', 'web', { now: NOW }).ok).toBe(true)
    expect(getObject(s, 'ReplicaSet', 'default', 'web-7d9f')).toBeUndefined()
    expect(getObject(s, 'Pod', 'default', 'web-7d9f-abcde')?.metadata.deletionTimestamp).toBe(
      '2026-11-26T06:00:30Z',
    )
    expect(getObject(s, 'Pod', 'default', 'other')).toEqual(other)
  })

  test('deleting a Service takes its Endpoints and EndpointSlices', () => {
    const s = newState()
    make(
      s,
      'apiVersion: v1\nkind: Service\nmetadata: {name: my-service}\nspec: {ports: [{port: 80}]}\n',
    )
    make(
      s,
      'apiVersion: v1\nkind: Endpoints\nmetadata: {name: my-service}\nsubsets: [{addresses: [{ip: 10.244.1.5}], ports: [{port: 80}]}]\n',
    )
    make(s, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'my-service-abcde',
        labels: { 'kubernetes.io/service-name': 'my-service' },
      },
      addressType: 'IPv4',
      endpoints: [],
      ports: [],
    })
    deleteObject(s, 'Service', 'default', 'my-service', { now: NOW })
    expect(listObjects(s, 'Endpoints', 'default')).toEqual([])
    expect(listObjects(s, 'EndpointSlice', 'default')).toEqual([])
  })

  test('deleting a Namespace removes what is in it; default may not be deleted', () => {
    const s = newState()
    make(s, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n')
    make(
      s,
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: dev}\nspec: {ports: [{port: 80}]}\n',
    )
    deleteObject(s, 'Namespace', undefined, 'dev', { now: NOW })
    expect(Object.keys(s.objects).filter((k) => k.includes('/dev/'))).toEqual([])
    expect(deleteObject(s, 'Namespace', undefined, 'default', { now: NOW })).toEqual({
      ok: false,
      error: {
        reason: 'Forbidden',
        message: 'namespaces "default" is forbidden: this namespace may not be deleted',
      },
    })
  })

  test('dry run deletes nothing', () => {
    const s = newState()
    make(s, 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n')
    const before = JSON.stringify(s)
    expect(deleteObject(s, 'Service', 'default', 'web', { now: NOW, dryRun: true }).ok).toBe(true)
    expect(JSON.stringify(s)).toBe(before)
  })
})
