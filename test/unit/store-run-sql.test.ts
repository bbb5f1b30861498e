// storeRun's SQL text on libSQL (the Node entry) writes what drizzle's builders wrote
// (store-run-suite.ts; test/http/store-run-sql.test.ts runs the same on D1).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { describe, it } from 'vitest'
import { libsqlDatabase } from '../../worker/db/libsql'
import { newMetrics } from '../../worker/db/metrics'
import { storeRunMatchesDrizzle } from './store-run-suite'

describe('storeRun on libSQL', () => {
  it('leaves the rows and answers drizzle-built statements left, over random outcomes', async () => {
    const client = createClient({
      url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-sr-')), 'a.db')}`,
    })
    // a test database: no waiting for the disk on each of the many small commits
    await client.execute('PRAGMA synchronous = OFF')
    await migrate(drizzle(client), { migrationsFolder: 'migrations' })
    await storeRunMatchesDrizzle(libsqlDatabase(client, newMetrics()), 80)
  })
})
