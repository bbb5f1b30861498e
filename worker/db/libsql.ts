// A libSQL client that records the cost of every statement (rows returned / rows affected:
// libSQL reports no rows-read figure, so reads are counted as rows returned).
import type { Client, InStatement, ResultSet, TransactionMode } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import type { Database } from './client'
import type { DbMetrics } from './metrics'
import { keepCompiledStatements } from './libsql-statements'

// every libSQL database this process opens compiles each SQL text once (libsql-statements.ts)
keepCompiledStatements()

function record(m: DbMetrics, r: ResultSet): void {
  m.statements += 1
  m.rowsRead += r.rows.length
  m.rowsWritten += r.rowsAffected
}

export function libsqlDatabase(client: Client, m: DbMetrics): Database {
  const metered = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return async (stmt: InStatement, args?: unknown) => {
          const r = await (target.execute as (s: InStatement, a?: unknown) => Promise<ResultSet>)(
            stmt,
            args,
          )
          record(m, r)
          return r
        }
      }
      if (prop === 'batch') {
        return async (stmts: InStatement[], mode?: TransactionMode) => {
          const rs = await target.batch(stmts, mode ?? 'write')
          for (const r of rs) record(m, r)
          return rs
        }
      }
      return Reflect.get(target, prop, receiver)
    },
  })
  // no `schema`: nothing uses relational queries, and drizzle would rebuild their config per request
  return drizzle(metered) as unknown as Database
}
