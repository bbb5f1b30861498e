// Writes through the Kubernetes API on both runtimes: the simulated API server's Status texts,
// patches, scale, protobuf bodies, deletes, grading; and bad input of every kind, never a 500.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Fetch } from './client'
import { DEPLOYMENT, pb, setup } from './kube-api-helpers'

export function kubeApiWritesSuite(fetch: Fetch) {
  describe('kube-api: writes', () => {
    it('creates through the simulated API server: the browser sees it, history records it', async () => {
      const { c, id, kube } = await setup(fetch)
      const r = await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web'),
        type: 'application/json',
      })
      expect(r.status).toBe(201)
      expect(r.body.metadata).toMatchObject({ name: 'web', namespace: 'default', generation: 1 })
      const seen = await c.get(`/api/clusters/${id}`)
      const kinds = seen.body.cluster.objects
        .filter((o: any) => o.metadata.labels?.app === 'web')
        .map((o: any) => o.kind)
      expect(kinds).toContain('Pod')
      const history = await c.get(`/api/clusters/${id}/history`)
      expect(history.body.history.map((h: any) => h.command)).toContain(
        'API client: deployment.apps/web created in default (API)',
      )
      const again = await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web'),
        type: 'application/json',
      })
      expect(again.status).toBe(409)
      expect(again.body).toMatchObject({
        reason: 'AlreadyExists',
        message: 'deployments.apps "web" already exists',
      })
    })

    it('answers validation errors with the same text as the lab terminal', async () => {
      const { c, id, kube } = await setup(fetch)
      const r = await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web', -1),
        type: 'application/json',
      })
      expect(r.status).toBe(422)
      expect(r.body.reason).toBe('Invalid')
      const sim = await c.run(id, 'kubectl apply -f -', DEPLOYMENT('web', -1))
      const why = 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'
      expect(r.body.message).toBe(`Deployment.apps "web" is invalid: ${why}`)
      expect(r.body.details).toMatchObject({ kind: 'Deployment', name: 'web' })
      expect(sim.body.stderr).toBe(`The Deployment "web" is invalid: ${why}\n`)
    })

    it('patches (strategic, merge, JSON) and scales through the scale subresource', async () => {
      const { c, id, kube } = await setup(fetch)
      await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web'),
        type: 'application/json',
      })
      const path = '/apis/apps/v1/namespaces/default/deployments/web'
      const smp = await kube.call('PATCH', path, {
        type: 'application/strategic-merge-patch+json',
        // what kubectl apply sends: directives around the plain patch
        body: JSON.stringify({
          spec: {
            strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null },
            template: {
              spec: {
                '$setElementOrder/containers': [{ name: 'nginx' }],
                containers: [{ name: 'nginx', image: 'nginx:1.26' }],
              },
            },
          },
        }),
      })
      expect(smp.status, JSON.stringify(smp.body)).toBe(200)
      expect(smp.body.spec.template.spec.containers).toHaveLength(1)
      expect(smp.body.spec.template.spec.containers[0].image).toBe('nginx:1.26')
      expect(smp.body.spec.strategy).toEqual({ type: 'Recreate' })
      const merge = await kube.call('PATCH', path, {
        type: 'application/merge-patch+json',
        body: '{"metadata":{"labels":{"tier":"web"}}}',
      })
      expect(merge.body.metadata.labels).toEqual({ tier: 'web' })
      const json = await kube.call('PATCH', path, {
        type: 'application/json-patch+json',
        body: '[{"op":"add","path":"/spec/minReadySeconds","value":3}]',
      })
      expect(json.body.spec.minReadySeconds).toBe(3)
      const scaled = await kube.call('PATCH', `${path}/scale`, {
        type: 'application/merge-patch+json',
        body: '{"spec":{"replicas":4}}',
      })
      expect(scaled.body).toMatchObject({
        kind: 'Scale',
        apiVersion: 'autoscaling/v1',
        spec: { replicas: 4 },
      })
      expect((await kube.call('GET', path)).body.spec.replicas).toBe(4)
      const history = await c.get(`/api/clusters/${id}/history`)
      expect(history.body.history.map((h: { command: string }) => h.command)).toContain(
        'kubectl scale deployment web --replicas=4 (API)',
      )
      const ssa = await kube.call('PATCH', path, {
        type: 'application/apply-patch+yaml',
        body: 'spec: {}',
      })
      expect(ssa.status).toBe(415)
      expect(ssa.body.message).toContain('server-side apply')
      // the apiserver takes the same four patch types on the scale subresource
      const ssaScale = await kube.call('PATCH', `${path}/scale`, {
        type: 'application/apply-patch+yaml',
        body: 'spec: {replicas: 1}',
      })
      expect(ssaScale.status).toBe(415)
      expect(ssaScale.body).toMatchObject({
        reason: 'UnsupportedMediaType',
        message: ssa.body.message,
      })
      expect((await kube.call('GET', path)).body.spec.replicas).toBe(4)
    })

    it("answers a strategic merge patch it cannot apply as the apiserver does, and as the terminal's kubectl prints it", async () => {
      const { c, id, kube } = await setup(fetch)
      await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web'),
        type: 'application/json',
      })
      const patch = '{"spec":{"$patch":"bogus"}}'
      const r = await kube.call('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', {
        type: 'application/strategic-merge-patch+json',
        body: patch,
      })
      // the patch library's plain error: ErrorToAPIStatus sends a 500 with no reason
      expect(r.status).toBe(500)
      expect(r.body).toMatchObject({ kind: 'Status', status: 'Failure', code: 500 })
      expect(r.body).not.toHaveProperty('reason')
      const sim = await c.run(id, `kubectl patch deployment web -p '${patch}'`)
      expect(sim.body.stderr).toBe(`Error from server: ${r.body.message}\n`)
      const list = await kube.call('PATCH', '/apis/apps/v1/namespaces/default/deployments/web', {
        type: 'application/strategic-merge-patch+json',
        body: '{"spec":{"template":{"spec":{"containers":[["nginx"]]}}}}',
      })
      // a list of lists (ErrNoListOfLists): the generic 422 without the library's reason
      expect(list.status).toBe(422)
      expect(list.body).toMatchObject({
        reason: 'Invalid',
        message: 'the server rejected our request due to an error in our request',
      })
    })

    it('decodes protobuf bodies (kubectl create namespace)', async () => {
      const { kube } = await setup(fetch)
      const typeMeta = pb([
        [1, 'v1'],
        [2, 'Namespace'],
      ])
      const ns = pb([[1, pb([[1, 'dev']])]])
      const body = new Uint8Array([
        0x6b,
        0x38,
        0x73,
        0x00,
        ...pb([
          [1, typeMeta],
          [2, ns],
        ]),
      ])
      const r = await kube.call('POST', '/api/v1/namespaces', {
        body,
        type: 'application/vnd.kubernetes.protobuf',
      })
      expect(r.status).toBe(201)
      expect(r.body.metadata.name).toBe('dev')
      expect((await kube.call('GET', '/api/v1/namespaces/dev')).body.status.phase).toBe('Active')
    })

    it('deletes (a Status for what is gone) and refuses node writes with Forbidden', async () => {
      const { kube } = await setup(fetch)
      const svc = JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
      })
      expect(
        (
          await kube.call('POST', '/api/v1/namespaces/default/services', {
            body: svc,
            type: 'application/json',
          })
        ).status,
      ).toBe(201)
      const del = await kube.call('DELETE', '/api/v1/namespaces/default/services/web', {
        body: '{"propagationPolicy":"Background"}',
        type: 'application/json',
      })
      expect(del.body).toMatchObject({
        kind: 'Status',
        status: 'Success',
        details: { name: 'web', kind: 'services' },
      })
      expect((await kube.call('GET', '/api/v1/namespaces/default/services/web')).body.message).toBe(
        'services "web" not found',
      )
      const node = await kube.call('DELETE', '/api/v1/nodes/lab-worker')
      expect(node.status).toBe(403)
      expect(node.body.message).toBe(
        'nodes "lab-worker" is forbidden: User "learner" cannot delete resource "nodes" in API group "" at the cluster scope',
      )
      expect((await kube.call('GET', '/api/v1/nodes/lab-worker')).status).toBe(200)
    })

    it('grades API writes: lab tasks turn done', async () => {
      const { c, kube } = await setup(fetch, 'clusterip-endpoints')
      const svc = JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'my-service' },
        spec: { ports: [{ protocol: 'TCP', port: 8080, targetPort: 80 }] },
      })
      expect(
        (
          await kube.call('POST', '/api/v1/namespaces/default/services', {
            body: svc,
            type: 'application/json',
          })
        ).status,
      ).toBe(201)
      const lab = await c.get('/api/labs/clusterip-endpoints')
      expect(lab.body.lab.tasks.find((t: { id: string }) => t.id === 'create-service').done).toBe(
        true,
      )
    })
  })

  describe('kube-api: bad input', () => {
    it('answers malformed bodies, unknown kinds and oversized bodies with Status errors', async () => {
      const { kube } = await setup(fetch)
      const cases: [string, string, { body?: string; type?: string }, number][] = [
        [
          'POST',
          '/api/v1/namespaces/default/pods',
          { body: '{bad', type: 'application/json' },
          400,
        ],
        [
          'POST',
          '/api/v1/namespaces/default/pods',
          { body: 'a: [', type: 'application/yaml' },
          400,
        ],
        ['POST', '/api/v1/namespaces/default/pods', { body: 'x', type: 'text/plain' }, 415],
        [
          'POST',
          '/api/v1/namespaces/default/pods',
          { body: 'k8s\u0000\u00ff\u00ff', type: 'application/vnd.kubernetes.protobuf' },
          400,
        ],
        [
          'POST',
          '/api/v1/namespaces/default/serviceaccounts',
          { body: '{}', type: 'application/json' },
          404,
        ],
        [
          'POST',
          '/api/v1/namespaces/default/services',
          { body: DEPLOYMENT('x'), type: 'application/json' },
          400,
        ],
        [
          'PATCH',
          '/api/v1/namespaces/default/services/kubernetes',
          { body: '[{"op":"remove","path":"/nope"}]', type: 'application/json-patch+json' },
          422,
        ],
        [
          'POST',
          '/api/v1/namespaces/default/pods',
          { body: 'x'.repeat(1_100_000), type: 'application/json' },
          413,
        ],
      ]
      for (const [method, path, o, want] of cases) {
        const r = await kube.call(method, path, o)
        expect(r.status, `${method} ${path} ${o.type}`).toBe(want)
        expect(r.body.kind).toBe('Status')
      }
    })

    it('answers any path, method and body with a Status, never a 500', async () => {
      const { kube } = await setup(fetch)
      const seg = fc.oneof(
        fc.constantFrom(
          'api',
          'apis',
          'v1',
          'apps',
          'namespaces',
          'default',
          'pods',
          'services',
          'deployments',
          'scale',
          'status',
          'log',
          'exec',
          'openapi',
          'v3',
          '%ZZ',
          '..',
          'kube-system',
          'nodes',
        ),
        fc.string({ maxLength: 12 }).map(encodeURIComponent),
      )
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
          fc.array(seg, { maxLength: 7 }),
          fc.oneof(fc.constant(undefined), fc.string(), fc.json()),
          fc.constantFrom(
            'application/json',
            'application/merge-patch+json',
            'application/strategic-merge-patch+json',
            'application/json-patch+json',
            'application/yaml',
            'application/vnd.kubernetes.protobuf',
          ),
          async (method, segs, body, type) => {
            const path = `/${segs.join('/')}`
            const r = await kube.call(method, path, {
              body: method === 'GET' ? undefined : body,
              type,
            })
            expect(r.status, `${method} ${path}`).toBeLessThan(500)
            if (r.status >= 400) expect(r.body.kind, `${method} ${path}`).toBe('Status')
          },
        ),
        { numRuns: 120 },
      )
    }, 60_000)
  })
}
