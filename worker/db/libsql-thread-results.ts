// The database thread's results (database-thread.mjs) as @libsql/client's ResultSet: what crosses
// between threads is plain arrays; the rows are built here as its local driver builds them
// (sqlite3.js rowFromSql): each value by position (not enumerable) and by column name (enumerable,
// the first of two columns of one name wins), a non-enumerable `length`.
import type { ResultSet, Row } from '@libsql/client'

export interface WireResult {
  columns: string[]
  columnTypes: string[]
  rows: unknown[][]
  rowsAffected: number
  lastInsertRowid: bigint | undefined
}

function row(values: unknown[], columns: string[]): Row {
  const r = {}
  Object.defineProperty(r, 'length', { value: values.length })
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    Object.defineProperty(r, i, { value })
    const column = columns[i]!
    if (!Object.hasOwn(r, column))
      Object.defineProperty(r, column, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      })
  }
  return r as Row
}

/** as @libsql/core's ResultSetImpl.toJSON: integers and BLOBs in JSON's terms */
function valueToJson(v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}`
  if (v instanceof ArrayBuffer) return Buffer.from(v).toString('base64')
  return v
}

class ThreadResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}

  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((r) => Array.prototype.map.call(r, valueToJson)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid !== undefined ? `${this.lastInsertRowid}` : null,
    }
  }
}

export function resultSet(w: WireResult): ResultSet {
  const rows = w.rows.map((values) => row(values, w.columns))
  return new ThreadResultSet(w.columns, w.columnTypes, rows, w.rowsAffected, w.lastInsertRowid)
}
