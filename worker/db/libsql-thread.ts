// Node entry, local file: the database runs in a worker thread of its own (database-thread.mjs), so
// SQLite's work (compiling, reading and writing pages, the commit) is done on the other core and
// the event loop goes on with other requests meanwhile: ~0.2 ms of a `scale`'s ~2 ms of the main
// thread under the bench's load, and a slow disk or a long query no longer stalls every request.
// This is the part of @libsql/client's Client that drizzle (execute, batch, migrate) and worker/db
// (execute, batch, close) use; results and errors are shaped as its local driver shapes them.
// An interactive transaction (client.transaction()) is refused with a clear error: nothing here
// uses one, and one held across awaits would hold the thread's only connection.
import { Worker } from 'node:worker_threads'
import {
  LibsqlError,
  type InArgs,
  type InStatement,
  type ResultSet,
  type TransactionMode,
} from '@libsql/client'
import {
  normalized,
  rebuilt,
  resultSet,
  type Op,
  type WireError,
  type WireResult,
} from './libsql-thread-results'

type Answer = { id: number; results: WireResult[] } | { id: number; error: WireError }
interface Pending {
  op: Op
  resolve(r: ResultSet[]): void
  reject(e: unknown): void
}

/** how long an exiting process waits for the statement in the thread to end (busy_timeout: 5 s) */
const EXIT_WAIT_MS = 6000

const closedError = (why: string) => new LibsqlError(why, 'CLIENT_CLOSED')

/** A client whose every statement runs in the database thread, in the order it was asked. */
export class ThreadClient {
  closed = false
  readonly protocol = 'file'
  private next = 0
  private readonly pending = new Map<number, Pending>()
  /** asks not sent yet (sent at the end of the current turn) */
  private outbox: { id: number; op: Op; stmts: { sql: string; args: InArgs }[]; mode?: string }[] =
    []
  /** why the thread is gone, once it is */
  private gone: string | undefined
  private readonly exited: Promise<void>

  constructor(
    private readonly worker: Worker,
    private readonly stopping: Int32Array,
  ) {
    worker.on('message', (answers: Answer[]) => {
      for (const a of answers) this.answered(a)
    })
    worker.on('error', (e) => {
      console.error('database thread failed', e)
      this.fail(`The database thread failed: ${e.message}`)
    })
    this.exited = new Promise((done) =>
      worker.once('exit', (code) => {
        this.fail(`The database thread stopped (exit code ${code})`)
        done()
      }),
    )
    worker.unref()
  }

  execute(stmt: InStatement, args?: InArgs): Promise<ResultSet> {
    const s = typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : normalized(stmt)
    return this.ask('execute', [s]).then((r) => r[0]!)
  }

  batch(stmts: InStatement[], mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    return this.ask('batch', stmts.map(normalized), mode)
  }

  migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.ask('migrate', stmts.map(normalized))
  }

  transaction(): Promise<never> {
    return Promise.reject(
      new LibsqlError(
        'Interactive transactions are not supported by the database thread: use batch()',
        'TRANSACTION_UNSUPPORTED',
      ),
    )
  }

  executeMultiple(): Promise<never> {
    return Promise.reject(
      new LibsqlError('executeMultiple is not supported by the database thread', 'UNSUPPORTED'),
    )
  }

  /** Stops taking statements; those already asked are still answered, then the thread ends. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.flush()
    if (!this.gone) this.worker.postMessage({ op: 'close' })
  }

  /** close(), then the thread's end. */
  async stop(): Promise<void> {
    this.close()
    await this.exited
  }

  /** The process is exiting: the thread stops after the statement it is in, answering no more. */
  stopForExit(): void {
    Atomics.store(this.stopping, 0, 1)
    this.close()
  }

  private ask(op: Op, stmts: { sql: string; args: InArgs }[], mode?: string): Promise<ResultSet[]> {
    if (this.closed || this.gone)
      return Promise.reject(closedError(this.gone ?? 'The client is closed'))
    const id = this.next++
    return new Promise((resolve, reject) => {
      // an answer awaited keeps the process alive, as a call of the in-process driver did
      if (this.pending.size === 0) this.worker.ref()
      this.pending.set(id, { op, resolve, reject })
      // the asks of one turn go to the thread together (one wake-up of it for all)
      if (this.outbox.length === 0) queueMicrotask(() => this.flush())
      this.outbox.push({ id, op, stmts, mode })
    })
  }

  private flush(): void {
    const asks = this.outbox
    this.outbox = []
    if (asks.length === 0) return
    try {
      this.worker.postMessage(asks)
    } catch {
      // a value that cannot be sent to the thread (a function, a symbol): that ask alone fails
      for (const a of asks) {
        try {
          this.worker.postMessage([a])
        } catch (e) {
          this.settle(a.id)?.reject(e)
        }
      }
    }
  }

  private answered(a: Answer): void {
    const p = this.settle(a.id)
    if (!p) return
    if ('error' in a) p.reject(rebuilt(a.error, p.op))
    else p.resolve(a.results.map(resultSet))
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id)
    this.pending.delete(id)
    if (this.pending.size === 0) this.worker.unref()
    return p
  }

  /** The thread is gone: every statement waiting for it gets a clear error, never a hang. */
  private fail(why: string): void {
    this.gone ??= why
    this.outbox = []
    const waiting = [...this.pending.values()]
    this.pending.clear()
    this.worker.unref()
    for (const p of waiting) p.reject(closedError(why))
  }
}

/**
 * Opens `file` in a database thread with `settings` (pragmas) run on its connection first. When
 * the process exits, the thread is stopped first, between two statements: a thread ended inside
 * libsql's native call aborts the whole process (wal-checkpointer.ts saw it).
 */
export async function openDatabaseThread(file: string, settings: string): Promise<ThreadClient> {
  const stopping = new Int32Array(new SharedArrayBuffer(4))
  const stopped = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(new URL('./database-thread.mjs', import.meta.url), {
    workerData: { file, settings, stopping: stopping.buffer, stopped: stopped.buffer },
  })
  const ready = await new Promise<{ ready: boolean; error?: WireError }>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  if (!ready.ready) {
    await worker.terminate()
    throw rebuilt(ready.error!, 'execute')
  }
  const client = new ThreadClient(worker, stopping)
  // 'exit' handlers are synchronous: wait for the thread to stop between two statements, before
  // Node ends it (at most EXIT_WAIT_MS: longer than a statement waits for a lock)
  const onExit = () => {
    client.stopForExit()
    Atomics.wait(stopped, 0, 0, EXIT_WAIT_MS)
  }
  process.once('exit', onExit)
  worker.once('exit', () => process.off('exit', onExit))
  return client
}
