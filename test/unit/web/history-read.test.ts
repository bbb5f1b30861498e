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

describe('readServerHistory', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('asks again when a read gets no answer, and the history still arrives', async () => {
    const fetch = vi
      .fn()
      .mockImplementationOnce(unanswered)
      .mockResolvedValueOnce(answer(['kubectl get pods']))
    vi.stubGlobal('fetch', fetch)
    const read = readServerHistory('c1')
    await vi.advanceTimersByTimeAsync(8000 + 1000)
    expect(await read).toEqual(['kubectl get pods'])
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

    const down = vi.fn().mockResolvedValue(new Response('{}', { status: 500 }))
    vi.stubGlobal('fetch', down)
    const read = readServerHistory('c1').catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(4000)
    expect(await read).toMatchObject({ status: 500 })
    expect(down).toHaveBeenCalledTimes(3)
  })
})
