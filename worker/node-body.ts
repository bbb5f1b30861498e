// Request bodies on the Node entry, read from Node's own request stream. @hono/node-server hands
// the app a Request whose body is a web ReadableStream pulling from `Readable.toWeb(incoming)`:
// two web streams and a full undici Request for a 100-byte JSON line, ~0.1-0.15 ms of CPU on
// every POST (a third of an authenticated read). The app reads `incoming` directly instead, with
// the same limit: past `max` bytes it stops listening and answers "too large"; @hono/node-server
// drains or closes what is left once the answer is sent (its autoCleanupIncoming). A client gone
// before or while its body is read ends the read with what arrived, as the web stream did (the
// JSON is then incomplete: a 400 nobody reads), so no request waits forever for events that will
// never come.
import type { IncomingMessage } from 'node:http'
import type { Context } from 'hono'

/**
 * The body's bytes, or `tooLarge()` thrown once more than `max` bytes arrived; undefined when the
 * request did not come through @hono/node-server, something already read its stream (the web
 * Request's body then owns it) or it is already closed (the web reader ends at once then).
 */
export function readNodeBody(
  c: Context,
  max: number,
  tooLarge: () => Error,
): Promise<Uint8Array> | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (!incoming || incoming.readableDidRead || incoming.readableEnded || incoming.destroyed)
    return undefined
  return readIncoming(incoming, max, tooLarge)
}

function readIncoming(incoming: IncomingMessage, max: number, tooLarge: () => Error) {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
      incoming.off('close', onEnd)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > max) {
        stop()
        incoming.pause()
        reject(tooLarge())
      } else chunks.push(chunk)
    }
    const onEnd = () => {
      stop()
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    }
    const onError = (err: Error) => {
      stop()
      reject(err)
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
    // closed before its end: the client left (what arrived is all there is)
    incoming.on('close', onEnd)
  })
}
