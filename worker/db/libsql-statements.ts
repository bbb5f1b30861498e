// @libsql/client's local-file driver compiles every statement again on each call (its sqlite3
// driver calls the `libsql` package's Database#prepare per execute and per statement of a batch).
// A command runs five (its read; BEGIN, the cluster UPDATE, the history INSERT, COMMIT): compiling
// them cost ~0.3 ms of CPU per command on Node, a third of a whole authenticated read. This keeps
// each connection's compiled statements by SQL text and hands the same one back, as
// better-sqlite3-style APIs allow (a statement is reset after each run). Only queries and
// transaction control are kept: any other statement (a migration's DDL, a PRAGMA) empties every
// connection's set first, since a kept `SELECT *` would go on answering the old columns. Node
// entry only; D1 and remote libSQL servers are untouched.
//
// The driver also sets each statement up again on every call: safeIntegers(true), raw(true) (which
// raises a native exception for a statement that returns no rows: BEGIN, UPDATE, INSERT, COMMIT)
// and columns() twice (~0.05 ms each for the command read's columns, timed in a request). A kept
// statement answers these from what its first call did (remembered()), since none of them can
// change for a compiled statement while the schema stays (migrations run when the process starts;
// a schema changed by another process while this one runs needs a restart).
import Database from 'libsql'

/** statements kept per connection (our SQL is a few dozen texts; a runaway set is dropped whole) */
const MAX_PER_CONNECTION = 256

type Connection = Database.Database
type Statement = Database.Statement<unknown[]>

interface Kept {
  /** the value of `schemaChanges` the set was kept under */
  generation: number
  byText: Map<string, Statement>
}

const kept = new WeakMap<object, Kept>()
/** statements run that are not kept (DDL, PRAGMA) in this process: kept sets older are stale */
let schemaChanges = 0

/** statements that read or write rows, or begin and end transactions: safe to keep */
const KEEPABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|COMMIT|END|ROLLBACK)\b/i
let installed = false

/** Makes every libsql connection in this process keep its compiled statements (idempotent). */
export function keepCompiledStatements(): void {
  if (installed) return
  installed = true
  const proto = Database.prototype as { prepare(this: Connection, sql: string): Statement }
  const compile = proto.prepare
  proto.prepare = function prepare(this: Connection, sql: string): Statement {
    if (!KEEPABLE.test(sql)) {
      schemaChanges++
      return compile.call(this, sql)
    }
    let set = kept.get(this)
    if (!set || set.generation !== schemaChanges) {
      set = { generation: schemaChanges, byText: new Map() }
      kept.set(this, set)
    }
    const hit = set.byText.get(sql)
    if (hit) return hit
    const stmt = remembered(compile.call(this, sql))
    if (set.byText.size >= MAX_PER_CONNECTION) set.byText.clear()
    set.byText.set(sql, stmt)
    return stmt
  }
}

/** A mode setter's last call: the value asked for and what it did (nothing, or this error). */
type LastCall = { on: boolean; failed: false } | { on: boolean; failed: true; error: unknown }

/**
 * The statement with raw(), safeIntegers() and columns() answered from memory when asked the same
 * again: a setter asked for the value it already set returns at once, one that failed for that
 * value (raw() on a statement that returns no data) throws the same error again without the
 * native call, and columns() gives a copy of an earlier answer. Columns are remembered only once
 * the statement has run: compiled just after another connection changed the schema, it answers
 * the old columns until its first run brings the connection's schema up to date.
 */
function remembered(stmt: Statement): Statement {
  stmt.raw = memoSetter(stmt, stmt.raw)
  stmt.safeIntegers = memoSetter(stmt, stmt.safeIntegers)
  const { all, columns: columnsOf } = stmt
  let ran = false
  let columns: Database.ColumnDefinition[] | undefined
  stmt.all = (...params) => {
    const rows = all.apply(stmt, params)
    ran = true
    return rows
  }
  stmt.columns = () => {
    if (columns) return columns.slice()
    const now = columnsOf.call(stmt)
    if (ran) columns = now.slice()
    return now
  }
  return stmt
}

function memoSetter(stmt: Statement, set: (this: Statement, on?: boolean) => Statement) {
  let last: LastCall | undefined
  return (on = true): Statement => {
    if (last?.on === on) {
      if (last.failed) throw last.error
      return stmt
    }
    try {
      set.call(stmt, on)
      last = { on, failed: false }
      return stmt
    } catch (error) {
      last = { on, failed: true, error }
      throw error
    }
  }
}
