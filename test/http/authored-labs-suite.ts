// Authored labs: who may do what (the authorization matrix), and bad input of every kind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Client, type Fetch } from './client'
import { cast, publish, webLab } from './authored-fixture'

export function authoredLabsSuite(fetch: Fetch) {
  describe('GET /api/lab-format/schema', () => {
    it('serves the JSON Schema of lab format 1 to anyone', async () => {
      const r = await new Client(fetch).get('/api/lab-format/schema')
      expect(r.status).toBe(200)
      expect(r.body.$schema).toMatch(/json-schema/)
      expect(Object.keys(r.body.properties)).toEqual(
        expect.arrayContaining(['format', 'title', 'tasks', 'start', 'solution', 'nearMisses']),
      )
      expect(JSON.stringify(r.body)).toContain('endpointsMatchPods')
    })
  })

  describe('the authorization matrix', () => {
    it('lets only the author read, change, prove, publish and export a lab', async () => {
      const p = await cast(fetch)
      const base = `/api/authored-labs/${p.labId}`
      const routes: [string, string, unknown?][] = [
        ['GET', base],
        ['GET', `${base}/export`],
        ['PUT', base, webLab()],
        ['POST', `${base}/verify`],
        ['POST', `${base}/publish`, { classIds: [p.cls.id] }],
        ['POST', `${base}/unpublish`],
      ]
      for (const [method, path, body] of routes) {
        for (const [who, c] of [
          ['other instructor', p.otherInstructor],
          ['member', p.member],
          ['outsider', p.outsider],
        ] as const) {
          const r = await c.call(method, path, body)
          expect(r.status, `${who} ${method} ${path}`).toBe(404)
          expect(r.body.error.code).toBe('not_found')
        }
        expect(
          (await p.anonymous.call(method, path, body)).status,
          `anonymous ${method} ${path}`,
        ).toBe(401)
        expect((await p.author.call(method, path, body)).status, `author ${method} ${path}`).toBe(
          200,
        )
      }
      for (const c of [p.otherInstructor, p.member, p.outsider])
        expect((await c.call('DELETE', base)).status).toBe(404)
    })

    it('lets instructors create and import, answers 403 to learners and 401 to nobody', async () => {
      const p = await cast(fetch)
      for (const path of ['/api/authored-labs', '/api/authored-labs/import']) {
        const body = path.endsWith('import') ? { yaml: 'format: 1' } : webLab()
        const r = await p.member.post(path, body)
        expect(r.status, path).toBe(403)
        expect(r.body.error.code).toBe('forbidden')
        expect((await p.anonymous.post(path, body)).status).toBe(401)
      }
      expect((await p.member.get('/api/authored-labs')).status).toBe(403)
      const own = await p.author.get('/api/authored-labs')
      expect(own.body.labs.map((l: any) => l.id)).toEqual([p.labId])
      expect((await p.otherInstructor.get('/api/authored-labs')).body.labs).toEqual([])
    })

    it('gives ids that never collide with built-in labs', async () => {
      const p = await cast(fetch)
      expect(p.labId).toMatch(/^authored-[A-Za-z0-9_-]+$/)
      const builtIn = (await p.member.get('/api/labs')).body.labs.map((l: any) => l.id)
      expect(builtIn.some((id: string) => id.startsWith('authored-'))).toBe(false)
    })

    it('shows the source to the author and the instructor of a class it is published to, never to learners', async () => {
      const p = await cast(fetch)
      await publish(p)
      const own = await p.author.get(`/api/authored-labs/${p.labId}`)
      expect(own.body.lab.source.solution).toHaveLength(2)
      const page = await p.member.get(`/api/labs/${p.labId}`)
      expect(page.status).toBe(200)
      const text = JSON.stringify(page.body)
      for (const secret of [
        '"check"',
        'solution',
        'nearMisses',
        'mentions',
        'curl from the workstation',
      ])
        expect(text).not.toContain(secret)
      expect(page.body.lab.tasks[0]).toEqual({
        id: 'see-endpoints',
        title: 'See the endpoints of web',
        done: false,
        hints: ['kubectl get endpoints web'],
      })
    })
  })

  describe('bad input', () => {
    const rows: [string, (d: any) => unknown, string, RegExp][] = [
      [
        'a check of no kind',
        (d) => ({ ...d, tasks: [{ ...d.tasks[0], check: { exist: {} } }] }),
        '$.tasks[0].check',
        /exactly one of these keys/,
      ],
      [
        'a wrong outcome',
        (d) => ({
          ...d,
          tasks: [{ ...d.tasks[0], check: { any: [{ request: { outcome: 'ok' } }] } }],
        }),
        '$.tasks[0].check.any[0].request.outcome',
        /Must be one of/,
      ],
      [
        'a refused manifest',
        (d) => ({
          ...d,
          start: { manifests: [d.start.manifests[0].replace('replicas: 2', 'replicas: 50')] },
        }),
        '$.start.manifests[0]',
        /exceeded quota/,
      ],
      [
        '31 tasks',
        (d) => ({
          ...d,
          tasks: Array.from({ length: 31 }, (_, i) => ({ ...d.tasks[0], id: `t${i}` })),
        }),
        '$.tasks',
        /at most 30 tasks/,
      ],
      [
        'huge instructions',
        (d) => ({ ...d, instructions: 'x'.repeat(70_000) }),
        '$.instructions',
        /64 KB/,
      ],
      [
        '201 commands',
        (d) => ({ ...d, solution: Array(201).fill('true') }),
        '$.solution',
        /at most 200/,
      ],
      ['not an object', () => [1, 2], '$', /Expected an object/],
    ]
    it.each(rows)(
      'refuses %s with 400, the JSON path and a sentence',
      async (_name, edit, path, says) => {
        const p = await cast(fetch)
        for (const [method, url] of [
          ['POST', '/api/authored-labs'],
          ['PUT', `/api/authored-labs/${p.labId}`],
        ]) {
          const r = await p.author.call(method!, url!, edit(webLab()))
          expect(r.status, JSON.stringify(r.body)).toBe(400)
          expect(r.body.error).toMatchObject({ code: 'invalid_lab', field: path })
          expect(r.body.error.message).toMatch(says)
          expect(r.body.error.message.startsWith(`${path}: `)).toBe(true)
        }
        expect((await p.author.get(`/api/authored-labs/${p.labId}`)).body.lab.version).toBe(1)
      },
    )

    it('answers any lab document, however broken, without a 500', async () => {
      const p = await cast(fetch)
      const keys = [
        'format',
        'title',
        'tasks',
        'start',
        'solution',
        'nearMisses',
        'variants',
        'check',
        'manifests',
      ]
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...keys),
          fc.jsonValue({ maxDepth: 4 }),
          fc.boolean(),
          async (key, value, asImport) => {
            const doc: any = webLab()
            if (key === 'check') doc.tasks[0].check = value
            else if (key === 'manifests')
              doc.start.manifests = [typeof value === 'string' ? value : JSON.stringify(value)]
            else doc[key] = value
            const r = asImport
              ? await p.author.post('/api/authored-labs/import', { yaml: JSON.stringify(doc) })
              : await p.author.post('/api/authored-labs', doc)
            expect(r.status, JSON.stringify(doc).slice(0, 200)).toBeLessThan(500)
            if (r.status >= 400) expect(r.body.error.message).toMatch(/^\$/)
          },
        ),
        { numRuns: 60, seed: 20261206 },
      )
    }, 120_000)

    it('refuses a check nested 5000 deep with 400, not a crash', async () => {
      const p = await cast(fetch)
      // written as text: JSON.stringify itself would overflow on such a value
      const check = `${'{"not":'.repeat(5000)}{"exists":{"kind":"Pod"}}${'}'.repeat(5000)}`
      const doc = webLab()
      const text = JSON.stringify({ ...doc, tasks: [{ ...doc.tasks[0], check: '__CHECK__' }] })
      const r = await p.author.post('/api/authored-labs', text.replace('"__CHECK__"', check))
      expect(r.status).toBe(400)
      expect(r.body.error.code).toBe('invalid_lab')
      expect(r.body.error.message).toMatch(/nests more than 40 levels deep/)
    })

    it('refuses bodies that are not JSON, and lab files that are not YAML', async () => {
      const p = await cast(fetch)
      expect(
        (await p.author.post('/api/authored-labs', '{', { 'content-type': 'application/json' }))
          .status,
      ).toBe(400)
      expect(
        (await p.author.post('/api/authored-labs', 'x', { 'content-type': 'text/plain' })).status,
      ).toBe(415)
      const bad = await p.author.post('/api/authored-labs/import', { yaml: 'title: [' })
      expect(bad.status).toBe(400)
      expect(bad.body.error.message).toMatch(/not valid YAML/)
      const publishNothing = await p.author.post(`/api/authored-labs/${p.labId}/publish`, {
        classIds: [],
      })
      expect(publishNothing.body.error.message).toBe('Name at least one class to publish to.')
      const foreign = await p.author.post(`/api/authored-labs/${p.labId}/publish`, {
        classIds: ['nope'],
      })
      expect(foreign.status).toBe(404)
    })
  })
}
