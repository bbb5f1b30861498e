// DELETE with DeleteOptions' propagation through the Kubernetes API: Orphan, Foreground, and
// the 422 the apiserver answers for a policy it does not know.
import { describe, expect, it } from 'vitest'
import type { Fetch } from './client'
import { DEPLOYMENT, setup } from './kube-api-helpers'

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments'

export function kubeApiDeleteSuite(fetch: Fetch) {
  describe('kube-api: delete propagation', () => {
    it('Orphan keeps the ReplicaSet without its ownerReference; Foreground answers the waiting owner', async () => {
      const { kube } = await setup(fetch)
      const json = 'application/json'
      for (const name of ['o', 'f'])
        expect(
          (await kube.call('POST', DEPLOYMENTS, { body: DEPLOYMENT(name), type: json })).status,
        ).toBe(201)
      const orphan = await kube.call('DELETE', `${DEPLOYMENTS}/o`, {
        body: JSON.stringify({ propagationPolicy: 'Orphan' }),
        type: json,
      })
      expect(orphan.status).toBe(200)
      const rs = await kube.call(
        'GET',
        '/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Do',
      )
      expect(rs.body.items).toHaveLength(1)
      expect(rs.body.items[0].metadata.ownerReferences).toBeUndefined()

      const fg = await kube.call('DELETE', `${DEPLOYMENTS}/f?propagationPolicy=Foreground`)
      expect(fg.status).toBe(200)
      expect(fg.body).toMatchObject({
        kind: 'Deployment',
        metadata: { name: 'f', finalizers: ['foregroundDeletion'], deletionGracePeriodSeconds: 0 },
      })
      expect(fg.body.metadata.deletionTimestamp).toEqual(expect.any(String))
      // its pods had not reached a node yet, so they went at once, and the owner after them
      expect((await kube.call('GET', `${DEPLOYMENTS}/f`)).status).toBe(404)
    })

    it('an unknown policy, or both fields, is a 422 Invalid DeleteOptions', async () => {
      const { kube } = await setup(fetch)
      await kube.call('POST', DEPLOYMENTS, { body: DEPLOYMENT('web'), type: 'application/json' })
      const bad = await kube.call('DELETE', `${DEPLOYMENTS}/web`, {
        body: JSON.stringify({ propagationPolicy: 'Sideways' }),
        type: 'application/json',
      })
      expect(bad.status).toBe(422)
      expect(bad.body).toMatchObject({
        kind: 'Status',
        reason: 'Invalid',
        message:
          'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
        details: { group: 'meta.k8s.io', kind: 'DeleteOptions' },
      })
      const both = await kube.call('DELETE', `${DEPLOYMENTS}/web`, {
        body: JSON.stringify({ propagationPolicy: 'Orphan', orphanDependents: true }),
        type: 'application/json',
      })
      expect(both.status).toBe(422)
      // nothing was deleted
      expect((await kube.call('GET', `${DEPLOYMENTS}/web`)).status).toBe(200)
    })
  })
}
