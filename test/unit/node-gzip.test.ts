// The Node entry's gzip (worker/db/node-gzip.ts) runs on libuv's thread pool, off the main thread:
// what it stores must be the very bytes the synchronous gzip at level 1 wrote before it.
import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { nodeGzip } from '../../worker/db/node-gzip'
import { seededJSON } from '../sim/state/change-sequences'

describe("the Node entry's gzip", () => {
  it("stores gzipSync's bytes at level 1, and reads them back", async () => {
    const bytes = new TextEncoder().encode(seededJSON())
    const stored = await nodeGzip.gzip(bytes)
    expect(Buffer.from(stored).equals(gzipSync(bytes, { level: 1 }))).toBe(true)
    expect(new TextDecoder().decode(await nodeGzip.gunzip(new Uint8Array(stored)))).toBe(
      seededJSON(),
    )
  })
})
