// The patch strategy and merge key of each list the simulated kinds have: the `patchStrategy` and
// `patchMergeKey` struct tags of k8s.io/api (core/v1 and apps/v1, 1.32) that the apiserver's
// strategic merge patch looks up. A field is named by its path of field names (list items share
// their list's path); anything not listed here is replaced whole, as an untagged field is.

export interface PatchMeta {
  /** `merge`: the list is merged item by item (by `key` for objects, by value for scalars) */
  strategy?: 'merge'
  key?: string
  /**
   * `retainKeys`: kubectl's patch lists the map's fields in `$retainKeys`, so the server drops the
   * others (a union such as DeploymentStrategy or a volume's source); only the client reads it
   */
  retainKeys?: true
}

const merge = (key?: string): PatchMeta => ({ strategy: 'merge', ...(key ? { key } : {}) })
const RETAIN_KEYS = { retainKeys: true } as const

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers'])

/** ObjectMeta (also a pod template's). */
const METADATA: Record<string, PatchMeta> = {
  finalizers: merge(),
  ownerReferences: merge('uid'),
}

/** Container, EphemeralContainer. */
const CONTAINER: Record<string, PatchMeta> = {
  ports: merge('containerPort'),
  env: merge('name'),
  volumeMounts: merge('mountPath'),
  volumeDevices: merge('devicePath'),
}

/** PodSpec (a Pod's or a template's), NodeSpec, DeploymentSpec. */
const SPEC: Record<string, PatchMeta> = {
  containers: merge('name'),
  initContainers: merge('name'),
  ephemeralContainers: merge('name'),
  volumes: { ...merge('name'), ...RETAIN_KEYS },
  imagePullSecrets: merge('name'),
  hostAliases: merge('ip'),
  topologySpreadConstraints: merge('topologyKey'),
  resourceClaims: { ...merge('name'), ...RETAIN_KEYS },
  schedulingGates: merge('name'),
  podCIDRs: merge(),
  strategy: RETAIN_KEYS,
}

/** PodStatus, NodeStatus, and the conditions of every status. */
const STATUS: Record<string, PatchMeta> = {
  conditions: merge('type'),
  podIPs: merge('ip'),
  hostIPs: merge('ip'),
  addresses: merge('type'),
}

/** The strategy of the field at `path` (field names from the object's root). */
export function patchMetaOf(path: readonly string[]): PatchMeta {
  const field = path[path.length - 1] ?? ''
  const parent = path[path.length - 2]
  const own = (table: Record<string, PatchMeta>) =>
    Object.hasOwn(table, field) ? (table[field] as PatchMeta) : {}
  if (parent === 'metadata') return own(METADATA)
  if (parent !== undefined && CONTAINER_LISTS.has(parent)) return own(CONTAINER)
  // ServiceSpec.ports: the only `spec.ports` at the root among the simulated kinds
  if (parent === 'spec' && field === 'ports' && path.length === 2) return merge('port')
  if (parent === 'spec') return own(SPEC)
  if (parent === 'status') return own(STATUS)
  return {}
}
