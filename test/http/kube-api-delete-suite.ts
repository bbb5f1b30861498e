// DELETE with DeleteOptions' propagation through the Kubernetes API: Orphan, Foreground, and
// the 422 the apiserver answers for a policy it does not know.
import { describe, expect, it } from 'vitest'
import { Client, type Fetch } from './client'
import { INSTRUCTOR_CODE } from './classes-suite'
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

    it('history shows what kubectl 1.32 prints for each deletion: kind.group for grouped kinds', async () => {
      const { c, id, kube } = await setup(fetch)
      const json = 'application/json'
      await kube.call('POST', DEPLOYMENTS, { body: DEPLOYMENT('web'), type: json })
      expect((await kube.call('DELETE', `${DEPLOYMENTS}/web`)).status).toBe(200)
      await c.run(id, 'kubectl run solo --image=nginx')
      const pods = '/api/v1/namespaces/default/pods'
      expect((await kube.call('DELETE', `${pods}/solo?gracePeriodSeconds=0`)).status).toBe(200)
      await c.run(id, 'kubectl run one --image=nginx')
      expect((await kube.call('DELETE', `${pods}?labelSelector=run%3Done`)).status).toBe(200)
      // the instructor's timeline shows each line's output
      const owner = new Client(fetch)
      await owner.signup('Olga Owner', { instructorCode: INSTRUCTOR_CODE })
      const cls = (await owner.post('/api/classes', { name: 'Services 101' })).body.class
      await c.post('/api/classes/join', { joinCode: cls.joinCode })
      const me = (await c.get('/api/me')).body.user.id as string
      const timeline = await owner.get(
        `/api/classes/${cls.id}/learners/${me}/labs/playground/history`,
      )
      expect((await c.get(`/api/clusters/${id}/history`)).status).toBe(200)
      const history = timeline.body.history as { command: string; stdout: string }[]
      const api = history.filter(
        (h) => h.command.endsWith('(API)') && h.command.includes('deleted'),
      )
      expect(api.map((h) => h.stdout)).toEqual([
        'deployment.apps "web" deleted\n',
        'pod "solo" force deleted\n',
        'pod "one" deleted\n',
      ])
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
