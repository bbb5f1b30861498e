// Headers a middleware adds once the handler has answered (app.ts: Server-Timing, Cache-Control).
// Hono's c.header() on a finished response copies it first (`new Response(res.body, res)`): on the
// Node entry that turns @hono/node-server's light Response, which writes its string body at once,
// into a full web Response whose body is then read back as a stream, on every API request.
// A response made in this app has mutable headers, so they are set in place.
import type { Context } from 'hono'

/** Sets `headers` on the handler's response: in place, or through c.header() (a copy) if immutable. */
export function setAfterHandler(c: Context, headers: Record<string, string>): void {
  const entries = Object.entries(headers)
  try {
    for (const [k, v] of entries) c.res.headers.set(k, v)
  } catch (e) {
    // a Response whose headers are immutable (e.g. a fetch() answer passed through)
    if (!(e instanceof TypeError)) throw e
    for (const [k, v] of entries) c.header(k, v)
  }
}
