// A graded lab completed through the real kubectl against the Node entry (the app served by
// @hono/node-server on port 8861, WebSocket upgrades through ws, libSQL file database, the wall
// clock: pods take their start time). Needs the `kubectl` binary: skipped where it is missing.
import type { Server } from 'node:http'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, beforeAll, describe } from 'vitest'
import { createApp } from '../../worker/app'
import { libsqlDatabase } from '../../worker/db/libsql'
import { stateCodec } from '../../worker/db/state-codec'
import { attachWebSockets } from '../../worker/kube-api/exec/node-upgrade'
import { HAS_KUBECTL, dir } from './kube-streams-helpers'
import { cascadeSuite } from './kube-cascade-suite'
import { labSuite } from './kube-lab-suite'

const PORT = 8861
const db = createClient({ url: `file:${join(dir, 'lab.db')}` })
const app = createApp({
  openDb: (m) => libsqlDatabase(db, m),
  stateCodec: stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }),
  clientAddress: () => '127.0.0.1',
  now: () => Date.now(),
})
let server: ReturnType<typeof serve> | undefined

beforeAll(async () => {
  if (!HAS_KUBECTL) return
  await migrate(drizzle(db), { migrationsFolder: 'migrations' })
  server = serve({ fetch: app.fetch, port: PORT, hostname: '127.0.0.1' })
  attachWebSockets(server as Server, (req, env) => app.fetch(req, env))
  await new Promise<void>((ok) => server!.once('listening', () => ok()))
}, 60_000)

afterAll(async () => {
  if (server) await new Promise<void>((ok) => server!.close(() => ok()))
}, 30_000)

describe.skipIf(!HAS_KUBECTL)(
  'a lab through the real kubectl on Node (needs the kubectl binary)',
  () => {
    labSuite(() => `http://127.0.0.1:${PORT}`)
    cascadeSuite(() => `http://127.0.0.1:${PORT}`)
  },
)
