// Reads a request body up to a limit, stopping as soon as it is past it, whatever Content-Length
// claims: a huge body costs neither memory nor CPU. Shared by the JSON API and the Kubernetes API,
// which answer "too large" each in their own error shape.
import type { Context } from 'hono'
import type { AppEnv } from './env'

/** The JSON API's context or the Kubernetes API's (both apps set `deps`). */
export type BodyContext<E extends AppEnv = AppEnv> = Context<E>

/** The request's body through the runtime's reader if it has one (Deps.readBody), else the web one. */
export function readRequestBody<E extends AppEnv>(
  c: BodyContext<E>,
  max: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  return c.get('deps').readBody?.(c, max, tooLarge) ?? readBodyLimited(c.req.raw, max, tooLarge)
}

/** The body's bytes, or `tooLarge()` thrown once more than `max` bytes arrived. */
export async function readBodyLimited(
  req: Request,
  max: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array()
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}
