// The one WebSocket surface an exec/attach session needs, the same over Workers' WebSocketPair
// and Node's `ws`: send binary, close, and the client's messages and close.

export interface ExecPeer {
  send(data: Uint8Array): void
  close(code: number, reason?: string): void
}

export interface ExecHandlers {
  onMessage(data: Uint8Array | string): void
  onClose(): void
}

/** Starts a session once the socket is open; answers its message handlers. */
export type StartSession = (peer: ExecPeer) => ExecHandlers

/** How a runtime accepts an upgrade: the Response the route answers with (a 101 on Workers). */
export type AcceptUpgrade = (protocol: string, start: StartSession) => Response
