// A D1 binding that records the cost of every statement run through it (for Server-Timing).
// drizzle's D1 driver reads rows with `raw()`, which carries no `meta`; here `raw()` runs `all()`
// and maps objects to arrays the same way drizzle's own batch path does (d1ToRawMapping).
import { drizzle } from 'drizzle-orm/d1'
import type { Database, SqlStatement } from './client'
import type { DbMetrics } from './metrics'

type Meta = { rows_read?: number; rows_written?: number }

function record(m: DbMetrics, meta: Meta | undefined): void {
  m.statements += 1
  m.rowsRead += meta?.rows_read ?? 0
  m.rowsWritten += meta?.rows_written ?? 0
}

class MeteredStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly m: DbMetrics,
  ) {}
  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.inner.bind(...values), this.m)
  }
  async first<T>(col?: string): Promise<T | null> {
    const r = await this.inner.all<Record<string, unknown>>()
    record(this.m, r.meta as Meta)
    const row = r.results[0]
    if (!row) return null
    return (col === undefined ? row : row[col]) as T
  }
  async all<T>(): Promise<D1Result<T>> {
    const r = await this.inner.all<T>()
    record(this.m, r.meta as Meta)
    return r
  }
  async run<T>(): Promise<D1Result<T>> {
    const r = await this.inner.run<T>()
    record(this.m, r.meta as Meta)
    return r
  }
  async raw<T extends unknown[]>(): Promise<T[]> {
    const r = await this.inner.all<Record<string, unknown>>()
    record(this.m, r.meta as Meta)
    return r.results.map((row) => Object.values(row)) as T[]
  }
}

class MeteredD1 {
  constructor(
    private readonly inner: D1Database,
    private readonly m: DbMetrics,
  ) {}
  prepare(query: string): MeteredStatement {
    return new MeteredStatement(this.inner.prepare(query), this.m)
  }
  /** drizzle's batch gives its prepared statements; batchSql (client.ts) SQL text and arguments */
  async batch<T>(statements: (MeteredStatement | SqlStatement)[]): Promise<D1Result<T>[]> {
    const results = await this.inner.batch<T>(
      statements.map((s) =>
        s instanceof MeteredStatement ? s.inner : this.inner.prepare(s.sql).bind(...s.args),
      ),
    )
    for (const r of results) record(this.m, r.meta as Meta)
    return results
  }
  /** querySql's read (client.ts): SQL text and arguments, answered as libSQL's client does */
  async execute(s: SqlStatement): Promise<{ rows: Record<string, unknown>[] }> {
    const r = await this.inner
      .prepare(s.sql)
      .bind(...s.args)
      .all<Record<string, unknown>>()
    record(this.m, r.meta as Meta)
    return { rows: r.results }
  }
  exec(query: string): Promise<D1ExecResult> {
    return this.inner.exec(query)
  }
}

export function d1Database(binding: D1Database, m: DbMetrics): Database {
  // no `schema`: nothing uses relational queries, and drizzle would rebuild their config per request
  return drizzle(new MeteredD1(binding, m) as unknown as D1Database) as unknown as Database
}
