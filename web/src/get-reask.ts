// A GET with no answer after a while is asked again, once. `npm start`'s wrangler dev 4.86 can hold
// a GET unanswered until some other request arrives (a keep-alive error at its 5 s idle timeout
// misread as a reload: workers-sdk#14641, #14593, fixed after 4.86), and a page that waits on one
// read sends nothing else: the learner would wait forever. The same holds for an answer whose
// body stalls after its headers. A GET changes nothing, so asking again is safe; the second ask
// waits as long as it takes. Requests that change something are never sent twice. This is the one
// timeout of the page's reads: callers keep no timer of their own.

/** how long a GET may go without its whole answer (headers and body) before it is asked again */
const GET_REASK_MS = 8000

/**
 * fetch(path, init) for a GET, asked again once if its whole answer did not come within
 * `reaskMs`; the answer returned has its body read already. Aborting `signal` (the caller's)
 * aborts whichever ask is out, and the abort is thrown as fetch throws it.
 */
export async function fetchGet(
  path: string,
  init: RequestInit,
  signal?: AbortSignal,
  reaskMs = GET_REASK_MS,
): Promise<Response> {
  for (let ask = 0; ; ask++) {
    const last = ask > 0
    const mine = new AbortController()
    const follow = () => mine.abort(signal?.reason)
    if (signal?.aborted) follow()
    signal?.addEventListener('abort', follow, { once: true })
    let timedOut = false
    const timer = last
      ? undefined
      : setTimeout(() => {
          timedOut = true
          mine.abort()
        }, reaskMs)
    try {
      const res = await fetch(path, { ...init, signal: mine.signal })
      // the body too within the time: a copy read to its end leaves the answer's own ready
      await res.clone().arrayBuffer()
      return res
    } catch (err) {
      if (!timedOut || signal?.aborted) throw err
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', follow)
    }
  }
}
