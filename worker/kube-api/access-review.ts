// SelfSubjectAccessReview (`kubectl auth can-i`, k9s): the learner may do anything the lab's API
// allows (everything in namespaces, creating and deleting namespaces), but not change nodes, and
// nothing on kinds this simulated cluster does not have.

import type { Context } from 'hono'
import type { KubeEnv } from './auth'
import { readObjectBody } from './body'
import { findResource } from './path'

const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection', '*']

interface Attributes {
  verb?: string
  group?: string
  resource?: string
  subresource?: string
}

export function decide(ra: Attributes | undefined): { allowed: boolean; reason?: string } {
  if (!ra) return { allowed: true }
  const resource = ra.resource ?? ''
  if (resource === '*') return { allowed: false, reason: 'Service Lab grants access per resource' }
  const served = findResource(ra.group ?? '', resource)
  if (!served)
    return {
      allowed: false,
      reason: `this simulated cluster has no ${resource || 'such resource'}`,
    }
  if (served.kind === 'Node' && WRITES.includes(ra.verb ?? ''))
    return { allowed: false, reason: 'nodes belong to the lab' }
  return { allowed: true }
}

export async function selfSubjectAccessReview(c: Context<KubeEnv>): Promise<Response> {
  const body = (await readObjectBody(c)) as {
    spec?: { resourceAttributes?: Attributes; nonResourceAttributes?: unknown }
  }
  const spec = body?.spec ?? {}
  const status = decide(spec.resourceAttributes)
  return c.json(
    {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec,
      status,
    },
    201,
  )
}
