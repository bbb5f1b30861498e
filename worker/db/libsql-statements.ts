// @libsql/client's local-file driver compiles every statement again on each call (its sqlite3
// driver calls the `libsql` package's Database#prepare per execute and per statement of a batch).
// A command runs five (its read; BEGIN, the cluster UPDATE, the history INSERT, COMMIT): compiling
// them cost ~0.3 ms of CPU per command on Node, a third of a whole authenticated read. This keeps
// each connection's compiled statements by SQL text and hands the same one back, as
// better-sqlite3-style APIs allow (a statement is reset after each run). Only queries and
// transaction control are kept: any other statement (a migration's DDL, a PRAGMA) empties the
// connection's set first, since a kept `SELECT *` would go on answering the old columns. Node
// entry only; D1 and remote libSQL servers are untouched.
import Database from 'libsql'

/** statements kept per connection (our SQL is a few dozen texts; a runaway set is dropped whole) */
const MAX_PER_CONNECTION = 256

type Connection = Database.Database
type Statement = Database.Statement<unknown[]>

const kept = new WeakMap<object, Map<string, Statement>>()

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
    let byText = kept.get(this)
    if (!byText) kept.set(this, (byText = new Map()))
    if (!KEEPABLE.test(sql)) {
      byText.clear()
      return compile.call(this, sql)
    }
    const hit = byText.get(sql)
    if (hit) return hit
    const stmt = compile.call(this, sql)
    if (byText.size >= MAX_PER_CONNECTION) byText.clear()
    byText.set(sql, stmt)
    return stmt
  }
}
