// Cost figures of one HTTP request: how many SQL statements it ran and the rows they read and
// wrote, as D1 reports them in each result's `meta` (libSQL: rows returned / rows affected).
// They are sent back in the `Server-Timing` header so the benchmark can print them.

export interface DbMetrics {
  statements: number
  rowsRead: number
  rowsWritten: number
}

export function newMetrics(): DbMetrics {
  return { statements: 0, rowsRead: 0, rowsWritten: 0 }
}

export function serverTiming(m: DbMetrics, ms?: number): string {
  const dur = ms === undefined ? '' : `;dur=${ms.toFixed(1)}`
  return `db;desc="statements=${m.statements} rows_read=${m.rowsRead} rows_written=${m.rowsWritten}"${dur}`
}
