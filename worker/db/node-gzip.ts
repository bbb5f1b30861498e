// The Node entry's gzip for stored documents (state-codec.ts Gzip): zlib's, not Node's web
// streams, which are several times slower and whose every await lets each other request in line
// go first. Compression runs on libuv's thread pool (a new base, ~100 KB of JSON, takes ~0.5 ms,
// every few dozen commands), so the main thread serves other requests meanwhile; the bytes are
// gzipSync's. Level 1: a third of level 6's time for a few percent more bytes (any level reads
// back). A read's gunzip stays synchronous: it is rare (this isolate's copy is read first), and the
// command waits for it anyway.
import { promisify } from 'node:util'
import { gunzipSync, gzip } from 'node:zlib'
import type { Gzip } from './state-codec'

const gzipLevel1 = promisify(gzip)

export const nodeGzip: Gzip = {
  gzip: (bytes) => gzipLevel1(bytes, { level: 1 }),
  gunzip: (bytes) => gunzipSync(bytes),
}
