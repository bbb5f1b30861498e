// How a cluster document is stored: its JSON, gzip-compressed, as a BLOB. The seed's whole
// scenario is ~100 KB of JSON (a faithful cluster: events, pod defaults, last-applied annotations)
// and ~14 KB stored. Rows written before the BLOB column (migration 0002) hold text, `gz:` +
// base64url of the same gzip or plain JSON; they still load, and the next change stores bytes.
// Each runtime brings its own gzip (CompressionStream on Workers, zlib on Node).
import type { ClusterState } from '../sim/state'
import { Buffer } from 'node:buffer'
import { fromBase64Url } from '../auth/crypto'
import { DocumentCache, type DocumentKey } from './document-cache'
import { checkingDocuments } from '../sim/document-changed'
import { serializeDocument } from '../sim/serialize'

const PREFIX = 'gz:'

/** What the `state` column holds: bytes, or text in rows older than the BLOB column. */
export type StoredState = Uint8Array | string

const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b

export interface Gzip {
  gzip(bytes: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
  gunzip(bytes: Uint8Array<ArrayBuffer>): Uint8Array | Promise<Uint8Array>
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** gzip through the web's CompressionStream (native in workerd). */
export const webGzip: Gzip = {
  gzip: (bytes) => pipe(bytes, new CompressionStream('gzip')),
  gunzip: (bytes) => pipe(bytes, new DecompressionStream('gzip')),
}

/** A loaded document and the JSON it was parsed from, to tell later whether a command changed it. */
export interface LoadedState {
  state: ClusterState
  json: string
}

export interface StateCodec {
  encode(state: ClusterState): Promise<Buffer>
  decode(stored: StoredState): Promise<ClusterState>
  /**
   * The stored document, parsed, with its JSON; given its key, from this isolate's copy when it
   * holds that version. The state is the caller's to change.
   */
  load(stored: StoredState, key?: DocumentKey): Promise<LoadedState>
  /** The JSON of `state`, and its stored form unless it is still `before` (nothing to write). */
  encodeChanged(state: ClusterState, before: string): Promise<{ json: string; stored?: Buffer }>
  /** Notes what is now stored at `key` (after a successful write); `state` is handed over. */
  remember(key: DocumentKey, json: string, state?: ClusterState): void
}

export function stateCodec(z: Gzip = webGzip): StateCodec {
  const cache = new DocumentCache()
  const store = async (json: string) => {
    const bytes = await z.gzip(new TextEncoder().encode(json))
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  const jsonOf = async (stored: StoredState): Promise<string> => {
    if (typeof stored !== 'string' && isGzip(stored)) {
      return new TextDecoder().decode(await z.gunzip(new Uint8Array(stored)))
    }
    const text = typeof stored === 'string' ? stored : new TextDecoder().decode(stored)
    if (!text.startsWith(PREFIX)) return text
    const bytes = await z.gunzip(fromBase64Url(text.slice(PREFIX.length)))
    return new TextDecoder().decode(bytes)
  }
  return {
    encode: (state) => store(serializeDocument(state, checkingDocuments())),
    decode: async (stored) => JSON.parse(await jsonOf(stored)) as ClusterState,
    async load(stored, key) {
      const hit = key && cache.take(key)
      if (hit?.state) return { state: hit.state, json: hit.json }
      if (hit) return { state: cache.parse(hit.json, key), json: hit.json }
      const json = await jsonOf(stored)
      if (key) cache.put(key, json)
      return { state: JSON.parse(json) as ClusterState, json }
    },
    async encodeChanged(state, before) {
      const json = serializeDocument(state, checkingDocuments())
      return json === before ? { json } : { json, stored: await store(json) }
    },
    remember: (key, json, state) => cache.put(key, json, state),
  }
}

const web = stateCodec()
export const encodeState = web.encode
export const decodeState = web.decode
