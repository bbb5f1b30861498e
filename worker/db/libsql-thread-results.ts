// The database thread's results and errors (database-thread.mjs) as @libsql/client's local driver
// gives them. Results: what crosses between threads is plain arrays; the rows are built here as it
// builds them (sqlite3.js rowFromSql): each value by position (not enumerable) and by column name
// (enumerable, the first of two columns of one name wins), a non-enumerable `length`.
import {
  LibsqlBatchError,
  LibsqlError,
  type InArgs,
  type InStatement,
  type ResultSet,
  type Row,
} from '@libsql/client'

export type Op = 'execute' | 'batch' | 'migrate'

export interface WireError {
  name: string
  message: string
  code?: string
  extendedCode?: string
  rawCode?: number
  index?: number
}

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

/** The error the thread reported, rebuilt as @libsql/client's local driver would have thrown it. */
export function rebuilt(e: WireError, op: Op): Error {
  if (e.name === 'LibsqlError' || e.code === 'TRANSACTION_CLOSED') {
    const code = e.code ?? 'SQLITE_UNKNOWN'
    // a batch's (and a migration's) failed statement is named by its index; the client built its
    // LibsqlBatchError from the LibsqlError's message, the code before it once more
    if (op !== 'execute' && e.index !== undefined) {
      const message = e.name === 'LibsqlError' ? `${code}: ${e.message}` : e.message
      return new LibsqlBatchError(message, e.index, code, e.extendedCode, e.rawCode)
    }
    return new LibsqlError(e.message, code, e.extendedCode, e.rawCode)
  }
  if (e.name === 'RangeError') return new RangeError(e.message)
  if (e.name === 'TypeError') return new TypeError(e.message)
  return new Error(e.message)
}

export function normalized(s: InStatement): { sql: string; args: InArgs } {
  if (typeof s === 'string') return { sql: s, args: [] }
  if (Array.isArray(s)) return { sql: s[0], args: s[1] ?? [] }
  return { sql: s.sql, args: s.args ?? [] }
}
