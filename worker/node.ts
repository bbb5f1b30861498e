// Node entry: the same app over libSQL (a local file by default, or a libSQL server), the web
// front end from web/dist, migrations applied at start.
import { readFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { createApp } from './app'
import type { Deps } from './http/env'
import { attachWebSockets } from './kube-api/exec/node-upgrade'
import { libsqlDatabase } from './db/libsql'
import { setUpEveryConnection } from './db/libsql-connections'
import { BACKSTOP_PAGES, checkpointInBackground, localFile } from './db/wal-checkpointer'
import { readNodeBody } from './node-body'
import { REBASE_AT, stateCodec } from './db/state-codec'
import { nodeGzip } from './db/node-gzip'
import { forwardedClientAddress, forwardedOrigin, parseTrustProxy } from './node-proxy'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** Serves web/dist like Workers static assets with single-page-application fallback. */
export function staticFiles(root: string) {
  const base = resolve(root)
  return async (req: Request): Promise<Response> => {
    let path: string
    try {
      path = decodeURIComponent(new URL(req.url).pathname)
    } catch {
      // a broken %-escape (`/%E0%A4%A`): no file has that name; nginx answers the same
      return new Response('Bad Request', { status: 400 })
    }
    const file = normalize(join(base, path))
    if (file.startsWith(base) && extname(file)) {
      try {
        const body = await readFile(file)
        const type = TYPES[extname(file)] ?? 'application/octet-stream'
        const cache = path.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache'
        return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': cache } })
      } catch {
        return new Response('Not found', { status: 404 })
      }
    }
    const index = await readFile(join(base, 'index.html')).catch(() => undefined)
    if (!index)
      return new Response('The web front end is not built: run `npm run build:web`.', {
        status: 404,
      })
    return new Response(index, {
      headers: { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' },
    })
  }
}

export interface NodeAppOptions {
  url: string
  authToken?: string
  instructorCode?: string
  serveAsset?: (req: Request) => Promise<Response>
  clientAddress?: Deps['clientAddress']
  publicOrigin?: Deps['publicOrigin']
}

/** The app over libSQL as the Node entry runs it: the pragmas, the migrations, the zlib codec. */
export async function openNodeApp(opts: NodeAppOptions) {
  // WAL's usual setting: a commit waits for no fsync (the WAL is synced at checkpoints), so a
  // command no longer waits for the disk; a power cut may lose the last commits, never the file.
  // Both are settings of a connection: every connection of the client's pool gets them
  // (db/libsql-connections.ts)
  // A local file's WAL is checkpointed by a thread of its own (db/wal-checkpointer.ts); the
  // connections' own checkpoint stays as a backstop, at a higher mark
  const file = localFile(opts.url)
  setUpEveryConnection(
    'PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000' +
      (file ? `; PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}` : ''),
  )
  const client = createClient({ url: opts.url, authToken: opts.authToken })
  await client.execute('PRAGMA journal_mode = WAL').catch(() => undefined)
  await migrate(drizzle(client), { migrationsFolder: resolve('migrations') })
  if (file) checkpointInBackground(file)
  const app = createApp({
    openDb: (metrics) => libsqlDatabase(client, metrics),
    // zlib's gzip, off the main thread (db/node-gzip.ts); the delta padded so that a cluster
    // row keeps its size (db/delta-room.ts)
    stateCodec: stateCodec(nodeGzip, REBASE_AT, { keepRowSize: true }),
    instructorCode: opts.instructorCode,
    serveAsset: opts.serveAsset,
    clientAddress: opts.clientAddress ?? (() => '127.0.0.1'),
    publicOrigin: opts.publicOrigin,
    readBody: readNodeBody,
    now: () => Date.now(),
  })
  return { app, client }
}

/** The client's address as the socket says: the proxy's, when there is one. */
const socketPeer: Deps['clientAddress'] = (c) => getConnInfo(c).remote.address ?? 'unknown'

/**
 * The deps that say who and where the client is: the socket's peer (`peer`), or what the
 * `trustProxy` proxies in front forwarded (node-proxy.ts).
 */
export function clientDeps(
  trustProxy: number,
  peer: Deps['clientAddress'] = socketPeer,
): Pick<NodeAppOptions, 'clientAddress' | 'publicOrigin'> {
  if (trustProxy === 0) return { clientAddress: peer }
  return {
    clientAddress: (c) => forwardedClientAddress(c, trustProxy, peer(c)),
    publicOrigin: forwardedOrigin,
  }
}

export async function startNode(opts: {
  port: number
  url: string
  authToken?: string
  instructorCode?: string
  /** the address to listen on; default 127.0.0.1 (this machine only: a proxy in front) */
  hostname?: string
  /** proxies in front whose X-Forwarded-* headers are believed (node-proxy.ts); default 0 */
  trustProxy?: number
}) {
  const { app, client } = await openNodeApp({
    ...opts,
    serveAsset: staticFiles('web/dist'),
    ...clientDeps(opts.trustProxy ?? 0),
  })
  const server = serve({
    fetch: app.fetch,
    port: opts.port,
    hostname: opts.hostname ?? '127.0.0.1',
  })
  // kubectl exec/attach: WebSocket upgrades go to the same app (worker/kube-api/exec)
  attachWebSockets(server as Server, (req, env) => app.fetch(req, env))
  return { server, client }
}

/** The well-known code that makes instructors on a server only this machine can reach. */
export const LOCAL_INSTRUCTOR_CODE = 'local-instructor-code'

/**
 * The instructor code: INSTRUCTOR_CODE, else the README's well-known one, but only for a server
 * this machine alone reaches. One that others reach (another listen address, or a proxy in front)
 * has none by default, as a deployed Worker: anyone who read the README could become instructor.
 */
export function instructorCodeOf(
  configured: string | undefined,
  hostname: string,
  trustProxy: number,
): string | undefined {
  if (configured) return configured
  const local = trustProxy === 0 && ['127.0.0.1', 'localhost', '::1'].includes(hostname)
  return local ? LOCAL_INSTRUCTOR_CODE : undefined
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')
if (isMain) {
  const port = Number(process.env.PORT ?? 8787)
  const url = process.env.LIBSQL_URL ?? 'file:data/service-lab.db'
  let trustProxy: number
  try {
    trustProxy = parseTrustProxy(process.env.TRUST_PROXY)
  } catch (e) {
    console.error((e as Error).message)
    process.exit(2)
  }
  const hostname = process.env.HOST || '127.0.0.1'
  const instructorCode = instructorCodeOf(process.env.INSTRUCTOR_CODE, hostname, trustProxy)
  if (url.startsWith('file:'))
    await import('node:fs').then((fs) => fs.mkdirSync('data', { recursive: true }))
  await startNode({
    port,
    url,
    authToken: process.env.LIBSQL_AUTH_TOKEN,
    instructorCode,
    hostname,
    trustProxy,
  })
  const where = hostname === '127.0.0.1' ? `http://localhost:${port}` : `${hostname}:${port}`
  const behind =
    trustProxy > 0 ? `, behind ${trustProxy} trusted prox${trustProxy > 1 ? 'ies' : 'y'}` : ''
  console.log(`Service Lab (Node + libSQL, ${url}) on ${where}${behind}`)
  if (instructorCode === undefined)
    console.log(
      'INSTRUCTOR_CODE is not set: nobody can sign up as an instructor (set it to a secret of yours)',
    )
}
