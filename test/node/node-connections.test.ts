// The Node entry's local database (worker/node.ts): every connection it runs requests on has the
// pragmas it sets. @libsql/client's pool used to open one connection per request in flight, each
// with SQLite's defaults: synchronous=FULL (an fsync blocking the event loop at every commit) and
// no busy timeout.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { openNodeApp } from '../../worker/node'
import { BACKSTOP_PAGES } from '../../worker/db/wal-checkpointer'
import { Client } from '../http/client'

type Connection = Database.Database
const proto = Database.prototype as { prepare(this: Connection, sql: string): Database.Statement }

/** The connections `work` prepares statements on. */
async function connectionsOf(work: () => Promise<unknown>): Promise<Set<Connection>> {
  const used = new Set<Connection>()
  const prepare = proto.prepare
  proto.prepare = function (this: Connection, sql: string) {
    used.add(this)
    return prepare.call(this, sql)
  }
  try {
    await work()
  } finally {
    proto.prepare = prepare
  }
  return used
}

const pragma = (db: Connection, name: string) =>
  Object.values(db.prepare(`PRAGMA ${name}`).get() as Record<string, unknown>)[0]

describe('the Node entry over a local file', () => {
  it('runs concurrent learners on connections with its pragmas', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'sl-conn-')), 'a.db')}`
    const { app, client } = await openNodeApp({ url })
    const learners = Array.from({ length: 6 }, () => new Client(async (req) => app.fetch(req)))
    const used = await connectionsOf(() =>
      Promise.all(
        learners.map(async (l) => {
          await l.signup()
          const id = await l.openCluster()
          for (const line of ['kubectl get pods', 'kubectl create deployment web --image=nginx'])
            expect((await l.run(id, line)).status).toBe(200)
        }),
      ),
    )
    expect(used.size).toBeGreaterThan(0)
    for (const db of used) {
      // NORMAL: in WAL mode a commit waits for no fsync (worker/node.ts)
      expect(pragma(db, 'synchronous')).toBe(1)
      expect(pragma(db, 'busy_timeout')).toBe(5000)
      // a thread checkpoints the WAL (db/wal-checkpointer.ts); a connection's own is the backstop
      expect(pragma(db, 'wal_autocheckpoint')).toBe(BACKSTOP_PAGES)
    }
    client.close()
  })
})
