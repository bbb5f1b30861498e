// Which verb a request on a resource path is (apiserver endpoints/installer.go): get, list,
// create, update, patch, delete, deletecollection, and the subresources served here (scale,
// status, the self reviews of access-review.ts, a node's Lease). Streams (watch, log, exec, attach) are
// stream-routes.ts's.

import type { Context } from 'hono'
import { RESOURCES, type Kind } from '../sim/objects/resources'
import type { KubeEnv } from './auth'
import { selfSubjectAccessReview, selfSubjectReview, selfSubjectRulesReview } from './access-review'
import { kindOf, type ResourcePath } from './path'
import { getOne, list } from './resource-read'
import { create, patch, update } from './resource-write'
import { remove } from './resource-delete'
import { deleteCollection } from './delete-collection'
import { scale } from './scale'
import { isNodeLease, serveNodeLease } from './lease'
import { badRequest, methodNotAllowed, noRoute } from './status'

function subresource(c: Context<KubeEnv>, kind: Kind, rp: ResourcePath): Promise<Response> {
  const sub = rp.subresource
  if (sub === 'scale' && (kind === 'Deployment' || kind === 'ReplicaSet')) return scale(c, kind, rp)
  if (sub === 'status') {
    if (c.req.method === 'GET') return getOne(c, kind, rp)
    // status is the simulated controllers' to write (kubelet, endpoints, load balancer)
    throw methodNotAllowed()
  }
  if (kind === 'Pod' && sub === 'portforward')
    throw badRequest(
      'port-forward is not available through Service Lab’s Kubernetes API: run `kubectl port-forward` in the lab terminal',
    )
  throw noRoute()
}

const REVIEWS: Record<string, (c: Context<KubeEnv>) => Promise<Response>> = {
  'selfsubjectaccessreviews.authorization.k8s.io': selfSubjectAccessReview,
  'selfsubjectrulesreviews.authorization.k8s.io': selfSubjectRulesReview,
  'selfsubjectreviews.authentication.k8s.io': selfSubjectReview,
}

/**
 * Lists `kubectl describe namespace` reads with the typed client (no discovery): a kind cluster has
 * none in a namespace, and kubectl then prints "No resource quota." and "No LimitRange resource."
 * (a 404 makes it leave those lines out). Not in discovery: `kubectl get quota` still says the
 * server does not have the type, as the lab terminal does.
 */
const NONE_IN_A_NAMESPACE: Record<string, string> = {
  resourcequotas: 'ResourceQuotaList',
  limitranges: 'LimitRangeList',
}

function isEmptyNamespaceList(c: Context<KubeEnv>, rp: ResourcePath): boolean {
  return (
    rp.group === '' &&
    rp.version === 'v1' &&
    rp.namespace !== undefined &&
    rp.name === undefined &&
    NONE_IN_A_NAMESPACE[rp.resource] !== undefined &&
    (c.req.method === 'GET' || c.req.method === 'HEAD')
  )
}

export async function serveResource(c: Context<KubeEnv>, rp: ResourcePath): Promise<Response> {
  if (isEmptyNamespaceList(c, rp))
    return c.json({
      kind: NONE_IN_A_NAMESPACE[rp.resource],
      apiVersion: 'v1',
      metadata: { resourceVersion: '0' },
      items: [],
    })
  const review = rp.version === 'v1' ? REVIEWS[`${rp.resource}.${rp.group}`] : undefined
  if (review) {
    if (c.req.method !== 'POST' || rp.name || rp.namespace) throw methodNotAllowed()
    return review(c)
  }
  if (isNodeLease(rp)) return serveNodeLease(c, rp)
  const kind = kindOf(rp)
  if (!kind) throw noRoute()
  const namespaced = RESOURCES[kind].namespaced
  if (!namespaced && rp.namespace !== undefined) throw noRoute()
  if (rp.subresource) return subresource(c, kind, rp)
  const m = c.req.method
  if (rp.name === undefined) {
    if (m === 'GET' || m === 'HEAD') return list(c, kind, rp)
    if (namespaced && rp.namespace === undefined) throw methodNotAllowed()
    if (m === 'POST') return create(c, kind, rp)
    if (m === 'DELETE') return deleteCollection(c, kind, rp)
    throw methodNotAllowed()
  }
  if (namespaced && rp.namespace === undefined) throw noRoute()
  if (m === 'GET' || m === 'HEAD') return getOne(c, kind, rp)
  if (m === 'PUT') return update(c, kind, rp)
  if (m === 'PATCH') return patch(c, kind, rp)
  if (m === 'DELETE') return remove(c, kind, rp)
  throw methodNotAllowed()
}
