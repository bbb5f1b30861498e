// The Node entry self-hosted behind a reverse proxy that ends TLS (nginx, Caddy): the app sees
// http://127.0.0.1:8787 while learners' browsers are on https://<host>. Trusting the proxy
// (TRUST_PROXY) the app takes the browser's scheme and host, and each learner's address, from the
// X-Forwarded-* headers; without it, it believes none of them.
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  clientDeps,
  instructorCodeOf,
  LOCAL_INSTRUCTOR_CODE,
  openNodeApp,
  startNode,
  staticFiles,
} from '../../worker/node'
import { parseTrustProxy } from '../../worker/node-proxy'
import { Client, ORIGIN } from '../http/client'

const PUBLIC = ORIGIN.replace('http:', 'https:')
/** what nginx with `proxy_set_header X-Forwarded-Proto $scheme` adds, and the browser's Origin */
const VIA_TLS_PROXY = { origin: PUBLIC, 'x-forwarded-proto': 'https' }

const dbUrl = () => `file:${join(mkdtempSync(join(tmpdir(), 'sl-proxy-')), 'a.db')}`

/** The Node entry's app in process; requests carry `headers` as the proxy would add them. */
async function learnerVia(trustProxy: number, headers: Record<string, string>) {
  const { app } = await openNodeApp({ url: dbUrl(), ...clientDeps(trustProxy, () => '127.0.0.1') })
  return new Client(async (req) => {
    for (const [k, v] of Object.entries(headers)) req.headers.set(k, v)
    return app.fetch(req)
  })
}

describe('the Node entry behind a TLS-ending proxy', () => {
  it('without TRUST_PROXY believes no forwarded header: a page served over https cannot sign up', async () => {
    const learner = await learnerVia(0, VIA_TLS_PROXY)
    const r = await learner.signup()
    expect(r.status).toBe(403)
    expect(r.body.error.code).toBe('forbidden_origin')
  })

  it('trusting the proxy, signs up, sets a Secure cookie and gives a kubeconfig for the https URL', async () => {
    const learner = await learnerVia(1, VIA_TLS_PROXY)
    const r = await learner.signup()
    expect(r.status).toBe(201)
    expect(r.headers.get('set-cookie')).toMatch(/; Secure/i)
    const open = await learner.post('/api/labs/playground/cluster', {})
    expect(open.status).toBeLessThan(300)
    const id = open.body.cluster.id as string
    const conf = await learner.get(`/api/clusters/${id}/kubeconfig`)
    expect(conf.status).toBe(200)
    // over https the token is a bearer token, not part of the server URL
    expect(conf.body).toContain(`server: ${PUBLIC}/k8s/clusters/${id}\n`)
    expect(conf.body).not.toContain('/key/')
  })

  it('takes the host from X-Forwarded-Host, and ignores values that are not a scheme or a host', async () => {
    const other = 'https://lab2.example.org:8443'
    const viaHost = await learnerVia(1, {
      origin: other,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'lab2.example.org:8443',
    })
    expect((await viaHost.signup()).status).toBe(201)
    // a scheme that is not http(s), a "host" with a path: the request's own URL is kept
    const odd = await learnerVia(1, {
      origin: PUBLIC,
      'x-forwarded-proto': 'javascript',
      'x-forwarded-host': 'evil.example/x',
    })
    expect((await odd.signup()).body.error.code).toBe('forbidden_origin')
  })

  it("rate-limits each learner's address, not the proxy's, counting from the right of X-Forwarded-For", async () => {
    const { app } = await openNodeApp({ url: dbUrl(), ...clientDeps(1, () => '127.0.0.1') })
    const login = (forwardedFor: string) =>
      app.fetch(
        new Request(`${ORIGIN}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ email: `${crypto.randomUUID()}@example.com`, password: 'wrong password' }),
        }),
      )
    // 20 failures from one address (each a different account) lock that address
    for (let i = 0; i < 20; i++) expect((await login('198.51.100.7')).status).toBe(401)
    expect((await login('198.51.100.7')).status).toBe(429)
    // another learner behind the same proxy is not locked out
    expect((await login('198.51.100.8')).status).toBe(401)
    // what the client wrote left of the proxy's entry does not change who it is
    expect((await login('198.51.100.8, 198.51.100.7')).status).toBe(429)
  })

  it('over a real socket: the peer is the proxy, the forwarded headers name the learner', async () => {
    const { server, client } = await startNode({ port: 0, url: dbUrl(), trustProxy: 1 })
    try {
      if (!server.listening) await once(server, 'listening')
      const { port } = (server as Server).address() as AddressInfo
      const r = await fetch(`http://127.0.0.1:${port}/api/auth/signup`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://lab.example.org',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'lab.example.org',
          'x-forwarded-for': '203.0.113.9',
        },
        body: JSON.stringify({ email: 'proxy@example.com', password: 'correct horse', name: 'P' }),
      })
      expect(r.status).toBe(201)
      expect(r.headers.get('set-cookie')).toMatch(/; Secure/i)
    } finally {
      await new Promise((done) => (server as Server).close(done))
      client.close()
    }
  })
})

describe('TRUST_PROXY', () => {
  it('is a number of proxies, or true/false; anything else is refused', () => {
    expect([undefined, '', '0', 'false', 'no'].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 0])
    expect(['1', 'true', 'yes', '2', ' 3 '].map(parseTrustProxy)).toEqual([1, 1, 1, 2, 3])
    for (const bad of ['-1', 'loopback', '1.5', '100'])
      expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY must be a number of proxies/)
  })
})

describe('the instructor code of a server others reach', () => {
  it("is the README's well-known code only on this machine's own address", () => {
    expect(instructorCodeOf(undefined, '127.0.0.1', 0)).toBe(LOCAL_INSTRUCTOR_CODE)
    expect(instructorCodeOf(undefined, 'localhost', 0)).toBe(LOCAL_INSTRUCTOR_CODE)
    // behind a proxy, or listening for other machines: nobody becomes instructor by default
    expect(instructorCodeOf(undefined, '127.0.0.1', 1)).toBeUndefined()
    expect(instructorCodeOf(undefined, '0.0.0.0', 0)).toBeUndefined()
    expect(instructorCodeOf('', '0.0.0.0', 0)).toBeUndefined()
    expect(instructorCodeOf('s3cret', '0.0.0.0', 1)).toBe('s3cret')
  })
})

describe("the Node entry's static files", () => {
  it('answers a path with a broken %-escape 400, not a server error', async () => {
    const serve = staticFiles('web/dist')
    for (const path of ['/%E0%A4%A', '/assets/%ZZ.js']) {
      const r = await serve(new Request(`http://lab.test${path}`))
      expect(r.status).toBe(400)
    }
  })
})
