// Every row of CONTRACT.md's HTTP table, run against any entry (workerd + D1, or Node + libSQL).
import { describe, expect, it } from 'vitest'
import { Client, ORIGIN, type Fetch } from './client'

/** `0s`/`3s` ages vary with the clock: compare table output with the AGE cells normalised. */
export const normaliseAges = (text: string) =>
  text.replace(/\b\d+s\b( *)/g, (cell) => 'AGE'.padEnd(Math.max(3, cell.length)))

export function contractSuite(fetch: Fetch) {
  const client = () => new Client(fetch)

  describe('POST /api/auth/signup', () => {
    it('creates a learner and starts a session with a safe cookie', async () => {
      const c = client()
      const r = await c.signup('Grace')
      expect(r.status).toBe(201)
      expect(r.body.user).toMatchObject({ email: r.email, name: 'Grace', role: 'learner' })
      expect(typeof r.body.user.id).toBe('string')
      const cookie = r.headers.get('set-cookie') ?? ''
      expect(cookie).toMatch(/HttpOnly/i)
      expect(cookie).toMatch(/SameSite=Lax/i)
      expect(cookie).toMatch(/Path=\//)
      expect(cookie).not.toMatch(/Secure/i) // plain http here
      expect((await c.get('/api/me')).body.user.email).toBe(r.email)
    })

    it('answers 409 email_taken for the same email in another case', async () => {
      const a = client()
      const first = await a.signup()
      const again = await client().post('/api/auth/signup', {
        email: first.email.toUpperCase(),
        password: 'another password',
        name: 'Copy',
      })
      expect(again.status).toBe(409)
      expect(again.body.error.code).toBe('email_taken')
    })

    it.each([
      ['a short password', { email: 'x@example.com', password: 'short', name: 'X' }, 'password'],
      ['a bad email', { email: 'not-an-email', password: 'long enough pw', name: 'X' }, 'email'],
      ['no name', { email: 'y@example.com', password: 'long enough pw', name: '' }, 'name'],
      ['a missing field', { email: 'z@example.com', password: 'long enough pw' }, 'name'],
    ])('answers 400 invalid_input for %s', async (_label, body, field) => {
      const r = await client().post('/api/auth/signup', body)
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('invalid_input')
      expect(r.body.error.field).toBe(field)
      expect(r.body.error.message).toMatch(/\w+ \w+/)
    })

    it('answers 400 for malformed JSON and 415 for a form body', async () => {
      const bad = await client().post('/api/auth/signup', '{"email": ')
      expect(bad.status).toBe(400)
      expect(bad.body.error.code).toBe('invalid_input')
      const form = await client().post('/api/auth/signup', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' })
      expect(form.status).toBe(415)
      expect(form.body.error.code).toBe('unsupported_media_type')
    })

    it('answers 413 for a body over 1 MiB', async () => {
      const r = await client().post('/api/auth/signup', { email: 'big@example.com', password: 'x'.repeat(1024 * 1024 + 10), name: 'B' })
      expect(r.status).toBe(413)
      expect(r.body.error.code).toBe('payload_too_large')
    })

    it('refuses a request from another site with 403', async () => {
      const r = await client().post('/api/auth/signup', { email: 'o@example.com', password: 'long enough pw', name: 'O' }, { origin: 'https://evil.example' })
      expect(r.status).toBe(403)
      expect(r.body.error.code).toBe('forbidden_origin')
      const same = await client().post('/api/auth/signup', { email: `same-${crypto.randomUUID()}@example.com`, password: 'long enough pw', name: 'S' }, { origin: ORIGIN })
      expect(same.status).toBe(201)
    })
  })

  describe('POST /api/auth/login', () => {
    it('logs in with the right password, any email case', async () => {
      const a = client()
      const s = await a.signup()
      const b = client()
      const r = await b.post('/api/auth/login', { email: s.email.toUpperCase(), password: s.password })
      expect(r.status).toBe(200)
      expect(r.body.user.email).toBe(s.email)
      expect(b.cookie).not.toBe('')
      expect((await b.get('/api/me')).status).toBe(200)
    })

    it('answers 401 invalid_credentials for a wrong password or an unknown email', async () => {
      const s = await client().signup()
      const wrong = await client().post('/api/auth/login', { email: s.email, password: 'wrong password' })
      expect(wrong.status).toBe(401)
      expect(wrong.body.error.code).toBe('invalid_credentials')
      const unknown = await client().post('/api/auth/login', { email: 'nobody@example.com', password: 'whatever1' })
      expect(unknown.status).toBe(401)
      expect(unknown.body.error.code).toBe('invalid_credentials')
    })

    it('rate-limits failed logins per account with 429 and Retry-After, even for the right password', async () => {
      const s = await client().signup()
      for (let i = 0; i < 5; i++) {
        expect((await client().post('/api/auth/login', { email: s.email, password: `bad-${i}-pass` })).status).toBe(401)
      }
      const locked = await client().post('/api/auth/login', { email: s.email, password: s.password })
      expect(locked.status).toBe(429)
      expect(locked.body.error.code).toBe('rate_limited')
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0)
    })
  })

  describe('POST /api/auth/logout and GET /api/me', () => {
    it('ends the session: /api/me answers 401 after', async () => {
      const c = client()
      await c.signup()
      const cookie = c.cookie
      const out = await c.post('/api/auth/logout')
      expect(out.status).toBe(204)
      const stale = new Client(fetch)
      stale.cookie = cookie
      const me = await stale.get('/api/me')
      expect(me.status).toBe(401)
      expect(me.body.error.code).toBe('unauthenticated')
    })

    it('answers 401 unauthenticated without a cookie or with a forged one', async () => {
      expect((await client().get('/api/me')).body.error.code).toBe('unauthenticated')
      const forged = client()
      forged.cookie = 'sl_session=forged-token'
      expect((await forged.get('/api/me')).status).toBe(401)
    })
  })

  describe('GET /api/labs', () => {
    it('lists the labs with their tasks, playground included', async () => {
      const c = client()
      await c.signup()
      const r = await c.get('/api/labs')
      expect(r.status).toBe(200)
      const playground = r.body.labs.find((l: { id: string }) => l.id === 'playground')
      expect(playground).toMatchObject({ id: 'playground', title: 'Playground', tasks: [] })
      expect(typeof playground.summary).toBe('string')
      for (const lab of r.body.labs) {
        for (const t of lab.tasks) expect(t).toEqual({ id: expect.any(String), title: expect.any(String), done: false })
      }
    })

    it('needs a session', async () => {
      const r = await client().get('/api/labs')
      expect(r.status).toBe(401)
      expect(r.body.error.code).toBe('unauthenticated')
    })
  })

  describe('clusters', () => {
    it('opens the same cluster for a lab every time, and a 404 for an unknown lab', async () => {
      const c = client()
      await c.signup()
      const first = await c.post('/api/labs/playground/cluster')
      expect(first.status).toBe(200)
      expect(first.body.cluster).toEqual({ id: expect.any(String), labId: 'playground' })
      const again = await c.post('/api/labs/playground/cluster')
      expect(again.body.cluster.id).toBe(first.body.cluster.id)
      const missing = await c.post('/api/labs/no-such-lab/cluster')
      expect(missing.status).toBe(404)
      expect(missing.body.error.code).toBe('not_found')
    })

    it('GET /api/clusters/:id returns the Kubernetes objects', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const r = await c.get(`/api/clusters/${id}`)
      expect(r.status).toBe(200)
      expect(r.body.cluster).toMatchObject({ id, labId: 'playground' })
      const names = r.body.cluster.objects.filter((o: any) => o.kind === 'Node').map((o: any) => o.metadata.name)
      expect(names).toEqual(['lab-control-plane', 'lab-worker', 'lab-worker2'])
      const svc = r.body.cluster.objects.find((o: any) => o.kind === 'Service' && o.metadata.name === 'kubernetes')
      expect(svc.spec.clusterIP).toBe('10.96.0.1')
    })

    it('runs kubectl get nodes and prints what kubectl 1.32 prints', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const r = await c.run(id, 'kubectl get nodes')
      expect(r.status).toBe(200)
      expect(r.body.exitCode).toBe(0)
      expect(r.body.stderr).toBe('')
      expect(normaliseAges(r.body.stdout)).toBe(
        [
          'NAME                STATUS   ROLES           AGE   VERSION',
          'lab-control-plane   Ready    control-plane   AGE   v1.32.2',
          'lab-worker          Ready    <none>          AGE   v1.32.2',
          'lab-worker2         Ready    <none>          AGE   v1.32.2',
          '',
        ].join('\n'),
      )
      expect(r.body.tasks).toEqual([])
      // the cost of a command: the session and the cluster read in one statement, then the
      // conditional update and the history insert in one batch; 2 rows written
      expect(r.headers.get('server-timing')).toMatch(/^db;desc="statements=3 rows_read=[0-3] rows_written=2"/)
    })

    it('prints namespaces and the kubernetes Service like kubectl', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const ns = await c.run(id, 'kubectl get namespaces')
      expect(normaliseAges(ns.body.stdout)).toBe(
        // the playground comes with ingress-nginx installed (issue 15)
        'NAME              STATUS   AGE\ndefault           Active   AGE\ningress-nginx     Active   AGE\nkube-node-lease   Active   AGE\nkube-public       Active   AGE\nkube-system       Active   AGE\n',
      )
      const svc = await c.run(id, 'kubectl get svc')
      expect(normaliseAges(svc.body.stdout)).toBe(
        'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   AGE\n',
      )
    })

    it('answers an unknown command like bash, with exit code 127', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const r = await c.run(id, 'frobnicate --now')
      expect(r.status).toBe(200)
      expect(r.body.exitCode).toBe(127)
      expect(r.body.stderr).toBe('bash: frobnicate: command not found\n')
    })

    it('answers a run without a live session 401 before anything else, and a bad id 404', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const forged = client()
      forged.cookie = 'sl_session=forged-token'
      for (const who of [client(), forged]) {
        const r = await who.post(`/api/clusters/${id}/run`, { command: 'kubectl get pods' })
        expect(r.status).toBe(401)
        expect(r.body.error.code).toBe('unauthenticated')
        expect((await who.post(`/api/clusters/${id}/run`, { cmd: 1 })).status).toBe(401)
        expect((await who.post('/api/clusters/bad%20id/run', { command: 'ls' })).status).toBe(401)
      }
      const bad = await c.post('/api/clusters/bad%20id/run', { command: 'ls' })
      expect(bad.status).toBe(404)
      expect(bad.body.error.code).toBe('not_found')
      const missing = await c.post('/api/clusters/no-such-cluster/run', { command: 'ls' })
      expect(missing.status).toBe(404)
    })

    it('rejects a run body that is not {command, stdin?} with 400', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const r = await c.post(`/api/clusters/${id}/run`, { cmd: 'kubectl get pods' })
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('invalid_input')
      const wrongType = await c.post(`/api/clusters/${id}/run`, { command: 42 })
      expect(wrongType.status).toBe(400)
    })

    it("answers 404 for another user's cluster on every route, exactly like a missing one", async () => {
      const owner = client()
      await owner.signup()
      const id = await owner.openCluster()
      const other = client()
      await other.signup()
      for (const [method, path, body] of [
        ['GET', `/api/clusters/${id}`, undefined],
        ['POST', `/api/clusters/${id}/run`, { command: 'kubectl get pods' }],
        ['POST', `/api/clusters/${id}/reset`, undefined],
        ['GET', `/api/clusters/${id}/history`, undefined],
        ['GET', '/api/clusters/does-not-exist', undefined],
      ] as const) {
        const r = await other.call(method, path, body)
        expect(r.status, `${method} ${path}`).toBe(404)
        expect(r.body.error.code).toBe('not_found')
      }
    })

    it('reset brings back the starting state', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const made = await c.run(id, 'kubectl create namespace scratch')
      expect(made.body.stdout).toBe('namespace/scratch created\n')
      const reset = await c.post(`/api/clusters/${id}/reset`)
      expect(reset.status).toBe(200)
      expect(reset.body.cluster.id).toBe(id)
      const after = await c.run(id, 'kubectl get namespace scratch')
      expect(after.body.exitCode).toBe(1)
      expect(after.body.stderr).toBe('Error from server (NotFound): namespaces "scratch" not found\n')
    })

    it('grades a lab task the moment it is done, and reset keeps the progress', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster('pod-ips')
      const before = await c.get('/api/labs')
      const lab = before.body.labs.find((l: any) => l.id === 'pod-ips')
      expect(lab.tasks.find((t: any) => t.id === 'find-pod-ip').done).toBe(false)
      const r = await c.run(id, 'kubectl get pods -o wide')
      expect(r.body.newlyCompleted).toEqual(['find-pod-ip'])
      expect(r.body.tasks.find((t: any) => t.id === 'find-pod-ip')).toEqual({ id: 'find-pod-ip', title: expect.any(String), done: true })
      expect((await c.post(`/api/clusters/${id}/reset`)).status).toBe(200)
      const after = await c.get('/api/labs')
      const task = after.body.labs.find((l: any) => l.id === 'pod-ips').tasks.find((t: any) => t.id === 'find-pod-ip')
      expect(task.done).toBe(true)
      const again = await c.run(id, 'kubectl get pods -o wide')
      expect(again.body.newlyCompleted).toEqual([])
    })

    it('keeps the explanation of a failed request to itself in the debugging challenge', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster('debug-service')
      const r = await c.run(id, 'kubectl exec client -- curl -s -m 3 web')
      expect(r.status).toBe(200)
      expect(r.body.exitCode).not.toBe(0)
      expect(r.body.trace.length).toBeGreaterThan(0)
      for (const t of r.body.trace) expect(t.diagnosis).toBeUndefined()
      expect(r.body.diagnosis).toEqual([])
      const playground = await c.openCluster('playground')
      const out = await c.run(playground, 'curl -s -m 2 10.96.0.1:443')
      expect(out.body.trace[0].diagnosis).toMatch(/ClusterIP/)
      expect(out.body.diagnosis).toEqual([out.body.trace[0].diagnosis])
    })

    it('names the password rule in the error, without repeating the field name', async () => {
      const r = await client().post('/api/auth/signup', { email: 'p@example.com', password: 'short', name: 'P' })
      expect(r.body.error).toEqual({ code: 'invalid_input', field: 'password', message: 'The password needs at least 8 characters.' })
    })

    it('keeps every command of 20 concurrent runs in the history, none lost', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => c.run(id, `kubectl create namespace ns-${i}`)),
      )
      for (const r of results) expect(r.status).toBe(200)
      const h = await c.get(`/api/clusters/${id}/history`)
      const commands = h.body.history.map((x: { command: string }) => x.command).sort()
      expect(commands).toEqual(Array.from({ length: 20 }, (_, i) => `kubectl create namespace ns-${i}`).sort())
      const ns = await c.run(id, 'kubectl get ns -o name')
      for (let i = 0; i < 20; i++) expect(ns.body.stdout).toContain(`namespace/ns-${i}\n`)
    })

    it('loses nothing when tabs mix commands that change the cluster with ones that only read it', async () => {
      const c = client()
      await c.signup()
      const id = await c.openCluster()
      const lines = Array.from({ length: 24 }, (_, i) =>
        i % 2 ? `kubectl get ns` : `kubectl create namespace mixed-${i}`,
      )
      const results = await Promise.all(lines.map((line) => c.run(id, line)))
      for (const r of results) expect(r.body.exitCode).toBe(0)
      const ns = await c.run(id, 'kubectl get ns -o name')
      for (let i = 0; i < 24; i += 2) expect(ns.body.stdout).toContain(`namespace/mixed-${i}\n`)
      const h = await c.get(`/api/clusters/${id}/history`)
      expect(h.body.history).toHaveLength(25)
    }, 30_000)
  })

  describe('guards', () => {
    it('sends security headers on API answers', async () => {
      const r = await client().get('/api/me')
      expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
      expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
      expect(r.headers.get('x-content-type-options')).toBe('nosniff')
      expect(r.headers.get('referrer-policy')).toBeTruthy()
    })

    it('answers an unknown API route with a JSON 404', async () => {
      const r = await client().get('/api/nope')
      expect(r.status).toBe(404)
      expect(r.body.error.code).toBe('not_found')
    })
  })
}
