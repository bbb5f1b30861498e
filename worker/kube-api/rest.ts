// The REST side of the Kubernetes API: one handler that reads the Kubernetes path (after the
// cluster prefix) and dispatches to version, health, discovery, OpenAPI and the resource verbs.
// Shapes it does not know are the apiserver's plain 404 Status.

import type { Context } from 'hono'
import type { KubeEnv } from './auth'
import {
  AGGREGATED_TYPE,
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  isServedGroupVersion,
  wantsAggregated,
} from '../sim/objects/discovery'
import { openapiDocument, openapiRoot, openapiV2 } from './openapi'
import { resourcePathOf, segments } from './path'
import { serveResource } from './resources'
import { methodNotAllowed, noRoute } from './status'
import { VERSION_TEXT } from './version'

function jsonText(
  text: string,
  type = 'application/json',
  extra: Record<string, string> = {},
): Response {
  return new Response(text, { headers: { 'Content-Type': type, ...extra } })
}

function discovery(c: Context<KubeEnv>, segs: string[]): Response | undefined {
  const aggregated = wantsAggregated(c.req.header('accept'))
  const [first, second, third] = segs
  if (segs.length === 1 && (first === 'api' || first === 'apis')) {
    if (aggregated)
      return jsonText(JSON.stringify(aggregatedDiscovery(first === 'api')), AGGREGATED_TYPE)
    return c.json(first === 'api' ? apiVersions(new URL(c.req.url).host) : apiGroupList())
  }
  if (segs.length === 2 && first === 'api' && second === 'v1') return c.json(apiResourceList(''))
  if (first !== 'apis' || !second || !isServedGroupVersion(second, third ?? 'v1')) return undefined
  if (segs.length === 2) return c.json(apiGroup(second))
  if (segs.length === 3) return c.json(apiResourceList(second))
  return undefined
}

function openapi(c: Context<KubeEnv>, segs: string[]): Response {
  if (segs[1] === 'v2' && segs.length === 2) return openapiV2()
  if (segs[1] !== 'v3') throw noRoute()
  if (segs.length === 2) return c.json(openapiRoot())
  const doc = openapiDocument(segs.slice(2).join('/'))
  if (!doc) throw noRoute()
  const etag = `"${doc.hash}"`
  if (c.req.header('if-none-match') === etag)
    return new Response(null, { status: 304, headers: { ETag: etag } })
  return jsonText(doc.text, 'application/json', {
    ETag: etag,
    'Cache-Control': 'public, max-age=3600',
  })
}

export async function serveRest(c: Context<KubeEnv>): Promise<Response> {
  const segs = segments(c.get('kube').path)
  const read = c.req.method === 'GET' || c.req.method === 'HEAD'
  if (read) {
    if (segs.length === 1 && segs[0] === 'version') return jsonText(VERSION_TEXT)
    if (segs.length === 1 && ['healthz', 'livez', 'readyz'].includes(segs[0] ?? ''))
      return new Response('ok', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
    if (segs[0] === 'openapi') return openapi(c, segs)
    const d = discovery(c, segs)
    if (d) return d
  }
  const rp = resourcePathOf(segs)
  if (!rp) {
    if (!read && segs.length <= 3) throw methodNotAllowed()
    throw noRoute()
  }
  return serveResource(c, rp)
}
