import type { Context } from 'hono'
import type { Database } from '../db/client'
import type { DbMetrics } from '../db/metrics'
import type { StateCodec } from '../db/state-codec'

/** What the runtime entry (Worker or Node) gives the app. */
export interface Deps {
  /** a database handle for one request, recording its cost into `metrics` */
  openDb(metrics: DbMetrics): Database
  /** the code that makes a signup an instructor; undefined: nobody becomes instructor that way */
  instructorCode?: string
  /** serves the built web front end (Workers assets, or files on disk for Node) */
  serveAsset?(req: Request): Promise<Response>
  /** the client's address, for rate limiting */
  clientAddress(c: Context): string
  /**
   * the scheme and host the browser used (the same-origin check, the session cookie's Secure flag,
   * a kubeconfig's server URL); default: the request's URL. The Node entry behind a proxy it
   * trusts takes them from X-Forwarded-Proto and X-Forwarded-Host (worker/node-proxy.ts)
   */
  publicOrigin?(c: Context): URL
  /** wall clock in ms; tests may pin it */
  now(): number
  /** how cluster documents are stored (the runtime's gzip); default: CompressionStream */
  stateCodec?: StateCodec
  /**
   * reads a request's body from the runtime's own stream, at most `max` bytes (`tooLarge()`
   * rejects past it); undefined: read the web Request's body (the Node entry: worker/node-body.ts)
   */
  readBody?(c: Context, max: number, tooLarge: () => Error): Promise<Uint8Array> | undefined
  /** signups allowed per client address per hour */
  signupsPerHour?: number
}

export interface AppEnv {
  Variables: {
    deps: Deps
    db: Database
    metrics: DbMetrics
    codec: StateCodec
    userId?: string
    tokenHash?: string
  }
}

export type AppContext = Context<AppEnv>
