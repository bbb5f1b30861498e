// Node: upgrade requests never reach @hono/node-server's request handler, so the HTTP server's
// `upgrade` event hands them to the same Hono app with an `AcceptUpgrade` in its env. The route
// checks the token and the pod as for any request; when it accepts, `ws` (the WebSocket library
// @hono/node-ws itself wraps) completes the handshake with exactly the subprotocol chosen, and
// answers kubectl's pings. A route that refuses answers a Response, written to the socket as is.
// `ws` directly rather than @hono/node-ws: that helper picks the subprotocol for us and cannot
// answer the handshake with a Status body, which kubectl's SPDY fallback prints.

import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData } from 'ws'
import type { AcceptUpgrade, StartSession } from './peer'

export interface NodeUpgradeEnv {
  kubeUpgrade: AcceptUpgrade
}

type Fetch = (req: Request, env: NodeUpgradeEnv) => Response | Promise<Response>

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (typeof v === 'string') headers.set(k, v)
    else if (Array.isArray(v)) v.forEach((x) => headers.append(k, x))
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method,
    headers,
  })
}

async function writeResponse(socket: Duplex, res: Response): Promise<void> {
  const body = Buffer.from(await res.arrayBuffer())
  const lines = [`HTTP/1.1 ${res.status} ${res.statusText || 'Error'}`]
  res.headers.forEach((v, k) => {
    if (k !== 'content-length' && k !== 'connection') lines.push(`${k}: ${v}`)
  })
  lines.push(`Content-Length: ${body.length}`, 'Connection: close', '', '')
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n')), body]))
}

const asBuffer = (data: RawData): Buffer =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)

/** Serves WebSocket upgrades (exec/attach) of `fetch`'s app on `server`. */
export function attachWebSockets(server: Server, fetch: Fetch): void {
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    let accepted: { protocol: string; start: StartSession } | undefined
    const kubeUpgrade: AcceptUpgrade = (protocol, start) => {
      accepted = { protocol, start }
      return new Response(null, { status: 200 })
    }
    Promise.resolve(fetch(toRequest(req), { kubeUpgrade }))
      .then(async (res) => {
        if (!accepted) return writeResponse(socket, res)
        const { protocol, start } = accepted
        const wss = new WebSocketServer({ noServer: true, handleProtocols: () => protocol })
        wss.handleUpgrade(req, socket, head, (ws) => {
          const handlers = start({
            send: (data) => ws.send(data, { binary: true }),
            close: (code, reason) => ws.close(code, reason),
          })
          ws.on('message', (data, isBinary) =>
            handlers.onMessage(
              isBinary ? new Uint8Array(asBuffer(data)) : asBuffer(data).toString(),
            ),
          )
          ws.on('close', () => handlers.onClose())
          ws.on('error', () => handlers.onClose())
        })
      })
      .catch((e: unknown) => {
        console.error('websocket upgrade failed', e)
        socket.destroy()
      })
  })
}
