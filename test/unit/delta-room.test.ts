// The delta column padded so that a cluster row keeps its size (worker/db/delta-room.ts): the
// padded text is still the delta's JSON, and the column plus the row's other text keep one length
// while the delta fits.
import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { gunzipSync, gzipSync } from 'node:zlib'
import { DELTA_ROOM_STEP, fitDelta, unpadDelta } from '../../worker/db/delta-room'
import { REBASE_AT, stateCodec } from '../../worker/db/state-codec'
import { newCluster, run } from '../../worker/sim'
import { checkDocumentChanged } from '../../worker/sim/document-changed'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)

const delta = (n: number, fill = 'a') => JSON.stringify({ base: 'x', put: { k: fill.repeat(n) } })
const bytes = (s: string) => Buffer.byteLength(s)

describe('a delta padded to its room', () => {
  it('is the same JSON, and unpads to the delta', () => {
    const d = delta(100)
    const { stateDelta, room } = fitDelta(d, 0)
    expect(room).toBe(DELTA_ROOM_STEP)
    expect(bytes(stateDelta)).toBe(room)
    // what an older platform does with the column: JSON.parse takes the trailing spaces
    expect(JSON.parse(stateDelta)).toEqual(JSON.parse(d))
    expect(unpadDelta(stateDelta)).toBe(d)
    expect(unpadDelta(null)).toBeNull()
  })

  it('keeps its room while the delta fits, and grows by a step past it', () => {
    const first = fitDelta(delta(3000), 0)
    const grown = fitDelta(delta(6000), first.room)
    expect(grown.room).toBe(first.room)
    expect(bytes(grown.stateDelta)).toBe(first.room)
    const past = fitDelta(delta(DELTA_ROOM_STEP + 10), first.room)
    expect(past.room).toBe(2 * DELTA_ROOM_STEP)
    // a delta exactly as long as a step still leaves the room past it
    const exact = 'x'.repeat(DELTA_ROOM_STEP)
    expect(fitDelta(exact, 0).room).toBe(2 * DELTA_ROOM_STEP)
  })

  it("makes up for the row's other text changing length", () => {
    const d = delta(1000)
    const { room } = fitDelta(d, 0)
    // progress grew by 40 bytes: the column gives them up, the row's total stays
    const longer = fitDelta(d, room, { was: 500, now: 540 })
    expect(bytes(longer.stateDelta)).toBe(room - 40)
    expect(longer.room + 540).toBe(room + 500)
    // and shrank again
    const shorter = fitDelta(d, longer.room, { was: 540, now: 300 })
    expect(shorter.room + 300).toBe(room + 500)
    // no room left for the delta: the next step past it, the row changes size once
    const full = fitDelta(d, room, { was: 0, now: room })
    expect(full.room).toBe(DELTA_ROOM_STEP)
    expect(JSON.parse(full.stateDelta)).toEqual(JSON.parse(d))
  })

  it('counts UTF-8 bytes, as SQLite stores the text', () => {
    const d = delta(500, 'é')
    const { stateDelta, room } = fitDelta(d, 0)
    expect(bytes(stateDelta)).toBe(room)
    expect(stateDelta.length).toBeLessThan(room)
    const again = fitDelta(delta(700, 'ü'), room)
    expect(bytes(again.stateDelta)).toBe(room)
  })
})

describe('which codec pads', () => {
  const zlib = { gzip: (b: Uint8Array) => gzipSync(b), gunzip: (b: Uint8Array) => gunzipSync(b) }
  const changedTwice = async (codec: ReturnType<typeof stateCodec>) => {
    const loaded = (await codec.load(await codec.encode(newCluster(9, T0))))!
    loaded.state.runtime.flags.seen = 'yes'
    const fit = { was: 100, now: 120 }
    const changed = await codec.encodeChanged(loaded.state, loaded.stored, fit)
    const kept = codec.keepDocument(changed.stored, { was: 120, now: 150 })
    return { changed: changed.write as { stateDelta: string }, kept: kept.write }
  }

  it('the Node entry keeps the row size, the default (D1) writes the delta as it is', async () => {
    const node = await changedTwice(stateCodec(zlib, REBASE_AT, { keepRowSize: true }))
    expect(node.changed.stateDelta).toMatch(/^ +\{/)
    expect(node.kept).toEqual({ stateDelta: expect.stringMatching(/^ +\{/) })
    expect(bytes((node.kept as { stateDelta: string }).stateDelta)).toBe(
      bytes(node.changed.stateDelta) - 30,
    )
    const d1 = await changedTwice(stateCodec(zlib))
    expect(d1.changed.stateDelta).toBe(d1.changed.stateDelta.trim())
    expect(d1.kept).toBeUndefined()
  })
})

describe("the delta's length, counted from its parts", () => {
  const zlib = { gzip: (b: Uint8Array) => gzipSync(b), gunzip: (b: Uint8Array) => gunzipSync(b) }

  // check mode compares the count with the delta's own length on every command of every Node
  // test; this one runs without it, as the platform does, over objects with text past ASCII,
  // counted once and then taken from what is kept with their JSON
  it('pads the column to exactly its room, with non-ASCII objects kept from command to command', async () => {
    checkDocumentChanged(false)
    try {
      const codec = stateCodec(zlib, REBASE_AT, { keepRowSize: true })
      let { state, stored } = (await codec.load(await codec.encode(newCluster(9, T0))))!
      const service = (name: string, note: string) =>
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  annotations:\n    note: "${note}"\nspec:\n  ports:\n  - port: 80\n`
      const lines = [
        ['kubectl apply -f -', service('accents', 'héllo wörld')],
        ['kubectl apply -f -', service('symbols', '✓ ☃ 😀')],
        ['kubectl apply -f -', service('plain', 'v')],
        ['kubectl label service plain tier=web', undefined],
      ] as const
      for (const [i, [line, stdin]] of lines.entries()) {
        const r = run(state, line, { now: T0 + 1000 * (i + 1), stdin, owned: true })
        expect(r.exitCode).toBe(0)
        const fit = { was: 100 + i, now: 100 }
        const changed = await codec.encodeChanged(r.state, stored, fit)
        const { stateDelta } = changed.write as { stateDelta: string }
        expect(bytes(stateDelta)).toBe(changed.stored.room)
        state = r.state
        stored = changed.stored
      }
      expect(stored.delta).toContain('😀')
    } finally {
      checkDocumentChanged(true)
    }
  })
})
