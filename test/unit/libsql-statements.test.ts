// The Node entry's libSQL connections keep their compiled statements (worker/db/libsql-statements.ts):
// the same SQL text runs again without compiling, with the right answers through errors and
// schema changes.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
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
