// Headers set after the handler (worker/http/response-headers.ts): in place on a response of the
// app's own, on a copy when the response's headers are immutable. No server is started in this
// file: @hono/node-server's serve() replaces the global Response with its own, whose headers are
// never immutable.
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { setAfterHandler } from '../../worker/http/response-headers'

describe('setAfterHandler', () => {
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    setAfterHandler(c, { 'Server-Timing': 'db;dur=1.0', 'Cache-Control': 'no-store' })
  })
  app.get('/json', (c) => c.json({ ok: true }, 201, { 'X-Kept': 'yes' }))
  // Response.redirect's headers are immutable: they are set on a copy
  app.get('/moved', () => Response.redirect('http://lab.test/json', 302))

  it('sets the headers on the handler’s response, keeping its own', async () => {
    const r = await app.request('/json')
    expect(r.status).toBe(201)
    expect(await r.json()).toEqual({ ok: true })
    expect(r.headers.get('x-kept')).toBe('yes')
    expect(r.headers.get('server-timing')).toBe('db;dur=1.0')
    expect(r.headers.get('cache-control')).toBe('no-store')
  })

  it('copies a response whose headers are immutable, then sets them', async () => {
    const r = await app.request('/moved')
    expect(r.status).toBe(302)
    expect(r.headers.get('location')).toBe('http://lab.test/json')
    expect(r.headers.get('server-timing')).toBe('db;dur=1.0')
    expect(r.headers.get('cache-control')).toBe('no-store')
  })
})
