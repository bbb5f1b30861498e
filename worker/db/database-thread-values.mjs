// @ts-check
// Values and errors as they cross the database thread (database-thread.mjs): arguments bound as
// @libsql/client's local driver binds them, values read as it returns them, SQLite's errors with
// the fields of its LibsqlError. Plain JavaScript, as the thread's own code.
import { Buffer } from 'node:buffer'
import Database from 'libsql'

/** @typedef {{ sql: string, args: unknown[] | Record<string, unknown> }} Stmt */

/** A bound value as libsql takes it (what @libsql/client's valueToSql does, intMode number). */
function toSql(/** @type {unknown} */ v) {
  if (typeof v === 'number') {
    if (!Number.isFinite(v))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
    return v
  }
  if (typeof v === 'boolean') return v ? 1 : 0
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength)
  if (v instanceof ArrayBuffer) return Buffer.from(v)
  if (v instanceof Date) return v.valueOf()
  if (v === undefined) throw new TypeError('undefined cannot be passed as argument to the database')
  return v
}

/** @param {Stmt} s */
export function bound(s) {
  if (Array.isArray(s.args)) return s.args.map(toSql)
  /** @type {Record<string, unknown>} */
  const named = {}
  for (const [k, v] of Object.entries(s.args)) named[/^[@$:]/.test(k) ? k.slice(1) : k] = toSql(v)
  return named
}

/** A value read, as @libsql/client gives it: integers as numbers, BLOBs as their own bytes. */
export function fromSql(/** @type {unknown} */ v, /** @type {ArrayBuffer[]} */ moved) {
  if (typeof v === 'bigint') {
    if (v < -9007199254740991n || v > 9007199254740991n)
      throw new RangeError(
        'Received integer which cannot be safely represented as a JavaScript number',
      )
    return Number(v)
  }
  if (v instanceof Uint8Array) {
    const whole = v.byteOffset === 0 && v.byteLength === v.buffer.byteLength
    const bytes = whole ? /** @type {ArrayBuffer} */ (v.buffer) : v.slice().buffer
    moved.push(bytes)
    return bytes
  }
  return v
}

const BASE_CODES = [
  'ERROR',
  'INTERNAL',
  'PERM',
  'ABORT',
  'BUSY',
  'LOCKED',
  'NOMEM',
  'READONLY',
  'INTERRUPT',
  'IOERR',
  'CORRUPT',
  'NOTFOUND',
  'FULL',
  'CANTOPEN',
  'PROTOCOL',
  'EMPTY',
  'SCHEMA',
  'TOOBIG',
  'CONSTRAINT',
  'MISMATCH',
  'MISUSE',
  'NOLFS',
  'AUTH',
  'FORMAT',
  'RANGE',
  'NOTADB',
  'NOTICE',
  'WARNING',
]

/**
 * An error as the main thread rebuilds it: SQLite's with LibsqlError's fields (code: the base
 * code from rawCode, extendedCode: libsql's own code), as @libsql/client's mapSqliteError.
 * @param {unknown} e
 */
export function wireError(e) {
  const err = /** @type {Error & { code?: unknown, rawCode?: unknown, index?: number }} */ (e)
  const message = String(err?.message ?? e)
  if (e instanceof Database.SqliteError) {
    const raw = typeof err.rawCode === 'number' ? err.rawCode : undefined
    const base =
      raw === undefined ? 'UNKNOWN' : (BASE_CODES[(raw & 0xff) - 1] ?? `UNKNOWN_${raw & 0xff}`)
    const extendedCode = typeof err.code === 'string' ? err.code : undefined
    return {
      name: 'LibsqlError',
      message,
      code: `SQLITE_${base}`,
      extendedCode,
      rawCode: raw,
      index: err.index,
    }
  }
  const code = typeof err?.code === 'string' ? err.code : undefined
  return { name: String(err?.name ?? 'Error'), message, code, index: err?.index }
}
