// Workers: the 101 is built here with a WebSocketPair, because kubectl needs the chosen
// subprotocol echoed in `Sec-WebSocket-Protocol` and Hono's upgradeWebSocket helper for Workers
// answers without it (kubectl then falls back to SPDY, which Workers cannot serve). Binary
// messages arrive as ArrayBuffer; workerd answers kubectl's pings itself.

import type { AcceptUpgrade } from './peer'

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
    server.addEventListener('message', (e) =>
      handlers.onMessage(typeof e.data === 'string' ? e.data : new Uint8Array(e.data)),
    )
    server.addEventListener('close', () => handlers.onClose())
    server.addEventListener('error', () => handlers.onClose())
    return new Response(null, {
      status: 101,
      webSocket: client,
      headers: { 'Sec-WebSocket-Protocol': protocol },
    })
  }
}
