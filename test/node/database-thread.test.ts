// The Node entry's database thread (worker/db/libsql-thread.ts): what drizzle and worker/db get from
// it is what @libsql/client's local driver gave them: the same results (rows by position and by
// column name, BLOBs as ArrayBuffers, integers as numbers) and the same errors (class, code,
// message, the failed statement of a batch), over the same statements on two copies of a database.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type InStatement, type ResultSet } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabaseThread, type ThreadClient } from '../../worker/db/libsql-thread'

type Runner = (c: ThreadClient | ReturnType<typeof createClient>) => Promise<unknown>

const SCHEMA = [
  'CREATE TABLE users (id integer primary key, email text unique not null, doc blob, n real, flag integer)',
  'CREATE TABLE twice (a integer, b integer)',
]

/** Everything a caller can see of a result: values by position and name, keys, JSON, types. */
function seen(r: ResultSet) {
  return {
    columns: r.columns,
    columnTypes: r.columnTypes,
    rowsAffected: r.rowsAffected,
    lastInsertRowid: r.lastInsertRowid,
    json: JSON.stringify(r),
    rows: r.rows.map((row) => ({
      keys: Object.keys(row),
      length: row.length,
      byPosition: Array.from({ length: row.length }, (_, i) => described(row[i])),
      byName: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, described(v)])),
    })),
  }
}

function described(v: unknown) {
  if (v instanceof ArrayBuffer) return { ArrayBuffer: [...new Uint8Array(v)] }
  return { [typeof v]: v }
}

async function outcome(run: () => Promise<unknown>) {
  try {
    const r = await run()
    return { ok: Array.isArray(r) ? r.map((x) => seen(x as ResultSet)) : seen(r as ResultSet) }
  } catch (e) {
    const err = e as Error & Record<string, unknown>
    return {
      error: err.constructor.name,
      message: err.message,
      code: err.code,
      extendedCode: err.extendedCode,
      rawCode: err.rawCode,
      statementIndex: err.statementIndex,
    }
  }
}

const CASES: [string, Runner][] = [
  [
    'an insert',
    (c) =>
      c.execute({
        sql: 'INSERT INTO users (email, doc, n, flag) VALUES (?, ?, ?, ?)',
        args: ['a@x', new Uint8Array([0, 1, 255]), 1.5, true],
      }),
  ],
  [
    'an insert with an ArrayBuffer and a Date',
    (c) =>
      c.execute({
        sql: 'INSERT INTO users (email, doc, n) VALUES (?, ?, ?)',
        args: ['b@x', new Uint8Array([9, 8]).buffer, new Date(1_700_000_000_000)],
      }),
  ],
  [
    'named arguments',
    (c) =>
      c.execute({
        sql: 'INSERT INTO users (email, flag) VALUES (:email, $flag)',
        args: { ':email': 'c@x', flag: false },
      }),
  ],
  [
    'a select of every type',
    (c) => c.execute('SELECT id, email, doc, n, flag, NULL AS empty FROM users ORDER BY id'),
  ],
  [
    'an empty BLOB and a large integer',
    (c) => c.execute("SELECT x'' AS empty, 9007199254740991 AS big, 1.25 AS r"),
  ],
  ['two columns of one name', (c) => c.execute('SELECT 1 AS a, 2 AS a')],
  [
    'a select with no rows',
    (c) => c.execute({ sql: 'SELECT * FROM users WHERE email = ?', args: ['none'] }),
  ],
  [
    'an update',
    (c) => c.execute({ sql: 'UPDATE users SET n = n + 1 WHERE n IS NOT NULL', args: [] }),
  ],
  [
    'a duplicate email',
    (c) => c.execute({ sql: 'INSERT INTO users (email) VALUES (?)', args: ['a@x'] }),
  ],
  ['a syntax error', (c) => c.execute('SELEC 1')],
  ['an unknown column', (c) => c.execute('SELECT nope FROM users')],
  ['an integer too large for a number', (c) => c.execute('SELECT 9007199254740992 AS n')],
  ['a NaN argument', (c) => c.execute({ sql: 'SELECT ?', args: [NaN] })],
  [
    'an undefined argument',
    (c) => c.execute({ sql: 'SELECT ?', args: [undefined as unknown as null] }),
  ],
  [
    'a batch',
    (c) =>
      c.batch(
        [
          { sql: 'INSERT INTO twice VALUES (?, ?)', args: [1, 2] },
          'UPDATE twice SET b = 3',
          ['SELECT * FROM twice', []],
        ] as InStatement[],
        'write',
      ),
  ],
  [
    'a batch whose second statement fails, rolled back',
    (c) =>
      c.batch(
        [
          'INSERT INTO twice VALUES (5, 5)',
          { sql: 'INSERT INTO users (email) VALUES (?)', args: ['a@x'] },
        ],
        'write',
      ),
  ],
  ['what the failed batch left', (c) => c.execute('SELECT count(*) AS n FROM twice')],
  [
    'a batch in read mode (libsql lets it write)',
    (c) => c.batch(['INSERT INTO twice VALUES (7, 7)'], 'read'),
  ],
  ['a batch in an unknown mode', (c) => c.batch(['SELECT 1'], 'sideways' as 'read')],
  [
    'a migration',
    (c) => c.migrate(['CREATE TABLE later (x text)', 'INSERT INTO later VALUES (1)']),
  ],
  [
    'a failed migration',
    (c) => c.migrate(['CREATE TABLE later2 (x text)', 'CREATE TABLE later (x text)']),
  ],
  [
    'what the migrations left',
    (c) => c.execute("SELECT name FROM sqlite_master WHERE name LIKE 'later%'"),
  ],
]

/** the cases that fail (through either client): every other case must succeed, or it tests little */
const FAILING = new Set([
  'a duplicate email',
  'a syntax error',
  'an unknown column',
  'an integer too large for a number',
  'a NaN argument',
  'an undefined argument',
  'a batch whose second statement fails, rolled back',
  'a batch in an unknown mode',
  'a failed migration',
])

describe('the database thread answers as @libsql/client did', () => {
  let thread: ThreadClient
  let local: ReturnType<typeof createClient>
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sl-dbt-'))
    thread = await openDatabaseThread(join(dir, 'thread.db'), 'PRAGMA synchronous = NORMAL')
    local = createClient({ url: `file:${join(dir, 'local.db')}` })
    for (const sql of SCHEMA) await Promise.all([thread.execute(sql), local.execute(sql)])
  })
  afterAll(async () => {
    local.close()
    await thread.stop()
  })

  // in order: each case sees what the earlier ones wrote
  it.each(CASES)('%s', async (name, run) => {
    const [viaThread, viaClient] = [
      await outcome(() => run(thread)),
      await outcome(() => run(local)),
    ]
    expect('error' in viaClient).toBe(FAILING.has(name))
    expect(viaThread).toEqual(viaClient)
  })

  it('refuses an interactive transaction rather than half-running one', async () => {
    await expect(thread.transaction()).rejects.toMatchObject({ code: 'TRANSACTION_UNSUPPORTED' })
  })
})
