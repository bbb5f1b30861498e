// Request bodies on the Node entry are read from Node's own stream (worker/node-body.ts), not
// through web streams: a body arriving in pieces is read whole, a chunked body past 1 MiB is
// answered 413 in the API's shape, and the server goes on answering; a client gone before or while
// its body is read leaves no request waiting forever.
import { request } from 'node:http'
import { PassThrough } from 'node:stream'
import type { Context } from 'hono'
import { describe, expect, it } from 'vitest'
import { readNodeBody } from '../../worker/node-body'
import { learner } from './kube-streams-helpers'
import { listenForFile } from './node-app'

/** the kinds of request whose body went through the Node entry's reader */
const readByNode: string[] = []
const origin = listenForFile({
  readBody: (c, max, tooLarge) => {
    readByNode.push(new URL(c.req.url).pathname.startsWith('/k8s/') ? 'kube' : 'api')
    return readNodeBody(c, max, tooLarge)
  },
})

interface Reply {
  status: number
  body: string
}

/** POSTs `pieces` one write at a time (chunked: no Content-Length), as a slow client would. */
function postInPieces(path: string, pieces: Buffer[], headers: Record<string, string> = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(path.startsWith('http') ? path : origin() + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
    })
    req.on('response', (res) => {
      const got: Buffer[] = []
      res.on('data', (d: Buffer) => got.push(d))
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(got).toString() }))
    })
    // a reset after the answer is the server dropping the rest of a refused body: not a failure
    req.on('error', (e) => (req.writableEnded ? undefined : reject(e)))
    let i = 0
    const next = () => {
      if (i === pieces.length) return req.end()
      req.write(pieces[i++], () => setTimeout(next, 5))
    }
    next()
  })
}

describe('request bodies on the Node entry', () => {
  it('reads a body sent in pieces, a character split between two of them', async () => {
    const json = Buffer.from(
      JSON.stringify({ email: 'piece@example.com', password: 'a long password', name: 'Zoë ✓' }),
    )
    const at = json.indexOf(Buffer.from('✓')) + 1 // inside the three bytes of ✓
    const reply = await postInPieces('/api/auth/signup', [
      json.subarray(0, 10),
      json.subarray(10, at),
      json.subarray(at),
    ])
    expect(reply.status).toBe(201)
    expect(JSON.parse(reply.body).user.name).toBe('Zoë ✓')
  })

  it('answers 413 in the API shape to a chunked body past 1 MiB, then serves the next request', async () => {
    const piece = Buffer.alloc(256 * 1024, 'a')
    const reply = await postInPieces('/api/auth/signup', [
      Buffer.from('{"email":"'),
      ...Array(6).fill(piece),
    ])
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: 'payload_too_large', message: 'The request body is larger than 1 MiB.' },
    })
    const after = await fetch(origin() + '/api/me')
    expect(after.status).toBe(401)
  })

  it('still says which JSON is broken', async () => {
    const reply = await postInPieces('/api/auth/signup', [
      Buffer.from('{"email":'),
      Buffer.from('oops'),
    ])
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body).error.code).toBe('invalid_input')
  })
})

describe('Kubernetes API bodies on the Node entry', () => {
  it('reads a Pod sent in pieces, and answers a chunked body past 1 MiB with a 413 Status', async () => {
    const l = await learner(origin())
    const pods = `${l.server}/api/v1/namespaces/default/pods`
    const pod = Buffer.from(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'in-pieces', annotations: { note: 'zoë' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      }),
    )
    const at = pod.indexOf(Buffer.from('ë')) + 1 // inside the two bytes of ë
    const made = await postInPieces(pods, [pod.subarray(0, 7), pod.subarray(7, at), pod.subarray(at)])
    expect(made.status).toBe(201)
    expect(JSON.parse(made.body).metadata.annotations.note).toBe('zoë')
    expect((await l.sim('kubectl get pod in-pieces -o name')).stdout).toBe('pod/in-pieces\n')

    expect(readByNode).toContain('kube')

    const piece = Buffer.alloc(256 * 1024, ' ')
    const huge = await postInPieces(pods, [Buffer.from('{"kind":'), ...Array(5).fill(piece)])
    expect(huge.status).toBe(413)
    expect(JSON.parse(huge.body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'RequestEntityTooLarge',
      code: 413,
    })
  })
})

describe('a client gone before its body is read', () => {
  const ctx = (incoming: unknown) => ({ env: { incoming } }) as unknown as Context
  const tooLarge = () => new Error('too large')
  const settled = (p: Promise<unknown> | undefined) =>
    Promise.race([
      Promise.resolve(p).then(
        (v) => ({ v }),
        (e: unknown) => ({ e }),
      ),
      new Promise((r) => setTimeout(() => r('still waiting'), 1000)),
    ])

  it('leaves an already closed stream to the web reader instead of waiting on it', async () => {
    const gone = new PassThrough()
    gone.destroy()
    await new Promise((r) => setImmediate(r))
    expect(readNodeBody(ctx(gone), 1024, tooLarge)).toBeUndefined()
  })

  it('ends the read with what arrived when the stream closes midway', async () => {
    const leaving = new PassThrough()
    const read = readNodeBody(ctx(leaving), 1024, tooLarge)
    leaving.write('{"command":')
    await new Promise((r) => setImmediate(r))
    leaving.destroy()
    const out = (await settled(read)) as { v?: Uint8Array }
    expect(Buffer.from(out.v!).toString()).toBe('{"command":')
  })
})
