// The API resources the simulated API server serves (what `kubectl api-resources` lists for them).

export type Kind =
  | 'Namespace'
  | 'Node'
  | 'Pod'
  | 'Deployment'
  | 'ReplicaSet'
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'Event'
  | 'Ingress'
  | 'IngressClass'
  | 'Secret'
  | 'ConfigMap'

export interface ResourceInfo {
  kind: Kind
  /** lower-case plural, the REST resource name: `services` */
  plural: string
  singular: string
  shortNames: string[]
  /** API group, '' for core */
  group: string
  version: string
  namespaced: boolean
}

export const RESOURCES: Record<Kind, ResourceInfo> = {
  Namespace: {
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  Node: {
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
  },
  Pod: {
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  Service: {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  ConfigMap: {
    kind: 'ConfigMap',
    plural: 'configmaps',
    singular: 'configmap',
    shortNames: ['cm'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  Secret: {
    kind: 'Secret',
    plural: 'secrets',
    singular: 'secret',
    shortNames: [],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  Endpoints: {
    kind: 'Endpoints',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  Event: {
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
  },
  Deployment: {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  ReplicaSet: {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
  },
  EndpointSlice: {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  Ingress: {
    kind: 'Ingress',
    plural: 'ingresses',
    singular: 'ingress',
    shortNames: ['ing'],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  IngressClass: {
    kind: 'IngressClass',
    plural: 'ingressclasses',
    singular: 'ingressclass',
    shortNames: [],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: false,
  },
}

export const KINDS = Object.keys(RESOURCES) as Kind[]

export function isKind(kind: string): kind is Kind {
  return Object.prototype.hasOwnProperty.call(RESOURCES, kind)
}

/** `apps/v1`, `v1`, `discovery.k8s.io/v1` */
export function apiVersionOf(kind: Kind): string {
  const r = RESOURCES[kind]
  return r.group ? `${r.group}/${r.version}` : r.version
}

/** The `resource[.group]` form used in API error messages: `services`, `deployments.apps`. */
export function qualifiedResource(kind: Kind): string {
  const r = RESOURCES[kind]
  return r.group ? `${r.plural}.${r.group}` : r.plural
}

/**
 * Resolves what a user typed as a resource type (`svc`, `services`, `Service`, `deployments.apps`,
 * `deploy`) to a kind, the way kubectl's RESTMapper does for the resources we serve.
 */
export function resolveResource(typed: string): Kind | undefined {
  return typedNames().get(typed.toLowerCase())
}

let TYPED: Map<string, Kind> | undefined

/** Every name a resource answers to -> its kind (the first resource listing a name wins). */
function typedNames(): Map<string, Kind> {
  if (TYPED) return TYPED
  TYPED = new Map()
  for (const r of Object.values(RESOURCES)) {
    const names = [r.plural, r.singular, r.kind.toLowerCase(), ...r.shortNames]
    if (r.group)
      // kubectl's ParseResourceArg (`name.version.group`, `name.group`) and its shortcut expander,
      // which also expands a short name given with its group (`ing.networking.k8s.io`)
      for (const n of [r.plural, r.singular, r.kind.toLowerCase(), ...r.shortNames])
        names.push(`${n}.${r.group}`, `${n}.${r.version}.${r.group}`)
    for (const n of names) if (!TYPED.has(n)) TYPED.set(n, r.kind)
  }
  return TYPED
}
