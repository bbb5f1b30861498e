// The Kubernetes API of a lab cluster, over HTTP, on both runtimes: kubeconfig and tokens,
// discovery, Tables, writes through the simulated API server (same Status texts as the lab
// terminal), protobuf bodies, grading and history, and bad input of every kind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Client, ORIGIN, type Fetch } from './client'

interface Kube {
  server: string
  token: string
  prefix: string
  call(
    method: string,
    path: string,
    o?: { body?: string | Uint8Array; type?: string; accept?: string; auth?: boolean },
  ): Promise<{ status: number; body: any; headers: Headers }>
}

async function kubeconfigOf(c: Client, clusterId: string) {
  const r = await c.get(`/api/clusters/${clusterId}/kubeconfig`)
  expect(r.status).toBe(200)
  return { text: r.body as string, doc: parse(r.body as string), headers: r.headers }
}

function kubeFor(fetch: Fetch, server: string, token: string): Kube {
  const prefix = new URL(server).pathname.replace(/\/key\/[^/]+$/, '')
  return {
    server,
    token,
    prefix,
    async call(method, path, o = {}) {
      const headers: Record<string, string> = { accept: o.accept ?? 'application/json' }
      if (o.type) headers['content-type'] = o.type
      if (o.auth !== false) headers.authorization = `Bearer ${token}`
      const res = await fetch(
        new Request(ORIGIN + prefix + path, {
          method,
          headers,
          body: o.body as BodyInit | undefined,
        }),
      )
      const text = await res.text()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        body = text
      }
      return { status: res.status, body, headers: res.headers }
    },
  }
}

async function setup(fetch: Fetch, lab = 'playground') {
  const c = new Client(fetch)
  await c.signup()
  const id = await c.openCluster(lab)
  const kc = await kubeconfigOf(c, id)
  const user = kc.doc.users[0].user
  return { c, id, kc, kube: kubeFor(fetch, kc.doc.clusters[0].cluster.server, user.token) }
}

const DEPLOYMENT = (name: string, replicas = 2) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, creationTimestamp: null },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
      },
    },
    status: {},
  })

/** A protobuf varint/length-delimited encoder, enough to frame a Namespace as kubectl does. */
function pb(fields: [number, string | Uint8Array][]): Uint8Array {
  const out: number[] = []
  for (const [n, v] of fields) {
    const bytes = typeof v === 'string' ? new TextEncoder().encode(v) : v
    out.push((n << 3) | 2, bytes.length, ...bytes)
  }
  return new Uint8Array(out)
}

