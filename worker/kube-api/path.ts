// Kubernetes REST paths (apiserver endpoints/installer.go): `/api/v1/...` for the core group,
// `/apis/<group>/<version>/...` for the others; then `[namespaces/<ns>/]<resource>[/<name>[/<sub>]]`.
// A path of another shape is the apiserver's plain 404.

import { RESOURCES, type Kind, type ResourceInfo } from '../sim/objects/resources'
import { noRoute } from './status'

export interface ResourcePath {
  group: string
  version: string
  /** the served resource, undefined for a resource this API does not have (still a valid path) */
  info: ResourceInfo | undefined
  resource: string
  /** set for namespaced requests (`/namespaces/<ns>/...`) */
  namespace?: string
  name?: string
  subresource?: string
}

const SEGMENT = /^[A-Za-z0-9._:~-]{1,253}$/

/** Splits a path into decoded segments; any odd segment makes the whole path a 404. */
export function segments(path: string): string[] {
  const parts = path.split('/').filter((p) => p !== '')
  return parts.map((p) => {
    let d: string
    try {
      d = decodeURIComponent(p)
    } catch {
      throw noRoute()
    }
    if (!SEGMENT.test(d)) throw noRoute()
    return d
  })
}

/** The served resource `plural` in `group`. */
export function findResource(group: string, plural: string): ResourceInfo | undefined {
  return Object.values(RESOURCES).find((r) => r.group === group && r.plural === plural)
}

/** Parses the part after the group/version; undefined when it is not a resource path. */
export function parseResourcePath(
  group: string,
  version: string,
  rest: string[],
): ResourcePath | undefined {
  let ns: string | undefined
  let tail = rest
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !['status', 'finalize'].includes(rest[2] ?? '')
  ) {
    ns = rest[1]
    tail = rest.slice(2)
  }
  const [resource, name, subresource, ...extra] = tail
  if (!resource || extra.length) return undefined
  const info = findResource(group, resource)
  return { group, version, info, resource, namespace: ns, name, subresource }
}

/** `/api/v1/...` or `/apis/<g>/<v>/...` -> the resource path, or undefined for other paths. */
export function resourcePathOf(segs: string[]): ResourcePath | undefined {
  if (segs[0] === 'api' && segs[1] === 'v1' && segs.length > 2)
    return parseResourcePath('', 'v1', segs.slice(2))
  if (segs[0] === 'apis' && segs.length > 3)
    return parseResourcePath(segs[1] ?? '', segs[2] ?? '', segs.slice(3))
  return undefined
}

/** The kind a resource path names, if it is one the simulation has. */
export function kindOf(p: ResourcePath): Kind | undefined {
  return p.info && p.info.version === p.version ? p.info.kind : undefined
}
