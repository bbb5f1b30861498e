// Workers: the 101 is built here with a WebSocketPair, because kubectl needs the chosen
// subprotocol echoed in `Sec-WebSocket-Protocol` and Hono's upgradeWebSocket helper for Workers
// answers without it (kubectl then falls back to SPDY, which Workers cannot serve). Binary
// messages arrive as ArrayBuffer (as Blob through wrangler dev's proxy); workerd answers
// kubectl's pings itself.

import type { AcceptUpgrade } from './peer'

/** A message's bytes: workerd gives an ArrayBuffer, wrangler dev's proxy a Blob. */
async function messageData(data: unknown): Promise<Uint8Array | string> {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (data instanceof Blob) return new Uint8Array(await data.arrayBuffer())
  return new Uint8Array(0)
}

export function workersAccept(): AcceptUpgrade | undefined {
  if (typeof WebSocketPair === 'undefined') return undefined
  return (protocol, start) => {
    const pair = new WebSocketPair()
    const client = pair[0]
    const server = pair[1]
    server.accept()
    const handlers = start({
      send: (data) => server.send(data),
      close: (code, reason) => server.close(code, reason),
    })
    // in order: a Blob (wrangler dev's proxy delivers binary messages so) is read asynchronously
    let queue = Promise.resolve()
    const inOrder = (step: () => void | Promise<void>) => {
      queue = queue.then(step).catch((e: unknown) => console.error('exec message failed', e))
    }
    server.addEventListener('message', (e) =>
      inOrder(async () => handlers.onMessage(await messageData(e.data))),
    )
    server.addEventListener('close', () => inOrder(() => handlers.onClose()))
    server.addEventListener('error', () => inOrder(() => handlers.onClose()))
    return new Response(null, {
      status: 101,
      webSocket: client,
      headers: { 'Sec-WebSocket-Protocol': protocol },
    })
  }
}
