// @ts-check
// The Node entry's database thread (started by libsql-thread.ts): one libsql connection to the
// local file, every statement of the app run here, so the event loop's thread spends no time
// inside SQLite. It does what @libsql/client's local driver did on the main thread (its
// sqlite3.js: BEGIN/COMMIT around a batch, bigints as numbers, BLOBs as ArrayBuffers, SQLite
// errors with their codes) and keeps each statement compiled (as libsql-statements.ts does there).
// Plain JavaScript: a worker thread loads no TypeScript under vitest.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'libsql'
import { bound, fromSql, wireError } from './database-thread-values.mjs'

/**
 * @typedef {{ sql: string, args: unknown[] | Record<string, unknown> }} Stmt
 * @typedef {{ id: number, op: 'execute' | 'batch' | 'migrate', stmts: Stmt[], mode?: string }} Ask
 * @typedef {{ columns: string[], columnTypes: string[], rows: unknown[][], rowsAffected: number,
 *   lastInsertRowid: bigint | undefined }} Result
 * @typedef {{ stmt: Database.Statement<unknown[]>, returnsData: boolean, columns: string[],
 *   columnTypes: string[] }} Compiled
 */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const { file, settings, stopping, stopped } = /** @type {{ file: string, settings: string,
  stopping: SharedArrayBuffer, stopped: SharedArrayBuffer }} */ (workerData)
const stoppingFlag = new Int32Array(stopping)
const stoppedFlag = new Int32Array(stopped)

/** statements kept (our SQL is a few dozen texts; a runaway set is dropped whole) */
const MAX_KEPT = 256
/** statements that read or write rows, or begin and end transactions: safe to keep */
const KEEPABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|BEGIN|COMMIT|END|ROLLBACK)\b/i
/** @type {Map<string, Compiled>} */
const kept = new Map()
const BEGIN = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

/** @type {Database.Database} */
let db

/** @param {string} sql @returns {Compiled} */
function compile(sql) {
  const hit = kept.get(sql)
  if (hit) return hit
  // anything else (DDL, a PRAGMA) may change the schema: a kept `SELECT *` would answer old columns
  if (!KEEPABLE.test(sql)) kept.clear()
  const stmt = db.prepare(sql)
  stmt.safeIntegers(true)
  let returnsData = true
  try {
    // raw() throws for a statement that returns no data
    stmt.raw(true)
  } catch {
    returnsData = false
  }
  const cols = returnsData ? stmt.columns() : []
  const compiled = {
    stmt,
    returnsData,
    columns: cols.map((c) => c.name),
    columnTypes: cols.map((c) => c.type ?? ''),
  }
  if (KEEPABLE.test(sql)) {
    if (kept.size >= MAX_KEPT) kept.clear()
    kept.set(sql, compiled)
  }
  return compiled
}

/** @param {Stmt} s @param {ArrayBuffer[]} moved @returns {Result} */
function run(s, moved) {
  const c = compile(s.sql)
  const args = bound(s)
  if (c.returnsData) {
    const rows = /** @type {unknown[][]} */ (c.stmt.all(args)).map((r) =>
      r.map((v) => fromSql(v, moved)),
    )
    return {
      columns: c.columns,
      columnTypes: c.columnTypes,
      rows,
      rowsAffected: 0,
      lastInsertRowid: undefined,
    }
  }
  const info = c.stmt.run(args)
  return {
    columns: [],
    columnTypes: [],
    rows: [],
    rowsAffected: info.changes,
    lastInsertRowid: BigInt(info.lastInsertRowid),
  }
}

/** Runs `stmts` in one transaction begun with `begin`; a failed statement is named by its index. */
function inTransaction(
  /** @type {string} */ begin,
  /** @type {Stmt[]} */ stmts,
  /** @type {ArrayBuffer[]} */ moved,
) {
  run({ sql: begin, args: [] }, moved)
  try {
    const results = stmts.map((s, i) => {
      if (!db.inTransaction)
        throw Object.assign(new Error('The transaction has been rolled back'), {
          code: 'TRANSACTION_CLOSED',
          index: i,
        })
      try {
        return run(s, moved)
      } catch (e) {
        throw Object.assign(/** @type {Error} */ (e), { index: i })
      }
    })
    run({ sql: 'COMMIT', args: [] }, moved)
    return results
  } finally {
    if (db.inTransaction) db.prepare('ROLLBACK').run()
  }
}

/** @param {Ask} ask @param {ArrayBuffer[]} moved */
function answer(ask, moved) {
  if (ask.op === 'execute') return [run(/** @type {Stmt} */ (ask.stmts[0]), moved)]
  if (ask.op === 'batch') {
    const begin = BEGIN[/** @type {keyof typeof BEGIN} */ (ask.mode ?? 'deferred')]
    if (!begin)
      throw new RangeError(
        'Unknown transaction mode, supported values are "write", "read" and "deferred"',
      )
    return inTransaction(begin, ask.stmts, moved)
  }
  // drizzle's migrator: as the local driver, with foreign keys off while it runs
  db.exec('PRAGMA foreign_keys=off')
  try {
    return inTransaction('BEGIN DEFERRED', ask.stmts, moved)
  } finally {
    db.exec('PRAGMA foreign_keys=on')
  }
}

/** answers not sent yet: those of every ask that came in one wake-up of the thread go together */
let outbox = /** @type {unknown[]} */ ([])
let outMoved = /** @type {ArrayBuffer[]} */ ([])
let flushing = false

/** Sends the answers gathered (one wake-up of the main thread for all, not one per statement). */
function flush() {
  flushing = false
  if (outbox.length === 0) return
  const [answers, moved] = [outbox, outMoved]
  outbox = []
  outMoved = []
  port.postMessage(answers, moved)
}

function reply(/** @type {unknown} */ a, /** @type {ArrayBuffer[]} */ moved) {
  outbox.push(a)
  for (const m of moved) outMoved.push(m)
  // after every message already queued for this thread has been answered
  if (!flushing) setImmediate(flush)
  flushing = true
}

function stop() {
  flush()
  if (db.open) db.close()
  Atomics.store(stoppedFlag, 0, 1)
  Atomics.notify(stoppedFlag, 0)
  port.close()
}

/** @param {Ask} ask */
function answerOne(ask) {
  /** @type {ArrayBuffer[]} */
  const moved = []
  try {
    reply({ id: ask.id, results: answer(ask, moved) }, moved)
  } catch (e) {
    reply({ id: ask.id, error: wireError(e) }, [])
  }
}

function listen() {
  // asks come in lists: those the main thread made in one turn of its event loop
  port.on('message', (/** @type {Ask[] | { op: 'close' }} */ asks) => {
    if (!Array.isArray(asks)) return stop()
    try {
      for (const ask of asks) {
        // the process is exiting: nobody waits for this answer, and the thread is to stop at once
        if (Atomics.load(stoppingFlag, 0) === 1) return stop()
        answerOne(ask)
      }
    } catch (e) {
      // a fault of this thread's own (it ends): the answers made so far still go out
      flush()
      throw e
    }
  })
}

try {
  db = new Database(file)
  try {
    db.exec(settings)
  } catch {
    // a connection that refuses them runs with SQLite's defaults
  }
  listen()
  port.postMessage({ ready: true })
} catch (e) {
  // the main thread's open answers with this error, as createClient() throws it
  port.postMessage({ ready: false, error: wireError(e) })
  port.close()
}
