// Whatever a client sends, the API answers in its own shape and never with a 500.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Client, type Fetch } from './client'

const ROUTES: [string, string][] = [
  ['POST', '/api/auth/signup'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/me'],
  ['GET', '/api/labs'],
  ['GET', '/api/labs/:x'],
  ['POST', '/api/labs/:x/cluster'],
  ['GET', '/api/clusters/:x'],
  ['POST', '/api/clusters/:x/run'],
  ['POST', '/api/clusters/:x/reset'],
  ['GET', '/api/clusters/:x/history'],
  ['POST', '/api/classes'],
  ['GET', '/api/classes'],
  ['POST', '/api/classes/join'],
  ['GET', '/api/classes/:x/progress'],
  ['GET', '/api/classes/:x/progress.csv'],
  ['GET', '/api/classes/:x/insights'],
  ['POST', '/api/classes/:x/join-code'],
  ['DELETE', '/api/classes/:x/members/:x'],
]

const PARAMS = ['playground', 'x'.repeat(300), '%00', '..%2F..%2Fetc', '%E2%9C%93', "'; DROP TABLE users; --", '0', '-']

const body = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ command: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), stdin: fc.option(fc.string()) }).map((v) => JSON.stringify(v)),
  fc.record({ email: fc.string(), password: fc.string(), name: fc.string(), joinCode: fc.string() }).map((v) => JSON.stringify(v)),
)

export function robustnessSuite(fetch: Fetch) {
  describe('robustness', () => {
    it('answers every route, signed in or not, with any body, in the API error shape and never 500', async () => {
      const signedIn = new Client(fetch)
      await signedIn.signup('Fuzz')
      const cluster = await signedIn.openCluster()
      const anonymous = new Client(fetch)
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          fc.constantFrom(...PARAMS, cluster),
          body,
          fc.boolean(),
          async ([method, path], param, payload, authed) => {
            const c = authed ? signedIn : anonymous
            const url = path.replace(/:x/g, param)
            const r = await c.call(method, url, method === 'GET' ? undefined : payload)
            expect(r.status, `${method} ${url} ${String(payload).slice(0, 80)}`).toBeLessThan(500)
            if (r.status >= 400) {
              expect(typeof r.body.error.code).toBe('string')
              expect(typeof r.body.error.message).toBe('string')
            }
          },
        ),
        { numRuns: 150, seed: 20261126 },
      )
    }, 60_000)

    it('refuses a run whose command is not a string, and any body that is not an object', async () => {
      const c = new Client(fetch)
      await c.signup()
      const id = await c.openCluster()
      for (const payload of ['[]', '"kubectl get pods"', 'null', '{"command": ["kubectl"]}']) {
        const r = await c.post(`/api/clusters/${id}/run`, payload)
        expect(r.status, payload).toBe(400)
        expect(r.body.error.code).toBe('invalid_input')
      }
    })

    it('says which field is wrong and what it should be, not "Invalid input"', async () => {
      const c = new Client(fetch)
      await c.signup()
      const id = await c.openCluster()
      const cases: [string, unknown, string, string | undefined][] = [
        ['/api/classes/join', { joinCode: 123 }, 'joinCode: Expected a string, found a number.', 'joinCode'],
        ['/api/classes/join', {}, 'joinCode: This is required (a string).', 'joinCode'],
        [`/api/clusters/${id}/run`, { command: ['kubectl'] }, 'command: Expected a string, found a list.', 'command'],
        [`/api/clusters/${id}/run`, [], 'The request body must be a JSON object.', undefined],
        ['/api/auth/login', { email: 'a@b.c' }, 'password: This is required (a string).', 'password'],
      ]
      for (const [path, payload, message, field] of cases) {
        const r = await c.post(path, payload)
        expect(r.status, path).toBe(400)
        expect(r.body.error, path).toEqual({ code: 'invalid_input', message, ...(field ? { field } : {}) })
      }
      const long = await new Client(fetch).signup('x'.repeat(101))
      expect(long.body.error.message).toBe('name: May have at most 100 characters.')
    })
  })
}
