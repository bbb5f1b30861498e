// GET of one object and LIST of a collection (apiserver handlers/get.go): label and field
// selectors, `limit`/`continue` paging (sorted by namespace and name, as etcd keys are), and
// server-side Tables when the client asks for them (table.ts).

import type { Context } from 'hono'
import { RESOURCES, apiVersionOf, type Kind } from '../sim/objects/resources'
import type { KubeObject } from '../sim/objects/types'
import { notFound } from '../sim/objects/api-errors'
import { getObject, listObjects, type ClusterState } from '../sim/state'
import type { KubeEnv } from './auth'
import { readCluster } from './cluster-io'
import { matchesSelectors, queryFlag, readSelectors } from './list-options'
import type { ResourcePath } from './path'
import { badRequest, fromApiError } from './status'
import { toTable, wantsTable } from './table'

/** The object at a resource path, or its NotFound Status. */
export function objectAt(state: ClusterState, kind: Kind, rp: ResourcePath): KubeObject {
  const name = rp.name ?? ''
  const obj = getObject(state, kind, RESOURCES[kind].namespaced ? rp.namespace : undefined, name)
  if (!obj) throw fromApiError(notFound(kind, name), RESOURCES[kind])
  return obj
}

/** The objects a LIST selects (`labelSelector`, `fieldSelector`), sorted by namespace and name. */
export function selectObjects(
  state: ClusterState,
  kind: Kind,
  namespace: string | undefined,
  q: URLSearchParams,
) {
  const selectors = readSelectors(kind, q)
  if ('error' in selectors) throw badRequest(selectors.error)
  return listObjects(state, kind, namespace).filter((o) => matchesSelectors(o, selectors))
}

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`
}

/** `limit` + `continue`: the continue token is the last key served, base64url. */
function page(
  objs: KubeObject[],
  q: URLSearchParams,
): { items: KubeObject[]; next?: string; remaining?: number } {
  let items = objs
  const cont = q.get('continue')
  if (cont) {
    let after: string
    try {
      after = atob(cont.replace(/-/g, '+').replace(/_/g, '/'))
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data')
    }
    items = items.filter((o) => keyOf(o) > after)
  }
  const limit = Number(q.get('limit') ?? '0')
  if (!Number.isInteger(limit) || limit <= 0 || items.length <= limit) return { items }
  const served = items.slice(0, limit)
  const last = keyOf(served[served.length - 1]!)
  const next = btoa(last).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return { items: served, next, remaining: items.length - limit }
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

/** The answer for objects read or written: the object, or its one-row Table. */
export function objectResponse(
  c: Context<KubeEnv>,
  kind: Kind,
  obj: KubeObject,
  now: number,
  rv: string,
  status = 200,
) {
  if (wantsTable(c.req.header('accept')))
    return json(
      toTable(kind, [obj], {
        now,
        resourceVersion: rv,
        includeObject: c.req.query('includeObject'),
      }),
      status,
    )
  return json(obj, status)
}

export async function getOne(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  const { state, now } = await readCluster(c, { keep: true })
  return objectResponse(c, kind, objectAt(state, kind, rp), now, String(state.rv))
}

export async function list(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  const q = new URL(c.req.url).searchParams
  if (queryFlag(q.get('watch'))) throw badRequest('watch is not available on this server')
  const { state, now } = await readCluster(c, { keep: true })
  const selected = selectObjects(state, kind, rp.namespace, q)
  const { items, next, remaining } = page(selected, q)
  const rv = String(state.rv)
  if (wantsTable(c.req.header('accept'))) {
    const table = toTable(kind, items, {
      now,
      resourceVersion: rv,
      includeObject: q.get('includeObject'),
    })
    return json({
      ...table,
      metadata: {
        ...table.metadata,
        ...(next ? { continue: next, remainingItemCount: remaining } : {}),
      },
    })
  }
  return json({
    kind: `${kind}List`,
    apiVersion: apiVersionOf(kind),
    metadata: {
      resourceVersion: rv,
      ...(next ? { continue: next, remainingItemCount: remaining } : {}),
    },
    items,
  })
}
