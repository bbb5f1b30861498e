// storeRun's SQL text on D1 (through d1.ts's metered binding) writes what drizzle's builders wrote
// (test/unit/store-run-suite.ts; test/unit/store-run-sql.test.ts runs the same on libSQL).
import { env } from 'cloudflare:workers'
import { describe, it } from 'vitest'
import { d1Database } from '../../worker/db/d1'
import { newMetrics } from '../../worker/db/metrics'
import { storeRunMatchesDrizzle } from '../unit/store-run-suite'

describe('storeRun on D1', () => {
  it('leaves the rows and answers drizzle-built statements left, over random outcomes', async () => {
    await storeRunMatchesDrizzle(d1Database(env.DB, newMetrics()), 40)
  })
})
