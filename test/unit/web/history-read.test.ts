import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

let readServerHistory: (clusterId: string) => Promise<string[]>

beforeAll(async () => {
  // the API module's router listens on window; Node has none
  vi.stubGlobal('window', { addEventListener: () => undefined })
  readServerHistory = (await import('../../../web/src/lab/use-history')).readServerHistory
})

const answer = (commands: string[]) =>
  new Response(JSON.stringify({ history: commands.map((command) => ({ command, at: 0 })) }), {
    headers: { 'Content-Type': 'application/json' },
  })

/** A request the server never answers; it ends only when the page aborts it. */
const unanswered = (_url: unknown, init?: RequestInit) =>
  new Promise<Response>((_, reject) =>
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError')),
    ),
  )

/** An answer whose headers come at once and whose body never ends, until the page aborts it. */
const stalledBody = (_url: unknown, init?: RequestInit) =>
  Promise.resolve(
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"history":['))
          init?.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('aborted', 'AbortError')),
          )
        },
      }),
      { headers: { 'Content-Type': 'application/json' } },
    ),
  )

describe('readServerHistory', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('asks again once a read got no answer for 8 s, and the history arrives then', async () => {
    const fetch = vi
      .fn()
      .mockImplementationOnce(unanswered)
      .mockResolvedValueOnce(answer(['kubectl get pods']))
    vi.stubGlobal('fetch', fetch)
    let history: string[] | undefined
    void readServerHistory('c1').then((h) => (history = h))
    await vi.advanceTimersByTimeAsync(8000)
    expect(history).toEqual(['kubectl get pods'])
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('asks again when the answer began but its body stalled for 8 s', async () => {
    const fetch = vi
      .fn()
      .mockImplementationOnce(stalledBody)
      .mockResolvedValueOnce(answer(['kubectl get svc']))
    vi.stubGlobal('fetch', fetch)
    let history: string[] | undefined
    void readServerHistory('c1').then((h) => (history = h))
    await vi.advanceTimersByTimeAsync(8000)
    expect(history).toEqual(['kubectl get svc'])
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('asks again after a server error', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('{}', { status: 503 }))
      .mockResolvedValueOnce(answer(['kubectl get svc']))
    vi.stubGlobal('fetch', fetch)
    const read = readServerHistory('c1')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await read).toEqual(['kubectl get svc'])
  })

  it('does not ask again when the cluster is refused (404), and gives up after three reads', async () => {
    const missing = vi.fn().mockResolvedValue(new Response('{}', { status: 404 }))
    vi.stubGlobal('fetch', missing)
    await expect(readServerHistory('c1')).rejects.toMatchObject({ status: 404 })
    expect(missing).toHaveBeenCalledTimes(1)

    // a new answer each time, as a server sends
    const down = vi.fn(() => Promise.resolve(new Response('{}', { status: 500 })))
    vi.stubGlobal('fetch', down)
    const read = readServerHistory('c1').catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(4000)
    expect(await read).toMatchObject({ status: 500 })
    expect(down).toHaveBeenCalledTimes(3)
  })
})
