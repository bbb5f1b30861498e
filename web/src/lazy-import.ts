// The chunks loaded on demand (the lab page, the instructor pages, CodeMirror) come over the
// network like any request: a blip, or a deploy that replaced the asset names, makes `import()`
// fail, and a stalled request leaves it pending (`npm start`'s wrangler dev 4.86 can leave a GET
// unanswered until the next request arrives: workers-sdk#14593). Without care the page then waits
// forever on "Loading the lab…". So a failed import is tried again a couple of times after a short
// pause, and the whole load gives up after a deadline, so that the page can say so and offer a
// reload.
//
// The same `import()` tried again may fail at once without a new request: a browser may keep the
// failure in its module map for that URL (whatwg/html#6768; Chromium 153, the npm one the browser
// tests can run, does). So a retry imports the chunk the error names (Chromium and Firefox name
// it) under a URL of its own (`?retry=N`): a fresh fetch, and the chunk's own imports resolve to
// the same modules the page already has. Where the error names no chunk, `load()` is tried again.

export interface ImportRetry {
  /** the pauses before the second, third, ... attempt (so its length is the number of retries) */
  delaysMs: readonly number[]
  /** the whole load, pauses included, gives up after this long (a request that never ends) */
  deadlineMs: number
  /** runs before each retry, e.g. to fetch again a stylesheet whose first fetch failed */
  beforeRetry?: () => Promise<void> | void
  /** imports a module by URL (a retry of a chunk the error named); none: `load()` again */
  importUrl?: (url: string) => Promise<unknown>
}

/** A blip passes within a second or two; a loaded machine has been seen to take ~6 s. */
export const CHUNK_RETRY: ImportRetry = {
  delaysMs: [500, 2000],
  deadlineMs: 20_000,
  importUrl: (url) => import(/* @vite-ignore */ url),
}

/** The chunk of ours (`/assets/*.js`) a failed `import()` names, if it names one. */
function failedChunkUrl(err: unknown): string | undefined {
  return /(\S*\/assets\/[\w.-]+\.js)(?![\w.?-])/.exec(reason(err))?.[1]
}

/** What the page shows when a chunk did not arrive; `message` says why, in a sentence. */
export class ChunkLoadError extends Error {
  override name = 'ChunkLoadError'
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err))
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** `load()` (an `import()`), tried again after each of `retry.delaysMs`, within the deadline. */
export function importWithRetry<T>(load: () => Promise<T>, retry = CHUNK_RETRY): Promise<T> {
  let over = false
  const attempts = async (): Promise<T> => {
    let last: unknown
    let chunk: string | undefined
    for (let i = 0; i <= retry.delaysMs.length && !over; i++) {
      if (i > 0) {
        await pause(retry.delaysMs[i - 1] ?? 0)
        if (over) break
        await retry.beforeRetry?.()
      }
      try {
        return chunk === undefined || !retry.importUrl
          ? await load()
          : ((await retry.importUrl(`${chunk}?retry=${i}`)) as T)
      } catch (err) {
        last = err
        // the chunk's own name (a retry's failure names `...js?retry=N`, which this leaves out)
        chunk ??= failedChunkUrl(err)
      }
    }
    const tries = retry.delaysMs.length + 1
    throw new ChunkLoadError(`it failed ${tries} times (the last error: ${reason(last)})`)
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    const seconds = Math.round(retry.deadlineMs / 1000)
    timer = setTimeout(
      () => reject(new ChunkLoadError(`it did not arrive within ${seconds} s`)),
      retry.deadlineMs,
    )
  })
  return Promise.race([attempts(), deadline]).finally(() => {
    over = true
    clearTimeout(timer)
  })
}

/** A chunk loaded once per page: every mount shares the load, and a failed load may be retried. */
export interface LazyChunk<T> {
  /** the module once it arrived, so a second mount renders at once */
  loaded: () => T | undefined
  load: () => Promise<T>
}

export function lazyChunk<T>(load: () => Promise<T>, retry = CHUNK_RETRY): LazyChunk<T> {
  let value: T | undefined
  let pending: Promise<T> | undefined
  return {
    loaded: () => value,
    load() {
      pending ??= importWithRetry(load, retry).then(
        (v) => (value = v),
        (err: unknown) => {
          pending = undefined // the next mount (or a route change back) tries afresh
          throw err
        },
      )
      return pending
    },
  }
}
