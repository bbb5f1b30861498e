// Node entry (state-codec.ts `keepRowSize`): the cluster row is written at one size while its
// delta fits the room kept for it: spaces, then the delta's JSON, so that the `state_delta` column
// and the row's other text written with it (progress, API traces) keep their total length. Why:
// SQLite rewrites a row in place when the new record has exactly the old one's size, writing only
// the pages whose bytes changed (btree.c, btreeOverwriteCell); a record of any other size is a new
// cell, and every overflow page of the row is freed and written again, the ~14-17 KB gzip base
// included. Progress changes length on most commands (its recent lines), so almost every command
// rewrote the whole row: ~14 WAL pages for the bench's `scale` (each written now and copied again
// at the next checkpoint), against ~10 now; ~9 for a `get pods`, against ~5.
// The padding leads: `state_delta` is the row's last column (added by migration 0006), so the
// delta's JSON keeps its place at the row's end while progress, before it, changes length, and an
// unchanged delta is no page written. JSON.parse takes whitespace around a value, so a padded
// delta is still the JSON it was: a platform that knows no padding reads it as before, and rows
// written before it (unpadded) read as they are.
import { Buffer } from 'node:buffer'

/** the room grows in steps of this much, so that a growing delta outgrows it only now and then */
export const DELTA_ROOM_STEP = 8 * 1024

const SPACES = ' '.repeat(DELTA_ROOM_STEP)

/**
 * The UTF-8 lengths of the row's other text written beside the delta (progress; API traces when
 * written), as stored and as about to be written: what the delta's padding makes up for.
 */
export interface RowFit {
  was: number
  now: number
}

/** A delta as the column is written (`stateDelta`) and the column's UTF-8 length (`room`). */
export interface FittedDelta {
  stateDelta: string
  room: number
}

// Buffer.byteLength, not sim/utf8.ts's loop: the same count, several times faster on a document's
// JSON (tens of KB, measured), and every command measures one
export const utf8Length = (text: string | null) => (text === null ? 0 : Buffer.byteLength(text))

/**
 * The delta padded to keep the row's size: the column at `room` bytes, plus what the other text
 * gave up (`fit`). A delta that does not fit gets the next step of room past its length with at
 * least half a step to spare (the row changes size once).
 */
export function fitDelta(
  delta: string,
  room: number,
  fit?: RowFit,
  /** the delta's UTF-8 length when known (sim/document-delta.ts sizedDeltaJSON) */
  length = utf8Length(delta),
): FittedDelta {
  const free = room + (fit ? fit.was - fit.now : 0)
  const next = length <= free ? free : grownRoom(length)
  return { stateDelta: padDelta(delta, delta.length + next - length), room: next }
}

/** Room for `length` bytes with at least half a step to spare, so that it lasts a while. */
function grownRoom(length: number): number {
  const next = (Math.floor(length / DELTA_ROOM_STEP) + 1) * DELTA_ROOM_STEP
  return next - length < DELTA_ROOM_STEP / 2 ? next + DELTA_ROOM_STEP : next
}

/** `delta` after spaces, `chars` characters in all. */
function padDelta(delta: string, chars: number): string {
  let pad = ''
  while (pad.length + delta.length < chars)
    pad += SPACES.slice(0, Math.min(DELTA_ROOM_STEP, chars - delta.length - pad.length))
  return pad + delta
}

/** The delta stored in a padded column, without its padding. */
export function unpadDelta(stored: string | null): string | null {
  return stored === null ? null : stored.trimStart()
}
