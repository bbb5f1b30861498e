// storeRun's SQL text (worker/db/store-run-sql.ts) against the drizzle-built batch it replaced, on
// either driver (test/unit: libSQL, test/http: D1): random command outcomes, won and lost races,
// each written once by each path to its own cluster row, must leave the same rows and answers.
import { and, eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { Buffer } from 'node:buffer'
import { expect } from 'vitest'
import { affectedRows, type Database } from '../../worker/db/client'
import { insertCluster, storeRun } from '../../worker/db/clusters'
import { clipOutput, type RunWrite } from '../../worker/db/store-run-sql'
import { clusters, commandHistory } from '../../worker/db/schema'

/** The batch as drizzle's builders made it before store-run-sql.ts: the reference. */
async function drizzleStoreRun(db: Database, w: RunWrite): Promise<boolean> {
  const seq = w.expectedVersion + 1
  const h = w.history
  const [updated] = await db.batch([
    db
      .update(clusters)
      .set({
        ...w.document,
        ...(w.apiTraces === undefined ? {} : { apiTraces: w.apiTraces }),
        version: seq,
        progress: w.progress,
        commands: sql`${clusters.commands} + 1`,
        timeSpentSeconds: sql`${clusters.timeSpentSeconds} + ${w.timeSpentDelta}`,
        lastActivityAt: w.now,
        updatedAt: w.now,
      })
      .where(and(eq(clusters.id, w.clusterId), eq(clusters.version, w.expectedVersion))),
    db.insert(commandHistory).select(
      sql`SELECT ${w.clusterId}, ${seq}, ${h.at}, ${h.command}, ${h.stdin}, ${h.exitCode}, ${clipOutput(h.stdout)},
          ${clipOutput(h.stderr)}, ${h.tasksCompleted}, ${h.causes} WHERE changes() = 1`,
    ),
  ])
  return affectedRows(updated) === 1
}

const text = fc.string({ maxLength: 12, unit: 'grapheme' })
/** outputs around the 16 KB a history row keeps */
const output = fc.oneof(
  text,
  fc.tuple(text, fc.integer({ min: 16_380, max: 16_400 })).map(([t, n]) => t.padEnd(n, 'x')),
)
const outcome = fc.record({
  /** how the expected version stands to the stored one: 0 is a won race */
  stale: fc.constantFrom(0, 0, 0, -1, 1),
  document: fc.oneof(
    fc.constant(undefined),
    fc.record({ stateDelta: fc.option(text, { nil: null }) }),
    fc.uint8Array({ maxLength: 40 }).map((b) => ({ state: Buffer.from(b), stateDelta: null })),
  ),
  apiTraces: fc.option(text, { nil: undefined }),
  progress: text,
  now: fc.integer({ min: 0, max: 2 ** 45 }),
  timeSpentDelta: fc.integer({ min: 0, max: 600 }),
  history: fc.record({
    at: fc.integer({ min: 0, max: 2 ** 45 }),
    command: text,
    stdin: fc.option(text, { nil: null }),
    exitCode: fc.integer({ min: 0, max: 255 }),
    stdout: output,
    stderr: output,
    tasksCompleted: fc.constantFrom('[]', '["t1"]'),
    causes: fc.constantFrom('[]', '["clusterip-from-outside"]'),
  }),
})

async function stored(db: Database, id: string) {
  const row = await db.select().from(clusters).where(eq(clusters.id, id)).get()
  const history = await db
    .select()
    .from(commandHistory)
    .where(eq(commandHistory.clusterId, id))
    .orderBy(commandHistory.seq)
    .all()
  const state = row && [...new Uint8Array(row.state)]
  return {
    ...row,
    id: undefined,
    userId: undefined,
    state,
    history: history.map((h) => ({ ...h, clusterId: undefined })),
  }
}

let clusterSeq = 0

/** Runs the differential on `db` (migrated): `runs` random sequences of command outcomes. */
export async function storeRunMatchesDrizzle(db: Database, runs: number) {
  await fc.assert(
    fc.asyncProperty(fc.array(outcome, { maxLength: 8 }), async (outcomes) => {
      const n = clusterSeq++
      const ids = [`new-${n}`, `old-${n}`]
      for (const [i, id] of ids.entries())
        await insertCluster(db, {
          id,
          userId: `u-${i}-${n}`,
          labId: 'lab',
          state: Buffer.from([1, 2, 3]),
          version: 0,
          createdAt: 0,
          updatedAt: 0,
        })
      let version = 0
      for (const o of outcomes) {
        const w = (clusterId: string): RunWrite => ({
          ...o,
          clusterId,
          expectedVersion: Math.max(0, version + o.stale),
        })
        const won = await storeRun(db, w(ids[0]!))
        expect(await drizzleStoreRun(db, w(ids[1]!))).toBe(won)
        if (won) version++
      }
      expect(await stored(db, ids[0]!)).toEqual(await stored(db, ids[1]!))
    }),
    { numRuns: runs },
  )
}
