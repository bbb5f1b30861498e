// A command's first read on D1 (through d1.ts's metered binding) answers what drizzle's builders
// read (test/unit/command-read-suite.ts; test/unit/command-read.test.ts runs the same on libSQL).
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import { d1Database } from '../../worker/db/d1'
import { newMetrics } from '../../worker/db/metrics'
import { commandReadMatchesDrizzle } from '../unit/command-read-suite'

describe('the command read on D1', () => {
  it('answers the session, cluster and lab source drizzle reads, over random rows', async () => {
    await commandReadMatchesDrizzle(d1Database(env.DB, newMetrics()), 30)
  })
})
