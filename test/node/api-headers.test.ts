// The headers every API answer carries after its handler (app.ts: Server-Timing with the rows a
// request read and wrote, Cache-Control), set in place on the handler's response
// (worker/http/response-headers.ts), over a real socket as the Node entry serves them.
import { describe, expect, it } from 'vitest'
import { Client } from '../http/client'
import { listenForFile } from './node-app'

const origin = listenForFile()
const overSocket = () =>
  new Client(async (req) => {
    const url = new URL(req.url)
    return fetch(origin() + url.pathname + url.search, {
      method: req.method,
      headers: req.headers,
      body: req.body ? await req.text() : undefined,
    })
  })

describe('API answers over the Node entry', () => {
  it('a terminal line carries its rows in Server-Timing, no-store and its whole body', async () => {
    const c = overSocket()
    await c.signup()
    const id = await c.openCluster()
    const line = { terminal: 'tab-1', columns: 120, rows: 30 }
    const r = await c.post(`/api/clusters/${id}/run`, { command: 'kubectl get pods -A', ...line })
    expect(r.status).toBe(200)
    expect(r.body.stdout).toContain('kube-system')
    expect(r.headers.get('server-timing')).toMatch(
      /^db;desc="statements=\d+ rows_read=[1-3] rows_written=2";dur=\d+\.\d$/,
    )
    expect(r.headers.get('cache-control')).toBe('no-store')
    expect(r.headers.get('x-content-type-options')).toBe('nosniff')
    expect(r.headers.get('content-type')).toBe('application/json')
    expect(Number(r.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(r.body)))
  })

  it('the floor and an error answer carry them too', async () => {
    const c = overSocket()
    const anonymous = await c.get('/api/me')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe('unauthenticated')
    expect(anonymous.headers.get('cache-control')).toBe('no-store')
    expect(anonymous.headers.get('server-timing')).toMatch(/^db;desc="statements=0 /)
    await c.signup()
    const me = await c.get('/api/me')
    expect(me.status).toBe(200)
    expect(me.headers.get('server-timing')).toMatch(/^db;desc="statements=1 rows_read=1 /)
    expect(me.headers.get('cache-control')).toBe('no-store')
  })
})
