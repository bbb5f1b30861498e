// @ts-check
// The WAL checkpoint thread (started by wal-checkpointer.ts): `PRAGMA wal_checkpoint(PASSIVE)` on a
// connection of its own every `everyMs`, until the main thread asks it to stop. Plain JavaScript:
// a worker thread loads no TypeScript under vitest.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'libsql'

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const { file, everyMs, stopped } = /** @type {{ file: string, everyMs: number,
  stopped: SharedArrayBuffer }} */ (workerData)
const stoppedFlag = new Int32Array(stopped)
const db = new Database(file)
db.exec('PRAGMA busy_timeout = 1000')
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
const timer = setInterval(() => {
  try {
    checkpoint.all()
  } catch {
    // busy now (a writer's checkpoint, a schema change): the next tick tries again
  }
}, everyMs)
port.on('message', () => {
  clearInterval(timer)
  db.close()
  Atomics.store(stoppedFlag, 0, 1)
  Atomics.notify(stoppedFlag, 0)
  port.close()
})
