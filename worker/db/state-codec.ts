// How a cluster document is stored: gzip-compressed JSON in base64url, behind a `gz:` prefix. The
// seed's whole scenario is ~100 KB of JSON (a faithful cluster: events, pod defaults,
// last-applied annotations) and ~14 KB stored, so each command moves a seventh of the bytes.
// Rows written before compression (plain JSON) still load. Each runtime brings its own gzip
// (WebCrypto-style CompressionStream on Workers, zlib on Node); the stored bytes are the same.
import type { ClusterState } from '../sim/state'
import { fromBase64Url, toBase64Url } from '../auth/crypto'

const PREFIX = 'gz:'

export interface Gzip {
  gzip(bytes: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
  gunzip(bytes: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** gzip through the web's CompressionStream (native in workerd). */
export const webGzip: Gzip = {
  gzip: (bytes) => pipe(bytes, new CompressionStream('gzip')),
  gunzip: (bytes) => pipe(bytes, new DecompressionStream('gzip')),
}

export interface StateCodec {
  encode(state: ClusterState): Promise<string>
  decode(text: string): Promise<ClusterState>
}

export function stateCodec(z: Gzip = webGzip): StateCodec {
  return {
    async encode(state) {
      const json = new TextEncoder().encode(JSON.stringify(state))
      return PREFIX + toBase64Url(await z.gzip(json))
    },
    async decode(text) {
      if (!text.startsWith(PREFIX)) return JSON.parse(text) as ClusterState
      const bytes = await z.gunzip(fromBase64Url(text.slice(PREFIX.length)))
      return JSON.parse(new TextDecoder().decode(bytes)) as ClusterState
    },
  }
}

const web = stateCodec()
export const encodeState = web.encode
export const decodeState = web.decode
