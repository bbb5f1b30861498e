// The Node entry's app over a fresh libSQL file database, for the test/node suites, and that app
// listening on a free port when a suite needs a real server (the real kubectl, WebSockets).
import { mkdtempSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, beforeAll } from 'vitest'
import { createApp } from '../../worker/app'
import type { Deps } from '../../worker/http/env'
import { libsqlDatabase } from '../../worker/db/libsql'
import { REBASE_AT, stateCodec, type StateCodec } from '../../worker/db/state-codec'
import { attachWebSockets } from '../../worker/kube-api/exec/node-upgrade'
import { readNodeBody } from '../../worker/node-body'

/** as the Node entry's codec (worker/node.ts): the delta padded to keep the row's size */
export const nodeGzipCodec = () =>
  stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }, REBASE_AT, {
    keepRowSize: true,
  })

export interface NodeAppOptions {
  /** the database file; default: test.db in a new temporary folder */
  dbFile?: string
  now?: () => number
  instructorCode?: string
  stateCodec?: StateCodec
  /** how bodies are read; default: as the Node entry reads them (readNodeBody) */
  readBody?: Deps['readBody']
}

export function nodeApp(o: NodeAppOptions = {}) {
  const dbFile = o.dbFile ?? join(mkdtempSync(join(tmpdir(), 'sl-node-')), 'test.db')
  const db = createClient({ url: `file:${dbFile}` })
  const app = createApp({
    openDb: (m) => libsqlDatabase(db, m),
    stateCodec: o.stateCodec ?? nodeGzipCodec(),
    instructorCode: o.instructorCode,
    clientAddress: () => '127.0.0.1',
    // as the Node entry reads bodies (served over a socket; in-process requests have no stream)
    readBody: o.readBody ?? readNodeBody,
    now: o.now ?? (() => Date.now()),
  })
  return {
    app,
    db,
    fetch: async (req: Request) => app.fetch(req),
    /** applies the migrations (once) */
    migrate: () => migrate(drizzle(db), { migrationsFolder: 'migrations' }),
  }
}

export interface Listening {
  /** `http://127.0.0.1:<port>` */
  origin: string
  close(): Promise<void>
}

/** Migrates, then serves the app on a free port (with WebSocket upgrades for exec when asked). */
export async function startListening(
  a: ReturnType<typeof nodeApp>,
  o: { webSockets?: boolean } = {},
): Promise<Listening> {
  await a.migrate()
  const server = serve({ fetch: a.app.fetch, port: 0, hostname: '127.0.0.1' })
  if (o.webSockets) attachWebSockets(server as Server, (req, env) => a.app.fetch(req, env))
  await new Promise<void>((ok) => server.once('listening', () => ok()))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

/**
 * A fresh app served on a free port for the tests of the calling file (registers its beforeAll
 * and afterAll; nothing is started when `when` is false): the origin, once started.
 */
export function listenForFile(
  o: NodeAppOptions & { webSockets?: boolean; when?: boolean } = {},
): () => string {
  let server: Listening | undefined
  // migrating a file database and binding take seconds on a loaded machine, not the 10 s default
  beforeAll(async () => {
    if (o.when !== false) server = await startListening(nodeApp(o), o)
  }, 60_000)
  afterAll(() => server?.close(), 30_000)
  return () => server!.origin
}
