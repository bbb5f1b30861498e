// API discovery (client-go discovery_client.go): the legacy documents (`/api` APIVersions,
// `/apis` APIGroupList, `/api/v1` and `/apis/<g>/<v>` APIResourceList) and, when the client asks
// for it, aggregated discovery v2 (`/api`, `/apis` APIGroupDiscoveryList) with the exact
// Content-Type kubectl needs (KUBE-API-FACTS §2.2). Every kind the simulation has, with the
// verbs, short names and categories of a 1.32 apiserver, and the self-review resources
// worker/kube-api/access-review.ts answers (create only), as the lab terminal's `kubectl api-resources` lists them.

import { RESOURCES, type ResourceInfo } from './resources'
import { REVIEW_RESOURCES, REVIEW_VERBS, type ReviewResource } from './reviews'

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
]
const STATUS_VERBS = ['get', 'patch', 'update']

interface Sub {
  name: string
  kind: string
  group?: string
  version?: string
  verbs: string[]
}

interface Served {
  group: string
  plural: string
  singular: string
  kind: string
  namespaced: boolean
  verbs: string[]
  shortNames: string[]
  categories: string[]
  subresources: Sub[]
}

const SUBRESOURCES: Record<string, Sub[]> = {
  pods: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', kind: 'Pod', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    { name: 'status', kind: 'Pod', verbs: STATUS_VERBS },
  ],
  deployments: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS },
    { name: 'status', kind: 'Deployment', verbs: STATUS_VERBS },
  ],
  replicasets: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: STATUS_VERBS },
    { name: 'status', kind: 'ReplicaSet', verbs: STATUS_VERBS },
  ],
  services: [{ name: 'status', kind: 'Service', verbs: STATUS_VERBS }],
  namespaces: [{ name: 'status', kind: 'Namespace', verbs: STATUS_VERBS }],
  nodes: [{ name: 'status', kind: 'Node', verbs: STATUS_VERBS }],
  ingresses: [{ name: 'status', kind: 'Ingress', verbs: STATUS_VERBS }],
}

const CATEGORY_ALL = ['pods', 'services', 'deployments', 'replicasets']

function served(r: ResourceInfo): Served {
  return {
    group: r.group,
    plural: r.plural,
    singular: r.singular,
    kind: r.kind,
    namespaced: r.namespaced,
    verbs: r.kind === 'Namespace' ? ALL_VERBS.filter((v) => v !== 'deletecollection') : ALL_VERBS,
    shortNames: r.shortNames,
    categories: CATEGORY_ALL.includes(r.plural) ? ['all'] : [],
    subresources: SUBRESOURCES[r.plural] ?? [],
  }
}

function review(r: ReviewResource): Served {
  return {
    ...r,
    namespaced: false,
    verbs: REVIEW_VERBS,
    shortNames: [],
    categories: [],
    subresources: [],
  }
}

const SERVED: Served[] = [...Object.values(RESOURCES).map(served), ...REVIEW_RESOURCES.map(review)]

/** Groups as a 1.32 apiserver orders them (core, apps, the review groups, then the others). */
export const GROUPS = [
  ...new Set(['', 'apps', ...REVIEW_RESOURCES.map((r) => r.group), ...SERVED.map((r) => r.group)]),
]

export function isServedGroupVersion(group: string, version: string): boolean {
  return GROUPS.includes(group) && version === 'v1'
}

export function apiVersions(host: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }],
  }
}

export function apiGroupList() {
  const groups = GROUPS.filter((g) => g).map((name) => {
    const v = { groupVersion: `${name}/v1`, version: 'v1' }
    return { name, versions: [v], preferredVersion: v }
  })
  return { kind: 'APIGroupList', apiVersion: 'v1', groups }
}

/** `/apis/<group>`: the APIGroup document of one served group. */
export function apiGroup(name: string) {
  const v = { groupVersion: `${name}/v1`, version: 'v1' }
  return { kind: 'APIGroup', apiVersion: 'v1', name, versions: [v], preferredVersion: v }
}

export function apiResourceList(group: string) {
  const resources = SERVED.filter((r) => r.group === group).flatMap((r) => [
    {
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length ? { categories: r.categories } : {}),
    },
    ...r.subresources.map((s) => ({
      name: `${r.plural}/${s.name}`,
      singularName: '',
      namespaced: r.namespaced,
      ...(s.group ? { group: s.group, version: s.version } : {}),
      kind: s.kind,
      verbs: s.verbs,
    })),
  ])
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/v1` : 'v1',
    resources,
  }
}

function discoveryResource(r: Served) {
  return {
    resource: r.plural,
    responseKind: { group: r.group, version: 'v1', kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
    ...(r.subresources.length
      ? {
          subresources: r.subresources.map((s) => ({
            subresource: s.name,
            responseKind: { group: s.group ?? r.group, version: s.version ?? 'v1', kind: s.kind },
            verbs: s.verbs,
          })),
        }
      : {}),
  }
}

/** The aggregated document of `/api` (core) or `/apis` (every other group). */
export function aggregatedDiscovery(core: boolean) {
  const groups = GROUPS.filter((g) => (core ? g === '' : g !== ''))
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: g ? { name: g, creationTimestamp: null } : { creationTimestamp: null },
      versions: [
        {
          version: 'v1',
          resources: SERVED.filter((r) => r.group === g).map(discoveryResource),
          freshness: 'Current',
        },
      ],
    })),
  }
}

export const AGGREGATED_TYPE =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

/** True when the Accept header asks for aggregated discovery v2 (kubectl 1.32 does). */
export function wantsAggregated(accept: string | undefined): boolean {
  return /as=APIGroupDiscoveryList/.test(accept ?? '') && /v=v2(?![\w])/.test(accept ?? '')
}
