// The Node entry's WAL checkpoints, made by a thread of their own (worker/db/wal-checkpointer.ts):
// what the app's connections wrote reaches the database file without any of them checkpointing.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { checkpointInBackground, localFile } from '../../worker/db/wal-checkpointer'

describe('WAL checkpoints in a thread', () => {
  it('copy what the app wrote into the database file while the app never checkpoints', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sl-wal-')), 'a.db')
    const db = new Database(file)
    db.exec('PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0')
    db.exec('CREATE TABLE t (id integer primary key, body text)')
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)')
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(3000))
    const before = statSync(file).size
    // every page is still in the WAL only
    expect(before).toBeLessThan(200 * 3000)
    const thread = checkpointInBackground(file)
    try {
      const deadline = Date.now() + 4_000
      while (statSync(file).size <= before && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50))
      expect(statSync(file).size).toBeGreaterThan(200 * 3000)
      // the writer goes on: the thread's checkpoint held no lock it waits for
      insert.run('after')
      expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(201)
    } finally {
      await thread.stop()
      db.close()
    }
  })

  it.each([
    ['file:/srv/lab.db', '/srv/lab.db'],
    ['file:///srv/lab.db', '/srv/lab.db'],
    ['file:data/lab.db', 'data/lab.db'],
    ['file::memory:', undefined],
    ['file:data/lab.db?mode=ro', undefined],
    ['file:my%20labs.db', undefined],
    ['libsql://lab.example.org', undefined],
    ['http://127.0.0.1:8080', undefined],
  ])('knows %s as a local file: %s', (url, file) => {
    expect(localFile(url)).toBe(file)
  })
})

describe('a process with the checkpoint thread', () => {
  it('exits cleanly when it exits in the middle of a checkpoint', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sl-wal-exit-')), 'a.db')
    const fixture = fileURLToPath(new URL('./fixtures/exit-during-checkpoint.ts', import.meta.url))
    const r = spawnSync(process.execPath, ['--import', 'tsx', fixture, file], { encoding: 'utf8' })
    // before: the thread was ended inside libsql's native call and the process aborted (134)
    expect(r.stderr).not.toContain('panicked')
    expect(r.status).toBe(0)
  }, 60_000)
})
