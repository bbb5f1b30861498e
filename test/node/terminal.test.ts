// The terminal suite against the Node entry's app over libSQL (a fresh file database).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { beforeAll } from 'vitest'
import { createApp } from '../../worker/app'
import { stateCodec } from '../../worker/db/state-codec'
import { libsqlDatabase } from '../../worker/db/libsql'
import { terminalSuite } from '../http/terminal-suite'

const client = createClient({
  url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-term-')), 'test.db')}`,
})
const app = createApp({
  openDb: (m) => libsqlDatabase(client, m),
  stateCodec: stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }),
  clientAddress: () => '127.0.0.1',
  now: () => Date.now(),
})

beforeAll(async () => {
  await migrate(drizzle(client), { migrationsFolder: 'migrations' })
})

terminalSuite(async (req) => app.fetch(req), { abortNoticed: true })