export function kubeApiSuite(fetch: Fetch) {
  describe('kube-api: kubeconfig and tokens', () => {
    it('gives the owner a kubeconfig for the cluster; others get 404', async () => {
      const { c, id, kc } = await setup(fetch)
      expect(kc.headers.get('content-type')).toMatch(/^text\/yaml/)
      expect(kc.doc).toMatchObject({
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': 'service-lab-playground',
      })
      expect(kc.doc.clusters[0].name).toBe('service-lab-playground')
      // plain http: the token rides in the server path, kubectl keeps it on every request
      expect(kc.doc.clusters[0].cluster.server).toMatch(
        new RegExp(`^${ORIGIN}/k8s/clusters/${id}/key/slk_`),
      )
      expect(kc.doc.contexts[0].context).toMatchObject({
        cluster: 'service-lab-playground',
        namespace: 'default',
      })
      expect(kc.text).toMatch(/expires at \d{4}-/)
      const other = new Client(fetch)
      await other.signup()
      expect((await other.get(`/api/clusters/${id}/kubeconfig`)).status).toBe(404)
      expect((await new Client(fetch).get(`/api/clusters/${id}/kubeconfig`)).status).toBe(401)
      void c
    })

    it('tells the lab page whether a token is live and when the cluster changed', async () => {
      const { c, id, kube } = await setup(fetch, 'clusterip-endpoints')
      const before = await c.get(`/api/clusters/${id}/kubeconfig/status`)
      expect(before.body).toMatchObject({ active: true })
      expect(before.body.expiresAt).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000)
      await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        body: DEPLOYMENT('web'),
        type: 'application/json',
      })
      expect(before.body.tasksDone).toEqual([])
      const svc = JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'my-service' },
        spec: { ports: [{ port: 8080, targetPort: 80 }] },
      })
      await kube.call('POST', '/api/v1/namespaces/default/services', {
        body: svc,
        type: 'application/json',
      })
      const after = await c.get(`/api/clusters/${id}/kubeconfig/status`)
      expect(after.body.version).toBe(before.body.version + 2)
      expect(after.body.tasksDone).toEqual(['create-service'])
      await c.call('DELETE', `/api/clusters/${id}/kubeconfig`)
      expect((await c.get(`/api/clusters/${id}/kubeconfig/status`)).body).toMatchObject({
        active: false,
        expiresAt: null,
      })
      const other = new Client(fetch)
      await other.signup()
      expect((await other.get(`/api/clusters/${id}/kubeconfig/status`)).status).toBe(404)
    })

    it('over https the server URL is the plain prefix and the token travels as a bearer token', async () => {
      const { c, id } = await setup(fetch)
      const res = await fetch(
        new Request(`https://lab.test/api/clusters/${id}/kubeconfig`, {
          headers: { cookie: c.cookie },
        }),
      )
      const doc = parse(await res.text())
      expect(doc.clusters[0].cluster.server).toBe(`https://lab.test/k8s/clusters/${id}`)
      const list = await fetch(
        new Request(`https://lab.test/k8s/clusters/${id}/api/v1/namespaces/default/services`, {
          headers: { authorization: `Bearer ${doc.users[0].user.token}` },
        }),
      )
      expect(list.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(list.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('answers 401 Unauthorized without a token or with a wrong one, as kube-apiserver does', async () => {
      const { kube } = await setup(fetch)
      for (const r of [
        await kube.call('GET', '/api/v1/namespaces/default/pods', { auth: false }),
        await kubeFor(fetch, ORIGIN + kube.prefix, 'slk_wrongwrongwrongwrongwrongwrong').call(
          'GET',
          '/api/v1/pods',
        ),
      ]) {
        expect(r.status).toBe(401)
        expect(r.body).toMatchObject({
          kind: 'Status',
          status: 'Failure',
          reason: 'Unauthorized',
          code: 401,
        })
      }
    })

    it('accepts the token in the server path (http) as well as in the Authorization header (https)', async () => {
      const { kube } = await setup(fetch)
      const viaPath = await fetch(new Request(`${kube.server}/api/v1/namespaces/default/services`))
      expect(viaPath.status).toBe(200)
      expect(((await viaPath.json()) as { kind: string }).kind).toBe('ServiceList')
      expect((await kube.call('GET', '/api/v1/namespaces/default/services')).status).toBe(200)
    })

    it("never serves another cluster's data with a token: 403 Status", async () => {
      const a = await setup(fetch)
      const b = await setup(fetch)
      const r = await kubeFor(fetch, ORIGIN + b.kube.prefix, a.kube.token).call(
        'GET',
        '/api/v1/namespaces/default/services',
      )
      expect(r.status).toBe(403)
      expect(r.body.reason).toBe('Forbidden')
      expect(JSON.stringify(r.body)).not.toContain('kubernetes')
    })

    it('a new download revokes the old token; revoking ends the new one', async () => {
      const { c, id, kube } = await setup(fetch)
      const second = await kubeconfigOf(c, id)
      expect((await kube.call('GET', '/api/v1/pods')).status).toBe(401)
      const fresh = kubeFor(
        fetch,
        second.doc.clusters[0].cluster.server,
        second.doc.users[0].user.token,
      )
      expect((await fresh.call('GET', '/api/v1/pods')).status).toBe(200)
      expect((await c.call('DELETE', `/api/clusters/${id}/kubeconfig`)).status).toBe(204)
      expect((await fresh.call('GET', '/api/v1/pods')).status).toBe(401)
      const viaPath = await fetch(new Request(`${fresh.server}/api/v1/pods`))
      expect(viaPath.status).toBe(401)
    })
  })

  describe('kube-api: reads', () => {
    it('serves /version as a 1.32 server and discovery for every simulated kind', async () => {
      const { kube } = await setup(fetch)
      expect((await kube.call('GET', '/version')).body).toMatchObject({ major: '1', minor: '32' })
      const core = await kube.call('GET', '/api/v1')
      const names = core.body.resources.map((r: { name: string }) => r.name)
      expect(names).toEqual(
        expect.arrayContaining([
          'pods',
          'services',
          'endpoints',
          'namespaces',
          'nodes',
          'events',
          'pods/log',
          'pods/exec',
        ]),
      )
      const pods = core.body.resources.find((r: { name: string }) => r.name === 'pods')
      expect(pods).toMatchObject({ shortNames: ['po'], categories: ['all'], namespaced: true })
      const agg = await kube.call('GET', '/apis', {
        accept:
          'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      })
      expect(agg.headers.get('content-type')).toBe(
        'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
      )
      const apps = agg.body.items.find(
        (g: { metadata: { name: string } }) => g.metadata.name === 'apps',
      )
      const deploy = apps.versions[0].resources.find(
        (r: { resource: string }) => r.resource === 'deployments',
      )
      expect(deploy.subresources.map((s: { subresource: string }) => s.subresource)).toContain(
        'scale',
      )
    })

    it('answers Tables with the columns the simulated kubectl prints, wide ones at priority 1', async () => {
      const { kube } = await setup(fetch)
      const t = await kube.call('GET', '/api/v1/nodes', {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      })
      expect(t.body.kind).toBe('Table')
      expect(
        t.body.columnDefinitions
          .map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`)
          .slice(0, 6),
      ).toEqual(['Name:0', 'Status:0', 'Roles:0', 'Age:0', 'Version:0', 'Internal-IP:1'])
      expect(t.body.rows.map((r: { cells: string[] }) => r.cells[0])).toEqual([
        'lab-control-plane',
        'lab-worker',
        'lab-worker2',
      ])
      expect(t.body.rows[0].object).toMatchObject({
        kind: 'PartialObjectMetadata',
        metadata: { name: 'lab-control-plane' },
      })
    })

    it('filters lists by label and field selectors and pages with limit/continue', async () => {
      const { kube } = await setup(fetch)
      const all = await kube.call('GET', '/api/v1/namespaces/kube-system/pods')
      expect(all.body.items.length).toBeGreaterThan(1)
      const first = await kube.call('GET', '/api/v1/namespaces/kube-system/pods?limit=1')
      expect(first.body.items).toHaveLength(1)
      const rest = await kube.call(
        'GET',
        `/api/v1/namespaces/kube-system/pods?limit=100&continue=${first.body.metadata.continue}`,
      )
      expect([...first.body.items, ...rest.body.items].map((p: any) => p.metadata.name)).toEqual(
        all.body.items.map((p: any) => p.metadata.name),
      )
      const name = all.body.items[0].metadata.name
      const byField = await kube.call(
        'GET',
        `/api/v1/namespaces/kube-system/pods?fieldSelector=metadata.name%3D${name}`,
      )
      expect(byField.body.items.map((p: any) => p.metadata.name)).toEqual([name])
      const none = await kube.call(
        'GET',
        '/api/v1/namespaces/kube-system/pods?labelSelector=app%3Dnope',
      )
      expect(none.body.items).toEqual([])
      const bad = await kube.call(
        'GET',
        '/api/v1/namespaces/default/services?fieldSelector=spec.nope%3D1',
      )
      expect(bad.status).toBe(400)
      expect(bad.body.message).toBe('field label not supported: spec.nope')
    })
  })

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
      const { kube } = await setup(fetch)
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
      const ssa = await kube.call('PATCH', path, {
        type: 'application/apply-patch+yaml',
        body: 'spec: {}',
      })
      expect(ssa.status).toBe(415)
      expect(ssa.body.message).toContain('server-side apply')
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
          '/api/v1/namespaces/default/configmaps',
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
