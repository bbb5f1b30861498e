import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChunkLoadError, importWithRetry, lazyChunk } from '../../../web/src/lazy-import'

const RETRY = { delaysMs: [500, 2000], deadlineMs: 20_000 }
const chunkError = () => new TypeError('Failed to fetch dynamically imported module: /assets/x.js')

/** An `import()` that fails its first `failures` calls, then gives the module. */
function flaky(failures: number) {
  let calls = 0
  const load = vi.fn(async () => {
    calls++
    if (calls <= failures) throw chunkError()
    return { LabPage: 'the module' }
  })
  return load
}

/** Settles `promise` while fake time runs; the value, or the error it rejected with. */
async function settle<T>(promise: Promise<T>, ms: number): Promise<T | Error> {
  const caught = promise.catch((e: unknown) => e as Error)
  await vi.advanceTimersByTimeAsync(ms)
  return caught
}

describe('importWithRetry', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('retries the chunk the error names under a URL of its own: the browser may keep the failure', async () => {
    // Chromium 153 keeps a failed module fetch: the same import() fails again with no request
    const load = vi.fn(async () => {
      throw chunkError()
    })
    const importUrl = vi.fn(async (url: string) => {
      if (url === '/assets/x.js?retry=1')
        throw new TypeError(`Failed to fetch dynamically imported module: ${url}`)
      return { LabPage: url }
    })
    const loading = importWithRetry(load, { ...RETRY, importUrl })
    expect(await settle(loading, 2500)).toEqual({ LabPage: '/assets/x.js?retry=2' })
    expect(load).toHaveBeenCalledTimes(1)
    expect(importUrl.mock.calls.map(([u]) => u)).toEqual([
      '/assets/x.js?retry=1',
      '/assets/x.js?retry=2',
    ])
  })

  it('an error that names no chunk of ours is retried with the same import()', async () => {
    const load = vi.fn(async () => ({ LabPage: 'the module' }))
    load.mockImplementationOnce(async () => {
      throw new TypeError('Importing a module script failed.')
    })
    const importUrl = vi.fn(async () => ({}))
    const loading = importWithRetry(load, { ...RETRY, importUrl })
    expect(await settle(loading, 500)).toEqual({ LabPage: 'the module' })
    expect(load).toHaveBeenCalledTimes(2)
    expect(importUrl).not.toHaveBeenCalled()
  })

  it('gives the module at once when the chunk arrives', async () => {
    const load = flaky(0)
    expect(await settle(importWithRetry(load, RETRY), 0)).toEqual({ LabPage: 'the module' })
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('tries a failed import again after a short pause, and the page still arrives', async () => {
    const load = flaky(1)
    const loading = importWithRetry(load, RETRY)
    await vi.advanceTimersByTimeAsync(499)
    expect(load).toHaveBeenCalledTimes(1) // the pause is not skipped
    expect(await settle(loading, 1)).toEqual({ LabPage: 'the module' })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('survives two failures with the longer second pause', async () => {
    const load = flaky(2)
    expect(await settle(importWithRetry(load, RETRY), 2500)).toEqual({ LabPage: 'the module' })
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('gives up after the retries with an error naming the last failure', async () => {
    const load = flaky(99)
    const err = await settle(importWithRetry(load, RETRY), 2500)
    expect(err).toBeInstanceOf(ChunkLoadError)
    expect((err as Error).message).toBe(
      'it failed 3 times (the last error: Failed to fetch dynamically imported module: /assets/x.js)',
    )
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('gives up at the deadline when the chunk never arrives (a stalled request)', async () => {
    const load = vi.fn(() => new Promise<never>(() => undefined))
    const loading = importWithRetry(load, RETRY)
    let settled = false
    loading.then(
      () => (settled = true),
      () => (settled = true),
    )
    await vi.advanceTimersByTimeAsync(19_999)
    expect(settled).toBe(false) // still waiting just before the deadline
    const err = await settle(loading, 1)
    expect((err as Error).message).toBe('it did not arrive within 20 s')
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('stops retrying once the deadline passed', async () => {
    const load = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 15_000))
      throw chunkError()
    })
    const err = await settle(importWithRetry(load, RETRY), 20_000)
    expect((err as Error).message).toBe('it did not arrive within 20 s')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(load).toHaveBeenCalledTimes(2) // the one that started before the deadline, no third
  })

  it('fetches failed stylesheets again before each retry', async () => {
    const beforeRetry = vi.fn()
    await settle(importWithRetry(flaky(2), { ...RETRY, beforeRetry }), 2500)
    expect(beforeRetry).toHaveBeenCalledTimes(2)
  })
})

describe('lazyChunk', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('loads once for every mount and remembers the module', async () => {
    const load = flaky(0)
    const chunk = lazyChunk(load, RETRY)
    expect(chunk.loaded()).toBeUndefined()
    const [a, b] = await Promise.all([chunk.load(), chunk.load()])
    expect(a).toBe(b)
    expect(chunk.loaded()).toBe(a)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('after giving up, the next mount tries afresh', async () => {
    const load = flaky(3)
    const chunk = lazyChunk(load, RETRY)
    expect(await settle(chunk.load(), 2500)).toBeInstanceOf(ChunkLoadError)
    expect(await settle(chunk.load(), 0)).toEqual({ LabPage: 'the module' })
    expect(load).toHaveBeenCalledTimes(4)
  })
})
