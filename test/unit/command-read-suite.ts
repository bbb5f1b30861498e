// A command's first read (worker/db/command-read.ts, SQL text through querySql) against the same
// facts read with drizzle's query builder, on either driver (test/unit: libSQL, test/http: D1):
// random sessions (live or expired), kubeconfig tokens, clusters of one user or another (bytes or
// a legacy text document, an authored lab or a built-in one) and held versions.
import { and, eq } from 'drizzle-orm'
import fc from 'fast-check'
import { Buffer } from 'node:buffer'
import { expect } from 'vitest'
import { batchSql, type Database } from '../../worker/db/client'
import { insertCluster } from '../../worker/db/clusters'
import { findSessionCluster, findTokenCluster } from '../../worker/db/command-read'
import { authoredLabs, clusters, kubeTokens, sessions } from '../../worker/db/schema'

const NOW = 1_000_000

/** What the read must answer, from drizzle's builders: the oracle. */
async function expected(
  db: Database,
  userId: string | undefined,
  clusterId: string,
  held?: number,
) {
  if (userId === undefined) return undefined
  const row = await db
    .select()
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), eq(clusters.userId, userId)))
    .get()
  const lab =
    row && (await db.select().from(authoredLabs).where(eq(authoredLabs.id, row.labId)).get())
  const cluster = row && {
    id: row.id,
    userId: row.userId,
    labId: row.labId,
    version: row.version,
    progress: row.progress,
    lastActivityAt: row.lastActivityAt,
    apiTraces: row.apiTraces,
    state: row.version === held ? null : row.state,
    stateDelta: row.version === held ? null : row.stateDelta,
  }
  const labSource = lab ? (lab.ownerId === userId ? lab.source : lab.publishedSource) : null
  return { userId, cluster, labSource }
}

const world = fc.record({
  clusters: fc.array(
    fc.record({
      user: fc.nat(1),
      lab: fc.constantFrom('built-in', 'authored-a', 'authored-b'),
      version: fc.nat(5),
      legacy: fc.boolean(),
      delta: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
      lastActivityAt: fc.option(fc.nat(), { nil: null }),
      apiTraces: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  /** authored-a's and authored-b's owners; b is published */
  owners: fc.tuple(fc.nat(1), fc.nat(1)),
  sessionLive: fc.tuple(fc.boolean(), fc.boolean()),
  /** what each token opens: its cluster's index (maybe another user's), live or not */
  tokens: fc.array(fc.record({ user: fc.nat(1), cluster: fc.nat(3), live: fc.boolean() }), {
    maxLength: 2,
  }),
  reads: fc.array(fc.record({ who: fc.nat(3), cluster: fc.nat(3), held: fc.option(fc.nat(5)) }), {
    minLength: 1,
    maxLength: 4,
  }),
})

let worldSeq = 0

type World = typeof world extends fc.Arbitrary<infer T> ? T : never

async function build(db: Database, w: World) {
  const n = worldSeq++
  const user = (i: number) => `cr-u${i}-${n}`
  const clusterId = (i: number) => `cr-c${i}-${n}`
  for (const [i, live] of w.sessionLive.entries())
    await db.insert(sessions).values({
      tokenHash: `cr-s${i}-${n}`,
      userId: user(i),
      createdAt: 0,
      expiresAt: live ? NOW + 1 : NOW,
    })
  for (const [i, id] of ['a', 'b'].entries())
    await db.insert(authoredLabs).values({
      id: `authored-${id}-${n}`,
      ownerId: user(w.owners[i]!),
      title: id,
      source: `draft ${id}`,
      version: 1,
      publishedSource: i === 1 ? `published ${id}` : null,
      createdAt: 0,
      updatedAt: 0,
    })
  for (const [i, c] of w.clusters.entries()) {
    // one cluster per user and lab: a second one is not made
    await insertCluster(db, {
      id: clusterId(i),
      userId: user(c.user),
      labId: c.lab === 'built-in' ? c.lab : `${c.lab}-${n}`,
      state: Buffer.from([i, 7, 1]),
      stateDelta: c.delta,
      version: c.version,
      lastActivityAt: c.lastActivityAt,
      apiTraces: c.apiTraces,
      createdAt: 0,
      updatedAt: 0,
    })
    // a row stored before the BLOB column: its document is text
    if (c.legacy)
      await batchSql(db, [
        { sql: 'UPDATE clusters SET state = ? WHERE id = ?', args: ['gz:legacy', clusterId(i)] },
      ])
  }
  for (const [i, t] of w.tokens.entries())
    await db.insert(kubeTokens).values({
      tokenHash: `cr-t${i}-${n}`,
      clusterId: clusterId(t.cluster),
      userId: user(t.user),
      createdAt: 0,
      expiresAt: t.live ? NOW + 1 : NOW,
    })
  return { user, clusterId, n }
}

/** Runs the differential on `db` (migrated): `runs` random worlds, a few reads in each. */
export async function commandReadMatchesDrizzle(db: Database, runs: number) {
  await fc.assert(
    fc.asyncProperty(world, async (w) => {
      const { user, clusterId, n } = await build(db, w)
      for (const r of w.reads) {
        const id = clusterId(r.cluster)
        const held = r.held ?? undefined
        // sessions 0 and 1 (live or not), then a token that was never issued
        const live = r.who < 2 && w.sessionLive[r.who] ? user(r.who) : undefined
        const read = await findSessionCluster(db, `cr-s${r.who}-${n}`, NOW, id, held)
        expect(read).toEqual(await expected(db, live, id, held))
        const token = w.tokens[r.who]
        const found = await findTokenCluster(db, `cr-t${r.who}-${n}`, NOW, {
          clusterId: id,
          withCluster: true,
          held,
        })
        if (!token?.live) expect(found).toBeUndefined()
        else {
          const owner = user(token.user)
          const opens = clusterId(token.cluster)
          const want = opens === id ? (await expected(db, owner, id, held))!.cluster : undefined
          expect(found).toEqual({ token: { clusterId: opens, userId: owner }, cluster: want })
        }
      }
    }),
    { numRuns: runs },
  )
}
