// What `kubectl get` was asked for, resolved as cli-runtime's resource Builder does
// (ResourceTypeOrNameArgs): `svc`, `pods,svc`, `all`, `pods web db`, `svc/web deploy/x`.

import { resolveResource, type Kind } from '../../objects/resources'

export interface GetTarget {
  kind: Kind
  /** undefined: list the kind */
  name?: string
}

/** The `all` category as a kind-like cluster serves it (pods, services, deployments, replicasets). */
const ALL: Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet']

/** Resolves positional args to targets in kubectl's order, or the error kubectl prints. */
export function resolveTargets(args: string[]): { targets: GetTarget[] } | { error: string } {
  const slashes = args.filter((a) => a.includes('/')).length
  if (slashes > 0 && slashes !== args.length) {
    return {
      error:
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    }
  }
  if (slashes > 0) return typeNamePairs(args)
  const [types = '', ...names] = args
  const kinds = resolveTypes(types)
  if ('error' in kinds) return kinds
  if (names.length === 0) return { targets: kinds.kinds.map((kind) => ({ kind })) }
  const targets: GetTarget[] = []
  for (const kind of kinds.kinds) for (const name of names) targets.push({ kind, name })
  return { targets }
}

function typeNamePairs(args: string[]): { targets: GetTarget[] } | { error: string } {
  const targets: GetTarget[] = []
  for (const arg of args) {
    const seg = arg.split('/')
    if (seg.length !== 2)
      return { error: 'arguments in resource/name form may not have more than one slash' }
    const [type = '', name = ''] = seg
    if (!type || !name || type.split(',').filter((t) => t).length !== 1) {
      return { error: 'arguments in resource/name form must have a single resource and name' }
    }
    const kinds = resolveTypes(type)
    if ('error' in kinds) return kinds
    for (const kind of kinds.kinds) targets.push({ kind, name })
  }
  return { targets }
}

/** `pods,svc` -> kinds; `all` expands; an unknown name is the RESTMapper's error. */
export function resolveTypes(types: string): { kinds: Kind[] } | { error: string } {
  const kinds: Kind[] = []
  for (const t of types.split(',').filter((x) => x !== '')) {
    if (t.toLowerCase() === 'all') {
      kinds.push(...ALL)
      continue
    }
    const kind = resolveResource(t)
    if (!kind) return { error: `the server doesn't have a resource type "${t}"` }
    kinds.push(kind)
  }
  return { kinds }
}
