// The REST side of the Kubernetes API: one handler that reads the Kubernetes path and dispatches
// to version, discovery, OpenAPI and the resource verbs.

import type { Context } from 'hono'
import type { KubeEnv } from './auth'
import { segments } from './path'
import { noRoute } from './status'
import { VERSION_INFO } from './version'

export async function serveRest(c: Context<KubeEnv>): Promise<Response> {
  const segs = segments(c.var.kube.path)
  if (c.req.method === 'GET' && segs.length === 1 && segs[0] === 'version')
    return c.json(VERSION_INFO)
  throw noRoute()
}
