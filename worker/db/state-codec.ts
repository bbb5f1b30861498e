// How a cluster document is stored: gzip-compressed JSON in base64, behind a `gz:` prefix. The
// seed's whole scenario is ~100 KB of JSON (a faithful cluster: events, pod defaults,
// last-applied annotations) and ~14 KB stored, so each command moves a seventh of the bytes.
// Rows written before compression (plain JSON) still load.
import type { ClusterState } from '../sim/state'
import { fromBase64Url, toBase64Url } from '../auth/crypto'

const PREFIX = 'gz:'

async function pipe(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([bytes]).stream().pipeThrough(transform)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

export async function encodeState(state: ClusterState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state))
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('gzip')))
}

export async function decodeState(text: string): Promise<ClusterState> {
  if (!text.startsWith(PREFIX)) return JSON.parse(text) as ClusterState
  const bytes = await pipe(fromBase64Url(text.slice(PREFIX.length)), new DecompressionStream('gzip'))
  return JSON.parse(new TextDecoder().decode(bytes)) as ClusterState
}
