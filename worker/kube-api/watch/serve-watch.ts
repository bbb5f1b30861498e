// `GET <list path>?watch=true`: the watch of one kind, as the apiserver streams it
// (handlers/watch.go): 200, `Content-Type` of the encoding, one JSON event per line, flushed per
// event; the runtime chunks the body (Workers and @hono/node-server both stream a ReadableStream).

import type { Context } from 'hono'
import type { KubeEnv } from '../auth'
import { kindOf, type ResourcePath } from '../path'
import { badRequest, noRoute } from '../status'
import { readWatchSpec } from './spec'
import { openWatch } from './stream'

export async function serveWatch(
  c: Context<KubeEnv>,
  p: ResourcePath,
  query: URLSearchParams,
): Promise<Response> {
  const kind = kindOf(p)
  if (!kind) throw noRoute()
  const read = readWatchSpec(kind, p.namespace, query, c.req.header('accept'))
  if (!read.ok) throw badRequest(read.message)
  const body = await openWatch(
    {
      db: c.get('db'),
      codec: c.get('codec'),
      clusterId: c.get('kube').clusterId,
      now: c.get('deps').now,
    },
    read.spec,
  )
  if (!body) throw noRoute()
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      // no compression: gzip holds events back until its window fills (wrangler dev compresses
      // any response to a gzip-accepting client unless it says identity: workers-sdk#6577)
      'Content-Encoding': 'identity',
      // nor buffering by nginx in front of the Node entry (README): it would hold the events too
      'X-Accel-Buffering': 'no',
    },
  })
}
