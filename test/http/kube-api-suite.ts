// The Kubernetes API of a lab cluster, over HTTP, on both runtimes: kubeconfig and tokens,
// discovery, Tables, lists. Writes and bad input: kube-api-writes-suite.ts.
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Client, ORIGIN, type Fetch } from './client'
import { DEPLOYMENT, kubeconfigOf, kubeFor, setup } from './kube-api-helpers'

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
      // the session, then the status columns and the token's expiry in one statement
      expect(before.headers.get('server-timing')).toMatch(/statements=2 /)
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

    it('reads the token and the cluster in one statement; discovery reads no cluster', async () => {
      const { kube } = await setup(fetch)
      const cost = (h: Headers) =>
        /statements=\d+ rows_read=\d+ rows_written=\d+/.exec(h.get('server-timing') ?? '')?.[0]
      const pods = await kube.call('GET', '/api/v1/namespaces/default/pods?limit=500', {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      })
      expect(pods.status).toBe(200)
      expect(cost(pods.headers)).toMatch(/^statements=1 rows_read=[12] rows_written=0$/)
      const discovery = await kube.call('GET', '/api/v1')
      expect(discovery.status).toBe(200)
      expect(cost(discovery.headers)).toBe('statements=1 rows_read=1 rows_written=0')
      // a write: the same one-statement read, then the batch of the cluster row and its history row
      const created = await kube.call('POST', '/apis/apps/v1/namespaces/default/deployments', {
        type: 'application/json',
        body: DEPLOYMENT('cost'),
      })
      expect(created.status).toBe(201)
      expect(cost(created.headers)).toMatch(/^statements=3 rows_read=\d+ rows_written=2$/)
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
      // as the apiserver, a Table only in group meta.k8s.io: else the next type it accepts
      for (const path of ['/api/v1/nodes', '/api/v1/nodes/lab-worker']) {
        const plain = await kube.call('GET', path, {
          accept: 'application/json;as=Table;v=v1,application/json',
        })
        expect(plain.body.kind, path).toBe(path.endsWith('nodes') ? 'NodeList' : 'Node')
      }
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
}
