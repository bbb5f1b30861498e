import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { gunzipSync, gzipSync } from 'node:zlib'
import { decodeState, encodeState, stateCodec } from '../../worker/db/state-codec'
import { toBase64Url } from '../../worker/auth/crypto'
import { newCluster, run } from '../../worker/sim'
import { SEED_SCENARIO } from '../../bench/seed-scenario'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)
const node = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })

describe('stored cluster documents', () => {
  it('round-trip exactly as gzip bytes (no base64), a fraction of the JSON', async () => {
    const { state } = run(newCluster(9, T0), 'kubectl apply -f -', {
      now: T0,
      stdin: SEED_SCENARIO,
    })
    const stored = await encodeState(state)
    expect([stored[0], stored[1]]).toEqual([0x1f, 0x8b])
    expect(await decodeState(stored)).toEqual(state)
    expect(stored.length).toBeLessThan(JSON.stringify(state).length / 4)
  })

  it('are read by either runtime whichever wrote them', async () => {
    const state = newCluster(9, T0)
    expect(await node.decode(await encodeState(state))).toEqual(state)
    expect(await decodeState(await node.encode(state))).toEqual(state)
  })

  // rows written before migration 0002 hold text; a BLOB column hands it back as its UTF-8 bytes
  it.each([
    ['plain JSON', (json: string) => json],
    ['gz: + base64url', (json: string) => 'gz:' + toBase64Url(gzipSync(json))],
  ])('still read rows stored as %s, as text or as bytes', async (_, legacy) => {
    const state = newCluster(9, T0)
    const text = legacy(JSON.stringify(state))
    expect(await decodeState(text)).toEqual(state)
    expect(await node.decode(Buffer.from(text))).toEqual(state)
  })
})

describe('loading for a command', () => {
  it('tells an unchanged document from a changed one', async () => {
    const state = newCluster(9, T0)
    const loaded = await node.load(await node.encode(state))
    expect((await node.encodeChanged(loaded.state, loaded.json)).stored).toBeUndefined()
    loaded.state.runtime.flags.seen = 'yes'
    const changed = await node.encodeChanged(loaded.state, loaded.json)
    expect(await node.decode(changed.stored!)).toEqual(loaded.state)
  })

  it('starts from the copy kept at the same version only', async () => {
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })
    const stored = await codec.encode(newCluster(9, T0))
    const kept = newCluster(10, T0)
    codec.remember({ clusterId: 'c1', version: 3 }, JSON.stringify(kept), kept)
    expect((await codec.load(stored, { clusterId: 'c1', version: 3 })).state).toBe(kept)
    // handed over once: the next load of that version parses the kept JSON, a fresh object
    const again = await codec.load(stored, { clusterId: 'c1', version: 3 })
    expect(again.state).not.toBe(kept)
    expect(again.state).toEqual(kept)
    // another version (someone else wrote the row): the stored document
    expect((await codec.load(stored, { clusterId: 'c1', version: 4 })).state.rng).toBe(
      newCluster(9, T0).rng,
    )
  })
})
