// A command's first read on libSQL (the Node entry) answers what drizzle's builders read
// (command-read-suite.ts; test/http/command-read.test.ts runs the same on D1).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { describe, it } from 'vitest'
import { libsqlDatabase } from '../../worker/db/libsql'
import { newMetrics } from '../../worker/db/metrics'
import { commandReadMatchesDrizzle } from './command-read-suite'

describe('the command read on libSQL', () => {
  it('answers the session, cluster and lab source drizzle reads, over random rows', async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), 'sl-cr-')), 'a.db')}`
    const client = createClient({ url })
    // a test database: no waiting for the disk on each of the many small commits
    await client.execute('PRAGMA synchronous = OFF')
    await migrate(drizzle(client), { migrationsFolder: 'migrations' })
    await commandReadMatchesDrizzle(libsqlDatabase(client, newMetrics()), 60)
  })
})
