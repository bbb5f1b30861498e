import { describe, expect, it } from 'vitest'
import { gunzipSync, gzipSync } from 'node:zlib'
import { decodeState, encodeState, stateCodec } from '../../worker/db/state-codec'
import { newCluster, run } from '../../worker/sim'
import { SEED_SCENARIO } from '../../bench/seed-scenario'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)

describe('stored cluster documents', () => {
  it('round-trip exactly, compressed to a fraction of the JSON', async () => {
    const { state } = run(newCluster(9, T0), 'kubectl apply -f -', { now: T0, stdin: SEED_SCENARIO })
    const stored = await encodeState(state)
    expect(stored.startsWith('gz:')).toBe(true)
    expect(await decodeState(stored)).toEqual(state)
    expect(stored.length).toBeLessThan(JSON.stringify(state).length / 4)
  })

  it('are the same bytes with Node zlib as with CompressionStream, each reading the other', async () => {
    const state = newCluster(9, T0)
    const node = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })
    expect(await node.decode(await encodeState(state))).toEqual(state)
    expect(await decodeState(await node.encode(state))).toEqual(state)
  })

  it('still read documents stored as plain JSON', async () => {
    const state = newCluster(9, T0)
    expect(await decodeState(JSON.stringify(state))).toEqual(state)
  })
})
