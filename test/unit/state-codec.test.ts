import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { gunzipSync, gzipSync } from 'node:zlib'
import { decodeState, encodeState, stateCodec } from '../../worker/db/state-codec'
import { toBase64Url } from '../../worker/auth/crypto'
import { newCluster, run } from '../../worker/sim'
import { deltaBase, topJSON } from '../../worker/sim/document-delta'
import type { ClusterState } from '../../worker/sim/state'
import { seededJSON } from '../sim/state/change-sequences'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)
const node = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })

const base = (state: Uint8Array | string) => ({ state, stateDelta: null })
/** the bench's scenario applied, settled a minute later (pods running), curl in access-pod */
const seeded = () => JSON.parse(seededJSON()) as ClusterState
const T1 = T0 + 120_000

describe('stored cluster documents', () => {
  it('round-trip exactly as gzip bytes (no base64), a fraction of the JSON', async () => {
    const state = seeded()
    const stored = await encodeState(state)
    expect(stored.stateDelta).toBeNull()
    expect([stored.state[0], stored.state[1]]).toEqual([0x1f, 0x8b])
    expect(await decodeState(stored)).toEqual(state)
    expect(stored.state.length).toBeLessThan(JSON.stringify(state).length / 4)
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
    expect(await decodeState(base(text))).toEqual(state)
    expect(await node.decode(base(Buffer.from(text)))).toEqual(state)
  })
})

describe('loading for a command', () => {
  it('tells an unchanged document from a changed one', async () => {
    const loaded = (await node.load(await node.encode(newCluster(9, T0))))!
    expect((await node.encodeChanged(loaded.state, loaded.stored)).write).toBeUndefined()
    loaded.state.runtime.flags.seen = 'yes'
    const changed = await node.encodeChanged(loaded.state, loaded.stored)
    expect(changed.write).toEqual({ stateDelta: expect.any(String) })
  })

  it('starts from the copy kept at the same version only', async () => {
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })
    const stored = await codec.encode(newCluster(9, T0))
    const kept = newCluster(10, T0)
    const form = (await codec.load(await codec.encode(kept)))!.stored
    codec.remember({ clusterId: 'c1', version: 3 }, form, kept)
    expect(codec.heldVersion('c1')).toBe(3)
    expect((await codec.load(stored, { clusterId: 'c1', version: 3 }))!.state).toBe(kept)
    // handed over once: the next load of that version parses the kept JSON, a fresh object
    const again = (await codec.load(stored, { clusterId: 'c1', version: 3 }))!
    expect(again.state).not.toBe(kept)
    expect(again.state).toEqual(kept)
    // another version (someone else wrote the row): the stored document
    expect((await codec.load(stored, { clusterId: 'c1', version: 4 }))!.state.rng).toBe(
      newCluster(9, T0).rng,
    )
  })

  it('asks for the row again when it was read without its document and the copy is gone', async () => {
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) })
    const without = { state: null, stateDelta: null }
    expect(await codec.load(without, { clusterId: 'c1', version: 3 })).toBeUndefined()
    const form = (await codec.load(await codec.encode(newCluster(9, T0))))!.stored
    codec.remember({ clusterId: 'c1', version: 3 }, form)
    expect((await codec.load(without, { clusterId: 'c1', version: 3 }))!.state.rng).toBe(
      newCluster(9, T0).rng,
    )
    expect(await codec.load(without, { clusterId: 'c1', version: 4 })).toBeUndefined()
  })
})

