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

/** A value bound to a statement: what both drivers take (a BLOB as bytes). */
export type SqlValue = string | number | null | Uint8Array

/** SQL text and its arguments, for batchSql. */
export interface SqlStatement {
  sql: string
  args: SqlValue[]
}

/**
 * Runs SQL texts as one batch (one transaction), for statements too costly to build with the
 * query builder on every request (db/store-run-sql.ts). Both drivers' clients take them as they
 * are: libSQL's client natively, D1's through the metered binding (d1.ts). Each result is the
 * driver's own, as a drizzle batch answers a raw `run`: affectedRows() reads either.
 */
export function batchSql(db: Database, statements: SqlStatement[]): Promise<unknown[]> {
  // drizzle() gives every database its client as `$client` (the Database type leaves it out)
  const { $client } = db as unknown as { $client: { batch(s: SqlStatement[]): Promise<unknown[]> } }
  return $client.batch(statements)
}

/**
 * Runs one query as SQL text, for reads too costly to build with the query builder on every
 * request (db/command-read.ts): its rows as objects by column name, from either driver (libSQL's
 * client takes { sql, args } as it is; D1's through the metered binding, d1.ts).
 */
export async function querySql(
  db: Database,
  statement: SqlStatement,
): Promise<Record<string, unknown>[]> {
  const { $client } = db as unknown as {
    $client: { execute(s: SqlStatement): Promise<{ rows: Record<string, unknown>[] }> }
  }
  return (await $client.execute(statement)).rows
}
