// The Kubernetes API suite against the Node entry's app over libSQL (a fresh file database).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { beforeAll } from 'vitest'
import { createApp } from '../../worker/app'
import { libsqlDatabase } from '../../worker/db/libsql'
import { stateCodec } from '../../worker/db/state-codec'
import { kubeApiSuite } from '../http/kube-api-suite'
import { kubeApiWritesSuite } from '../http/kube-api-writes-suite'
import { kubeApiIngressSuite } from '../http/kube-api-ingress-suite'

const client = createClient({
  url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-kube-')), 'test.db')}`,
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

kubeApiSuite(async (req) => app.fetch(req))
kubeApiWritesSuite(async (req) => app.fetch(req))
kubeApiIngressSuite(async (req) => app.fetch(req))
