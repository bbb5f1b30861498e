// Failed-login throttling kept in the database, so every Worker isolate sees the same counts.
import { inArray, sql } from 'drizzle-orm'
import type { Database } from './client'
import { authThrottle } from './schema'

export interface ThrottlePolicy {
  /** failures allowed within the window before locking */
  maxFailures: number
  windowMs: number
  lockMs: number
}

/** The latest lock among the keys, if any is locked at `now` (ms). */
export async function lockedUntil(db: Database, keys: string[], now: number): Promise<number> {
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys)).all()
  let until = 0
  for (const r of rows) if (r.lockedUntil > now) until = Math.max(until, r.lockedUntil)
  return until
}

/** Counts one failure for each key, locking a key once it passes the policy's limit. */
export async function recordFailure(db: Database, keys: string[], now: number, p: ThrottlePolicy) {
  const windowStart = now - p.windowMs
  for (const key of keys) {
    await db
      .insert(authThrottle)
      .values({ key, failures: 1, windowStart: now, lockedUntil: 0 })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN 1 ELSE ${authThrottle.failures} + 1 END`,
          windowStart: sql`CASE WHEN ${authThrottle.windowStart} < ${windowStart} THEN ${now} ELSE ${authThrottle.windowStart} END`,
          lockedUntil: sql`CASE WHEN ${authThrottle.windowStart} >= ${windowStart} AND ${authThrottle.failures} + 1 >= ${p.maxFailures} THEN ${now + p.lockMs} ELSE ${authThrottle.lockedUntil} END`,
        },
      })
  }
}

/** Forgets the keys' failures: the statement, run when awaited or in a caller's batch. */
export function clearFailures(db: Database, ...keys: string[]) {
  return db.delete(authThrottle).where(inArray(authThrottle.key, keys))
}
