// @libsql/client's local driver keeps a pool of connections and opens one more for each operation
// in flight when none is idle (8 learners at once: 8 connections). Each opens with SQLite's
// defaults, and a PRAGMA run through the client reaches only the connection that ran it: the Node
// entry's `synchronous = NORMAL` held on the first connection alone, the others committed with an
// fsync (inside a synchronous call, so the whole event loop waited) and no busy timeout. This runs
// the entry's per-connection settings on every connection, before its first statement. (One
// connection for the process instead was measured too: the floor's p50 rose by 0.3-0.8 ms.)
// The settings are the process's: every libsql connection opened after the Node entry's app
// (tests' and benches' databases in the same process too) gets them, and a later call changes
// them only for connections not yet set up. Remote libSQL servers are untouched: their pragmas
// are the server's.
import Database from 'libsql'

type Connection = Database.Database

let settings = ''
const settled = new WeakSet<Connection>()
let installed = false

/** Runs `sql` (pragmas) on every libsql connection of this process before its first statement. */
export function setUpEveryConnection(sql: string): void {
  settings = sql
  if (installed) return
  installed = true
  const proto = Database.prototype as { prepare(this: Connection, text: string): unknown }
  const prepare = proto.prepare
  proto.prepare = function (this: Connection, text: string) {
    if (!settled.has(this)) {
      settled.add(this)
      try {
        this.exec(settings)
      } catch {
        // a connection that refuses them runs with SQLite's defaults, as every one did before
      }
    }
    return prepare.call(this, text)
  }
}
