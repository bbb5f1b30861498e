import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchGet } from '../../../web/src/get-reask'

/**
 * A fetch whose n-th call (from 0) hangs until aborted when `hangs[n]` is true, answers its headers
 * and then stalls in the body until aborted (as fetch's body errors) when it is 'body', else
 * answers 200 "ask n".
 */
function server(hangs: (boolean | 'body')[]) {
  const calls: { path: string; method?: string }[] = []
  const fetchMock = vi.fn((path: string, init: RequestInit) => {
    const n = calls.push({ path, method: init.method }) - 1
    if (hangs[n] === 'body') {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"hist'))
          init.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('The operation was aborted.', 'AbortError')),
          )
        },
      })
      return Promise.resolve(new Response(body))
    }
    if (!hangs[n]) return Promise.resolve(new Response(`ask ${n}`))
    return new Promise<Response>((_, reject) => {
      init.signal?.addEventListener('abort', () =>
        reject(new DOMException('The operation was aborted.', 'AbortError')),
      )
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return calls
}

describe('fetchGet (a GET left unanswered is asked again once)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('answers at once when the server answers', async () => {
    const calls = server([false])
    const res = await fetchGet('/api/me', { method: 'GET' })
    expect(await res.text()).toBe('ask 0')
    expect(calls).toHaveLength(1)
  })

  it('asks again after 8 s without an answer, and the page gets the second answer', async () => {
    const calls = server([true, false])
    const answer = fetchGet('/api/labs', { method: 'GET' })
    await vi.advanceTimersByTimeAsync(7999)
    expect(calls).toHaveLength(1) // not asked again before its time
    await vi.advanceTimersByTimeAsync(1)
    expect(await (await answer).text()).toBe('ask 1')
    expect(calls.map((c) => c.path)).toEqual(['/api/labs', '/api/labs'])
  })

  it('asks again when the headers came but the body stalled for 8 s', async () => {
    const calls = server(['body', false])
    const answer = fetchGet('/api/labs', { method: 'GET' })
    await vi.advanceTimersByTimeAsync(7999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await (await answer).text()).toBe('ask 1')
    expect(calls).toHaveLength(2)
  })

  it('asks only twice: the second ask waits as long as it takes', async () => {
    const calls = server([true, true])
    const answer = fetchGet('/api/labs', { method: 'GET' }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toHaveLength(2)
    let settled = false
    void answer.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
  })

  it("the caller's abort ends it at once, thrown as fetch throws it, and nothing is asked again", async () => {
    const calls = server([true, false])
    const stop = new AbortController()
    const answer = fetchGet('/api/labs', { method: 'GET' }, stop.signal).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(100)
    stop.abort()
    const err = await answer
    expect((err as DOMException).name).toBe('AbortError')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(calls).toHaveLength(1)
  })

  it('a network error is thrown as it is, not asked again', async () => {
    const fetchMock = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    vi.stubGlobal('fetch', fetchMock)
    await expect(fetchGet('/api/me', { method: 'GET' })).rejects.toThrow('Failed to fetch')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })
})
