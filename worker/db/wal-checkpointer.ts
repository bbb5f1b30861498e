// Node entry only: the WAL is checkpointed by a thread of its own, not by whichever command's
// COMMIT took it past 1000 pages. A checkpoint copies the WAL's pages into the database file and
// syncs both files (with `synchronous = NORMAL` the only syncs there are): ~4-8 ms for 1000 pages
// here, inside a synchronous call, so the event loop and every request in flight waited (one
// command in ~100 of the bench's `scale`s). The thread runs `PRAGMA wal_checkpoint(PASSIVE)` on a
// connection of its own every CHECKPOINT_EVERY_MS: a passive checkpoint takes no lock a writer
// waits for, and the first write after it starts the WAL over. The app's connections keep
// SQLite's own checkpoint as a backstop at a higher mark, should the thread fall behind or stop.
import { Worker } from 'node:worker_threads'

export const CHECKPOINT_EVERY_MS = 200
/** WAL pages past which an app connection checkpoints by itself (the thread fell behind) */
export const BACKSTOP_PAGES = 10_000

/**
 * The database file a libSQL URL names, or undefined (in memory, a remote server). A URL with a
 * query or an escape is left to the client's own reading (undefined: no thread, SQLite's own
 * checkpoints), rather than the thread opening some other file.
 */
export function localFile(url: string): string | undefined {
  if (!url.startsWith('file:') || /[?#%]/.test(url)) return undefined
  const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
  return path === '' || path === ':memory:' ? undefined : path
}

/**
 * Starts checkpointing `file`'s WAL in a worker thread; it never keeps the process alive. When the
 * process exits, the thread is stopped first, between two checkpoints: a thread ended inside one
 * (process.exit() during a native call of libsql) aborts the whole process (a Rust panic).
 */
export function checkpointInBackground(file: string): { stop(): Promise<void> } {
  const stopped = new Int32Array(new SharedArrayBuffer(4))
  // the thread's code: wal-checkpoint-thread.mjs (checked by typecheck and lint as any other file)
  const worker = new Worker(new URL('./wal-checkpoint-thread.mjs', import.meta.url), {
    workerData: { file, everyMs: CHECKPOINT_EVERY_MS, stopped: stopped.buffer },
  })
  worker.unref()
  worker.on('error', (e) => console.error('WAL checkpoint thread stopped', e))
  let running = true
  const halt = () => {
    if (!running) return
    running = false
    worker.postMessage('stop')
  }
  // 'exit' handlers are synchronous: wait (at most a second) for the thread to stop between two
  // checkpoints, before Node ends it
  const onExit = () => {
    halt()
    Atomics.wait(stopped, 0, 0, 1000)
  }
  process.once('exit', onExit)
  worker.once('exit', () => {
    running = false
    process.off('exit', onExit)
  })
  return {
    async stop() {
      if (!running) return
      const exited = new Promise((done) => worker.once('exit', done))
      halt()
      await exited
    },
  }
}
