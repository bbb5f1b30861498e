// The review resources every authenticated user may create (the system:basic-user ClusterRole):
// `kubectl auth whoami` (SelfSubjectReview), `auth can-i` (SelfSubjectAccessReview) and
// `auth can-i --list` (SelfSubjectRulesReview). They are answers, never stored: only `create`.
// Discovery lists them (objects/discovery.ts), as `kubectl api-resources` does.

export interface ReviewResource {
  group: string
  plural: string
  singular: string
  kind: string
}

export const REVIEW_RESOURCES: ReviewResource[] = [
  {
    group: 'authentication.k8s.io',
    plural: 'selfsubjectreviews',
    singular: 'selfsubjectreview',
    kind: 'SelfSubjectReview',
  },
  {
    group: 'authorization.k8s.io',
    plural: 'selfsubjectaccessreviews',
    singular: 'selfsubjectaccessreview',
    kind: 'SelfSubjectAccessReview',
  },
  {
    group: 'authorization.k8s.io',
    plural: 'selfsubjectrulesreviews',
    singular: 'selfsubjectrulesreview',
    kind: 'SelfSubjectRulesReview',
  },
]

/** The one verb a review resource serves. */
export const REVIEW_VERBS = ['create']

/** `selfsubjectreviews`, `selfsubjectreview`, `selfsubjectreviews.authentication.k8s.io`... */
export function isReviewType(typed: string): boolean {
  const t = typed.toLowerCase()
  return REVIEW_RESOURCES.some((r) =>
    [r.plural, r.singular, r.kind.toLowerCase()].some((n) => t === n || t === `${n}.${r.group}`),
  )
}

/** authorization/v1 ResourceRule or NonResourceRule (rbacv1.PolicyRule's fields) */
export interface PolicyRule {
  verbs: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** system:discovery's URLs; system:public-info-viewer has the health and version ones again */
const DISCOVERY_URLS = [
  '/api',
  '/api/*',
  '/apis',
  '/apis/*',
  '/healthz',
  '/livez',
  '/openapi',
  '/openapi/*',
  '/readyz',
  '/version',
  '/version/',
]
const PUBLIC_INFO_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/']

/** `path` is one of system:discovery's URLs (which may be read, `get`, by anyone authenticated). */
export function isPublicUrl(path: string): boolean {
  return DISCOVERY_URLS.some((u) =>
    u.endsWith('*') ? path.startsWith(u.slice(0, -1)) : path === u,
  )
}

/**
 * What every authenticated user may do (the ClusterRoles system:basic-user, system:discovery and
 * system:public-info-viewer of a 1.32 apiserver, bound to system:authenticated).
 */
export function authenticatedRules(): {
  resourceRules: PolicyRule[]
  nonResourceRules: PolicyRule[]
} {
  return {
    resourceRules: REVIEW_RESOURCES.map((r) => ({
      verbs: REVIEW_VERBS,
      apiGroups: [r.group],
      resources: [r.plural],
    })),
    nonResourceRules: [
      { verbs: ['get'], nonResourceURLs: DISCOVERY_URLS },
      { verbs: ['get'], nonResourceURLs: PUBLIC_INFO_URLS },
    ],
  }
}
