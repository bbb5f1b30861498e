// The same contract against the Node entry's app over libSQL (a fresh file database).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { beforeAll } from 'vitest'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createApp } from '../../worker/app'
import { stateCodec } from '../../worker/db/state-codec'
import { libsqlDatabase } from '../../worker/db/libsql'
import { authoredLabsSuite } from '../http/authored-labs-suite'
import { authoredPublishSuite } from '../http/authored-publish-suite'
import { classesSuite } from '../http/classes-suite'
import { contractSuite } from '../http/contract-suite'
import { robustnessSuite } from '../http/robustness-suite'

const client = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-')), 'test.db')}` })
const app = createApp({
  openDb: (m) => libsqlDatabase(client, m),
  stateCodec: stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }),
  instructorCode: 'test-instructor-code',
  clientAddress: () => '127.0.0.1',
  now: () => Date.now(),
})

beforeAll(async () => {
  await migrate(drizzle(client), { migrationsFolder: 'migrations' })
})

contractSuite(async (req) => app.fetch(req))
classesSuite(async (req) => app.fetch(req))
robustnessSuite(async (req) => app.fetch(req))
authoredLabsSuite(async (req) => app.fetch(req))
authoredPublishSuite(async (req) => app.fetch(req))
