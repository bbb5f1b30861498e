// The Node entry's database thread seen from the app (worker/node.ts, db/libsql-thread.ts): SQLite's
// work no longer holds the event loop, errors keep their answers, a thread that dies answers every
// request waiting for it with the JSON error shape, and the process ends cleanly mid-load.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Worker } from 'node:worker_threads'
import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { openNodeApp } from '../../worker/node'
import { Client } from '../http/client'

const LONG_QUERY =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) AS n FROM c'

const tempDb = (name: string) => join(mkdtempSync(join(tmpdir(), `sl-${name}-`)), 'a.db')

describe('the Node entry with its database thread', () => {
  it('keeps serving while a long query runs', async () => {
    const { app, client } = await openNodeApp({ url: `file:${tempDb('long')}` })
    const visitor = new Client(async (req) => app.fetch(req))
    let longDone = false
    const long = client.execute(LONG_QUERY).then((r) => {
      longDone = true
      return r.rows[0]
    })
    // a timer and a request that needs no query are served while SQLite counts in its thread
    // (on the main thread, they waited for the whole query)
    await new Promise((r) => setTimeout(r, 5))
    expect((await visitor.get('/api/me')).status).toBe(401)
    expect(longDone).toBe(false)
    expect(await long).toEqual({ n: 3_000_000 })
    await client.stop()
  })

  it('answers a second signup with the same email as before (409)', async () => {
    const { app, client } = await openNodeApp({ url: `file:${tempDb('dup')}` })
    const [a, b] = [
      new Client(async (req) => app.fetch(req)),
      new Client(async (req) => app.fetch(req)),
    ]
    const first = await a.signup()
    const again = await b.post('/api/auth/signup', {
      email: first.email,
      password: 'another one here',
      name: 'B',
    })
    expect(first.status).toBe(201)
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('email_taken')
    await client.stop()
  })

  it('answers the requests waiting for a thread that died with the JSON error shape', async () => {
    const { app, client } = await openNodeApp({ url: `file:${tempDb('dead')}` })
    const learner = new Client(async (req) => app.fetch(req))
    await learner.signup()
    const id = await learner.openCluster()
    const long = client.execute(LONG_QUERY)
    // the long query is sent at the end of this turn; the thread dies once it is done with it: a
    // message it cannot read
    await new Promise((r) => setImmediate(r))
    ;(client as unknown as { worker: Worker }).worker.postMessage([null])
    const waiting = await Promise.all([learner.get('/api/me'), learner.run(id, 'kubectl get pods')])
    expect((await long).rows[0]).toEqual({ n: 3_000_000 })
    for (const r of [...waiting, await learner.get('/api/me')]) {
      expect(r.status).toBe(500)
      expect(r.body.error.code).toBe('internal_error')
    }
  })
})

describe('a Node entry ending mid-load', () => {
  it.each(['exit', 'sigterm'])(
    'ends cleanly on %s while the thread is inside a statement',
    (mode) => {
      const file = tempDb('end')
      const fixture = fileURLToPath(new URL('./fixtures/exit-with-db-thread.ts', import.meta.url))
      const r = spawnSync(process.execPath, ['--import', 'tsx', fixture, file, mode], {
        encoding: 'utf8',
      })
      // a thread ended inside libsql's native call aborts the process (a Rust panic, 134)
      expect(r.stderr).not.toContain('panicked')
      expect(r.status).toBe(0)
      const seen = JSON.parse(r.stdout.trim().split('\n').at(-1)!)
      expect(seen.answered).toBeGreaterThanOrEqual(40)
      // every request that got an answer got a proper one
      expect(seen.serverErrors).toBe(0)
      expect(seen.notJson).toBe(0)
      // the database is whole, with every learner in it
      const db = new Database(file)
      expect(db.prepare('PRAGMA integrity_check').get()).toMatchObject({ integrity_check: 'ok' })
      expect((db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(6)
      db.close()
    },
    60_000,
  )
})