describe('a changed document stored as a delta over its base', () => {
  /** what a row holds after `write` over `row` (a delta keeps the base) */
  type Row = { state: Uint8Array; stateDelta: string | null }
  const apply = (row: Row, write: object): Row => ({ ...row, ...write })

  it('writes only the objects a command changed, and the row reads back the document', async () => {
    // no limit: every change stays a delta over the first base
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }, Infinity)
    let row: Row = await codec.encode(seeded())
    let loaded = (await codec.load(row))!
    const lines = [
      'kubectl scale deployment nginx-deployment-3 --replicas=3',
      'kubectl delete pod access-pod',
      'kubectl label service my-blue-service tier=web',
    ]
    for (const [i, line] of lines.entries()) {
      const r = run(loaded.state, line, { now: T1 + 10_000 * i, owned: true })
      expect(r.exitCode, line).toBe(0)
      const out = await codec.encodeChanged(r.state, loaded.stored)
      expect(out.write, line).not.toHaveProperty('state')
      row = apply(row, out.write!)
      // a fresh isolate (no copy) reads the same document, byte for byte
      expect(JSON.stringify(await codec.decode(row)), line).toBe(JSON.stringify(r.state))
      loaded = { state: r.state, stored: out.stored }
    }
    expect(row.stateDelta!.length).toBeLessThan(JSON.stringify(loaded.state).length / 2)
  })

  it("keeps the objects' order when one is deleted and made again", async () => {
    const state = seeded()
    const loaded = (await node.load(await node.encode(state)))!
    const key = 'Service/default/my-blue-service'
    const svc = loaded.state.objects[key]!
    delete loaded.state.objects[key]
    loaded.state.objects[key] = { ...svc, metadata: { ...svc.metadata, resourceVersion: '999' } }
    const out = await node.encodeChanged(loaded.state, loaded.stored)
    const back = await node.decode({ state: (await node.encode(state)).state, ...out.write! })
    expect(Object.keys(back.objects)).toEqual(Object.keys(loaded.state.objects))
    expect(Object.keys(back.objects).at(-1)).toBe(key)
  })

  it("carries only the log lines appended since the base, past the log's cap too", async () => {
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }, Infinity)
    const curl = 'kubectl exec access-pod -- curl -s my-blue-service:8080'
    // LOG_LINES_MAX (200) access log lines in every nginx behind the Service, then a base
    const filled = seeded()
    for (let i = 0; i < 700; i++) run(filled, curl, { now: T1 + 1_000 * i, owned: true })
    let row: Row = await codec.encode(filled)
    let loaded = (await codec.load(row))!
    for (let i = 0; i < 30; i++) {
      const r = run(loaded.state, curl, { now: T1 + 1_000 * (700 + i), owned: true })
      const out = await codec.encodeChanged(r.state, loaded.stored)
      loaded = { state: r.state, stored: out.stored }
      row = apply(row, out.write!)
    }
    const containers = JSON.parse(row.stateDelta!).top.runtime.containers as Record<
      string,
      { logs: unknown }
    >
    const appended = Object.values(containers)
      .map((c) => c.logs)
      .filter((l) => l !== null)
    expect(appended.length).toBeGreaterThanOrEqual(1)
    for (const l of appended)
      expect(l).toMatchObject({ drop: expect.any(Number), add: expect.any(Array) })
    const full = Object.values(loaded.state.runtime.containers).map((c) => c.logs.length)
    expect(Math.max(...full)).toBe(200)
    // a fresh isolate reads the same document, byte for byte
    expect(JSON.stringify(await codec.decode(row))).toBe(JSON.stringify(loaded.state))
  })

  it('carries an object settle gave its empty status in place (same resourceVersion)', async () => {
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }, Infinity)
    const state = seeded()
    // a hand-built lab state: a Service written without a status
    delete state.objects['Service/default/my-blue-service']!.status
    const row: Row = await codec.encode(state)
    const loaded = (await codec.load(row))!
    const r = run(loaded.state, 'kubectl get svc my-blue-service', { now: T1, owned: true })
    expect(r.state.objects['Service/default/my-blue-service']!.status).toEqual({ loadBalancer: {} })
    const out = await codec.encodeChanged(r.state, loaded.stored)
    expect(JSON.stringify(await codec.decode(apply(row, out.write!)))).toBe(JSON.stringify(r.state))
  })

  it('ignores a delta left over another base (a writer that knew no deltas rewrote the document)', async () => {
    const codec = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }, Infinity)
    const state = seeded()
    const row: Row = await codec.encode(state)
    const loaded = (await codec.load(row))!
    const r = run(loaded.state, 'kubectl delete service my-blue-service', { now: T1, owned: true })
    const withDelta = apply(row, (await codec.encodeChanged(r.state, loaded.stored)).write!)
    expect(await codec.decode(withDelta)).not.toHaveProperty([
      'objects',
      'Service/default/my-blue-service',
    ])
    // an older platform during a deploy writes the whole document and leaves state_delta alone
    const older = seeded()
    older.runtime.flags.older = 'yes'
    const rewritten = { ...withDelta, state: gzipSync(JSON.stringify(older)) }
    expect(JSON.stringify(await codec.decode(rewritten))).toBe(JSON.stringify(older))
  })

  it('folds a delta that grew past its limit into a new base', async () => {
    const state = seeded()
    // a limit just above the document's top (rng, rv, runtime), always in a delta
    const limit = topJSON(state, deltaBase(state, '')).length + 1_000
    const small = stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }, limit)
    const loaded = (await small.load(await small.encode(state)))!
    const r = run(loaded.state, 'kubectl scale deployment nginx-deployment-3 --replicas=4', {
      now: T1,
      owned: true,
    })
    const out = await small.encodeChanged(r.state, loaded.stored)
    expect(out.write).toMatchObject({ stateDelta: null, state: expect.any(Uint8Array) })
    expect(JSON.stringify(await small.decode(out.write as never))).toBe(JSON.stringify(r.state))
    // the next change is a delta over that new base
    r.state.runtime.flags.after = 'yes'
    const next = await small.encodeChanged(r.state, out.stored)
    expect(JSON.parse((next.write as { stateDelta: string }).stateDelta).put).toEqual({})
  })
})
