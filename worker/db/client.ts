import type { DrizzleD1Database } from 'drizzle-orm/d1'
import type * as schema from './schema'

/**
 * A drizzle database over D1 or libSQL: every query in worker/db is written once against this.
 * The libSQL database is typed as the D1 one: both are async SQLite with the same query builder
 * and `batch`; only the result of a raw `run` differs, which affectedRows() reads either way.
 */
export type Database = DrizzleD1Database<typeof schema>

/** Rows changed by a write, whichever driver ran it (D1: meta.changes, libSQL: rowsAffected). */
export function affectedRows(result: unknown): number {
  const r = result as { meta?: { changes?: number }; rowsAffected?: number }
  return r.meta?.changes ?? r.rowsAffected ?? 0
}
