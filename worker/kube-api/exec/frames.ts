// The remotecommand WebSocket protocol (k8s.io/apimachinery pkg/util/remotecommand, client-go
// tools/remotecommand websocket.go, v4.go, v5.go): every message is binary, its first byte the
// stream: 0 stdin, 1 stdout, 2 stderr, 3 error (one metav1.Status, then close 1000), 4 resize;
// v5 adds 255 = "the client closed this stream" (kubectl sends [255, 0] when its stdin ends).

export const STDIN = 0
export const STDOUT = 1
export const STDERR = 2
export const ERROR = 3
export const RESIZE = 4
export const CLOSE = 255

export const V5 = 'v5.channel.k8s.io'
export const V4 = 'v4.channel.k8s.io'

/** The subprotocol to answer with: v5 when offered, else v4 (same framing, no close signal). */
export function chooseProtocol(offered: string | undefined): typeof V5 | typeof V4 | undefined {
  const list = (offered ?? '').split(',').map((p) => p.trim())
  if (list.includes(V5)) return V5
  if (list.includes(V4)) return V4
  return undefined
}

const enc = new TextEncoder()

export function frame(stream: number, payload: string | Uint8Array): Uint8Array {
  const bytes = typeof payload === 'string' ? enc.encode(payload) : payload
  const out = new Uint8Array(bytes.length + 1)
  out[0] = stream
  out.set(bytes, 1)
  return out
}

export const successStatus = () => ({ metadata: {}, status: 'Success' })

/** A command that exited non-zero: kubectl prints `command terminated with exit code N`, exits N. */
export function exitStatus(argv: string[], code: number) {
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  }
}

/** Any other failure: kubectl prints `error: <message>` and exits 1. */
export function failureStatus(message: string, reason = 'InternalError') {
  return { metadata: {}, status: 'Failure', message, reason }
}

export type ClientFrame =
  | { type: 'stdin'; data: Uint8Array }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'close'; stream: number }
  | { type: 'invalid'; message: string }

/** Reads one message from the client; anything a client may not send is `invalid` with why. */
export function readClientFrame(data: Uint8Array | string, protocol: string): ClientFrame {
  if (typeof data === 'string')
    return {
      type: 'invalid',
      message: 'text WebSocket messages are not part of the protocol: send binary messages',
    }
  if (data.length === 0)
    return {
      type: 'invalid',
      message: 'empty WebSocket message: the first byte must be the stream',
    }
  const stream = data[0] as number
  const body = data.subarray(1)
  if (stream === STDIN) return { type: 'stdin', data: body }
  if (stream === RESIZE) return readResize(body)
  if (stream === CLOSE && protocol === V5 && body.length === 1)
    return { type: 'close', stream: body[0] as number }
  return { type: 'invalid', message: `unknown stream ${stream} from the client (${protocol})` }
}

function readResize(body: Uint8Array): ClientFrame {
  try {
    const size = JSON.parse(new TextDecoder().decode(body)) as { Width?: unknown; Height?: unknown }
    const w = Number(size.Width)
    const h = Number(size.Height)
    if (Number.isInteger(w) && Number.isInteger(h) && w >= 0 && h >= 0 && w < 10_000 && h < 10_000)
      return { type: 'resize', columns: w, rows: h }
  } catch {
    // falls through to the error below
  }
  return { type: 'invalid', message: 'resize messages carry {"Width":N,"Height":N}' }
}
