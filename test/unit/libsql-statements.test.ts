// The Node entry's libSQL connections keep their compiled statements (worker/db/libsql-statements.ts):
// the same SQL text runs again without compiling, with the right answers through errors and
// schema changes.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type ResultSet } from '@libsql/client'
import fc from 'fast-check'
import Database from 'libsql'
import { describe, expect, it, vi } from 'vitest'
import { keepCompiledStatements } from '../../worker/db/libsql-statements'

const fresh = () =>
  createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-st-')), 'a.db')}` })

describe('compiled statements kept per connection', () => {
  it('compile a SQL text once, and answer each call with its own arguments', async () => {
    keepCompiledStatements()
    const db = fresh()
    await db.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)')
    const compiled = vi.spyOn(Database.prototype, 'prepare')
    const before = compiled.mock.calls.length
    for (let i = 0; i < 5; i++)
      await db.execute({ sql: 'INSERT INTO t VALUES (?, ?)', args: [`k${i}`, i] })
    const read = (k: string) => db.execute({ sql: 'SELECT v FROM t WHERE k = ?', args: [k] })
    expect((await read('k3')).rows[0]!.v).toBe(3)
    expect((await read('k4')).rows[0]!.v).toBe(4)
    // the wrapper is what is spied on: it was called each time, the statements are the same
    expect(compiled.mock.calls.length - before).toBe(7)
    const results = compiled.mock.results.slice(before).map((r) => r.value)
    expect(new Set(results.slice(0, 5)).size).toBe(1)
    compiled.mockRestore()
  })

  it('run again after a failed run and in batches', async () => {
    keepCompiledStatements()
    const db = fresh()
    await db.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)')
    const insert = (k: string, v: number) => ({ sql: 'INSERT INTO t VALUES (?, ?)', args: [k, v] })
    await db.execute(insert('a', 1))
    await expect(db.execute(insert('a', 2))).rejects.toThrow(/UNIQUE/)
    await db.execute(insert('b', 2))
    await db.batch([insert('c', 3), insert('d', 4)], 'write')
    await expect(db.batch([insert('e', 5), insert('a', 9)], 'write')).rejects.toThrow(/UNIQUE/)
    const all = await db.execute('SELECT k, v FROM t ORDER BY k')
    expect(all.rows.map((r) => `${r.k}=${r.v}`)).toEqual(['a=1', 'b=2', 'c=3', 'd=4'])
  })

  it('follow a schema change', async () => {
    keepCompiledStatements()
    const db = fresh()
    await db.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)')
    await db.execute("INSERT INTO t VALUES ('a', 1)")
    const star = () => db.execute('SELECT * FROM t')
    expect((await star()).columns).toEqual(['k', 'v'])
    await db.execute('ALTER TABLE t ADD w TEXT')
    expect((await star()).columns).toEqual(['k', 'v', 'w'])
  })
})

/** A statement of the differential below: SQL text and its arguments. */
type Op = { sql: string; args: readonly (string | number | bigint | ArrayBuffer | null)[] }

const key = fc.constantFrom('a', 'b', 'c', 'd')
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(2n ** 60n), fc.constant(null))
const blob = fc.option(
  fc.uint8Array({ maxLength: 3 }).map((b) => b.slice().buffer),
  { nil: null },
)
/** reads and writes that return rows or not, succeed or fail (a duplicate key, an unsafe integer) */
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(key, value, blob).map((args) => ({ sql: 'INSERT INTO t VALUES (?, ?, ?)', args })),
  fc.tuple(key, value).map((args) => ({
    sql: 'INSERT INTO t (k, v) VALUES (?, ?) RETURNING k, v AS "value"',
    args,
  })),
  key.map((k) => ({ sql: 'SELECT k, v, b FROM t WHERE k = ?', args: [k] })),
  fc.constant({ sql: 'SELECT * FROM t ORDER BY k', args: [] }),
  fc.constant({ sql: 'SELECT count(*) AS n, max(k) AS k, max(k) AS k FROM t', args: [] }),
  fc.tuple(fc.integer({ min: -2, max: 2 }), key).map((args) => ({
    sql: 'UPDATE t SET v = v + ? WHERE k >= ?',
    args,
  })),
  key.map((k) => ({ sql: 'DELETE FROM t WHERE k = ?', args: [k] })),
  fc.constant({ sql: 'SELECT missing FROM t', args: [] }),
)
/** one statement, or a batch of a few (all or nothing) */
const step = fc.oneof(op, fc.array(op, { minLength: 1, maxLength: 3 }))

/** Everything a caller of @libsql/client can see of a result or an error, as comparable data. */
function seen(r: ResultSet | undefined, error?: unknown) {
  if (error) {
    const e = error as { name?: string; code?: string; message?: string }
    return { error: [e.name, e.code, e.message] }
  }
  const cell = (v: unknown) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v)
  return {
    columns: r!.columns,
    columnTypes: r!.columnTypes,
    rows: r!.rows.map((row) => [
      Array.from(row, cell),
      Object.entries(row).map(([k, v]) => [k, cell(v)]),
    ]),
    rowsAffected: r!.rowsAffected,
    lastInsertRowid: r!.lastInsertRowid,
  }
}

async function runAll(steps: (Op | Op[])[], textOf: (sql: string, n: number) => string) {
  const db = fresh()
  await db.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER, b BLOB)')
  const out: unknown[] = []
  let n = 0
  const stmt = (o: Op) => ({ sql: textOf(o.sql, n++), args: [...o.args] })
  for (const s of steps) {
    try {
      if (Array.isArray(s)) out.push((await db.batch(s.map(stmt), 'write')).map((r) => seen(r)))
      else out.push(seen(await db.execute(stmt(s))))
    } catch (e) {
      out.push(seen(undefined, e))
    }
  }
  db.close()
  return out
}

describe('a kept statement answers as a freshly compiled one', () => {
  it('gives the same rows, columns, counts and errors over random statement sequences', async () => {
    keepCompiledStatements()
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        // each text made unique (a trailing comment): every statement is compiled and set up anew
        const fresh = await runAll(steps, (sql, n) => `${sql} /* ${n} */`)
        // the same texts again and again: kept statements answer from what they remember
        const kept = await runAll(steps, (sql) => sql)
        expect(kept).toEqual(fresh)
      }),
      { numRuns: 60 },
    )
  })

  it('follow a schema change made through another connection', async () => {
    keepCompiledStatements()
    const twice = async (textOf: (n: number) => string) => {
      const path = `file:${join(mkdtempSync(join(tmpdir(), 'sl-st-')), 'a.db')}`
      const [one, two] = [createClient({ url: path }), createClient({ url: path })]
      await one.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)')
      await one.execute("INSERT INTO t VALUES ('a', 1)")
      const out = []
      for (let n = 0; n < 4; n++) {
        // libSQL's own answer to the first read after the other connection's change is the old
        // columns over the new row (its schema is brought up to date by running): kept the same
        if (n === 2) await one.execute("ALTER TABLE t ADD w TEXT DEFAULT 'x'")
        out.push(seen(await two.execute(textOf(n))))
      }
      return out
    }
    const fresh = await twice((n) => `SELECT * FROM t /* ${n} */`)
    expect(fresh[3]).toMatchObject({ columns: ['k', 'v', 'w'] })
    expect(await twice(() => 'SELECT * FROM t')).toEqual(fresh)
  })
})
