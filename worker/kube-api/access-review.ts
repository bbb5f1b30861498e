// Who the kubeconfig's token is and what it may do: SelfSubjectAccessReview (`kubectl auth can-i`,
// k9s), SelfSubjectRulesReview (`auth can-i --list`) and SelfSubjectReview (`auth whoami`). The
// learner may do anything the lab's API allows (everything in namespaces, creating and deleting
// namespaces), read but not change nodes, create the self reviews, and read the discovery and
// health URLs (system:discovery, system:public-info-viewer); nothing on kinds this simulated
// cluster does not have.

import type { Context } from 'hono'
import type { KubeEnv } from './auth'
import { readObjectBody } from './body'
import { findResource } from './path'
import { RESOURCES } from '../sim/objects/resources'
import {
  authenticatedRules,
  isPublicUrl,
  REVIEW_RESOURCES,
  type PolicyRule,
} from '../sim/objects/reviews'
import type { UserInfo } from '../sim/kubectl/auth-print'

/** the user resource-write.ts names in its Forbidden answers, authenticated by a token */
export const LEARNER: UserInfo = { username: 'learner', groups: ['system:authenticated'] }

const WRITES = ['create', 'update', 'patch', 'delete', 'deletecollection', '*']
const NODE_READS = ['get', 'list', 'watch']

interface Attributes {
  verb?: string
  group?: string
  resource?: string
  subresource?: string
}

interface NonResourceAttributes {
  verb?: string
  path?: string
}

export function decide(
  ra: Attributes | undefined,
  nra?: NonResourceAttributes,
): { allowed: boolean; reason?: string } {
  if (!ra) {
    if (!nra) return { allowed: true }
    return { allowed: nra.verb === 'get' && isPublicUrl(nra.path ?? '') }
  }
  const resource = ra.resource ?? ''
  if (resource === '*') return { allowed: false, reason: 'Service Lab grants access per resource' }
  if (REVIEW_RESOURCES.some((r) => r.group === (ra.group ?? '') && r.plural === resource))
    return { allowed: ra.verb === 'create' }
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

/** The rules decide() follows, as a SelfSubjectRulesReview lists them (the same in every namespace). */
export function learnerRules(): { resourceRules: PolicyRule[]; nonResourceRules: PolicyRule[] } {
  const groups = [...new Set(Object.values(RESOURCES).map((r) => r.group))]
  const resourceRules: PolicyRule[] = groups.map((g) => ({
    verbs: ['*'],
    apiGroups: [g],
    resources: Object.values(RESOURCES)
      .filter((r) => r.group === g && r.kind !== 'Node')
      .flatMap((r) => [r.plural, `${r.plural}/*`]),
  }))
  resourceRules.push({ verbs: NODE_READS, apiGroups: [''], resources: ['nodes', 'nodes/*'] })
  const everyone = authenticatedRules()
  resourceRules.push(...everyone.resourceRules)
  const nonResourceRules = everyone.nonResourceRules
  return { resourceRules, nonResourceRules }
}

function created(
  c: Context<KubeEnv>,
  body: { kind: string; apiVersion: string; [k: string]: unknown },
) {
  const { kind, apiVersion, ...rest } = body
  return c.json({ kind, apiVersion, metadata: { creationTimestamp: null }, ...rest }, 201)
}

export async function selfSubjectAccessReview(c: Context<KubeEnv>): Promise<Response> {
  const body = (await readObjectBody(c)) as {
    spec?: { resourceAttributes?: Attributes; nonResourceAttributes?: NonResourceAttributes }
  }
  const spec = body?.spec ?? {}
  const status = decide(spec.resourceAttributes, spec.nonResourceAttributes)
  return created(c, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    spec,
    status,
  })
}

export async function selfSubjectRulesReview(c: Context<KubeEnv>): Promise<Response> {
  const body = (await readObjectBody(c)) as { spec?: { namespace?: string } }
  return created(c, {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    spec: body?.spec ?? {},
    status: { ...learnerRules(), incomplete: false },
  })
}

export async function selfSubjectReview(c: Context<KubeEnv>): Promise<Response> {
  await readObjectBody(c)
  return created(c, {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    status: { userInfo: LEARNER },
  })
}
