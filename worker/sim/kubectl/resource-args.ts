// Resource arguments as cli-runtime's resource.Builder reads them (pkg/resource/builder.go
// ResourceTypeOrNameArgs, visitorResult): `TYPE NAME...`, `TYPE/NAME...`, `TYPE1,TYPE2 NAME`, bulk
// `TYPE` with -l/--all, the `all` category. Unknown types fail as the RESTMapper does.

import { resolveResource, type Kind } from '../objects/resources'

export const MISSING_RESOURCE_ERROR = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/** The `all` category (kubectl get all) restricted to the kinds the simulated cluster serves. */
export const ALL_CATEGORY: Kind[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet']

export interface ResourceRef {
  kind: Kind
  name: string
}

/** What the arguments select: named objects, or every object of some kinds (with a selector). */
export type ResourceSelection =
  { mode: 'names'; refs: ResourceRef[] } | { mode: 'bulk'; kinds: Kind[] }

export type SelectionResult = { ok: true; value: ResourceSelection } | { ok: false; error: string }

export interface SelectionOptions {
  /** -l or --field-selector given */
  selector?: boolean
  /** --all */
  all?: boolean
  /** a lone TYPE lists everything (get); delete/label want names or a selector */
  allowEmptySelector?: boolean
}

const bad = (error: string): SelectionResult => ({ ok: false, error })

/** Maps typed resource names (`svc`, `deployments.apps`, `all`) to kinds, or names the unknown one. */
export function resolveTypes(typed: string): { kinds: Kind[] } | { unknown: string } {
  const kinds: Kind[] = []
  for (const t of typed.split(',').filter((x) => x !== '')) {
    if (t.toLowerCase() === 'all') {
      kinds.push(...ALL_CATEGORY)
      continue
    }
    const k = resolveResource(t)
    if (!k) return { unknown: t.toLowerCase() }
    kinds.push(k)
  }
  return { kinds }
}

function typesOrError(typed: string): Kind[] | string {
  const r = resolveTypes(typed)
  return 'unknown' in r ? `the server doesn't have a resource type "${r.unknown}"` : r.kinds
}

function slashForm(args: string[]): SelectionResult {
  const refs: ResourceRef[] = []
  for (const a of args) {
    const seg = a.split('/')
    if (seg.length !== 2)
      return bad('arguments in resource/name form may not have more than one slash')
    const [type, name] = seg as [string, string]
    if (type === '' || name === '' || type.split(',').length !== 1)
      return bad('arguments in resource/name form must have a single resource and name')
    const kinds = typesOrError(type)
    if (typeof kinds === 'string') return bad(kinds)
    refs.push({ kind: kinds[0] as Kind, name })
  }
  return { ok: true, value: { mode: 'names', refs } }
}

/** Reads positional resource arguments the way the Builder does, with its exact error texts. */
export function selectResources(args: string[], opts: SelectionOptions = {}): SelectionResult {
  const slashes = args.filter((a) => a.includes('/')).length
  if (slashes > 0 && slashes !== args.length)
    return bad(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    )
  const bulk = opts.selector || opts.all || (args.length === 1 && opts.allowEmptySelector)
  if (slashes > 0) {
    if (opts.selector || opts.all)
      return bad('selectors and the all flag cannot be used when passing resource/name arguments')
    return slashForm(args)
  }
  if (args.length === 0) {
    if (bulk) return bad('at least one resource must be specified to use a selector')
    return bad(MISSING_RESOURCE_ERROR)
  }
  const kinds = typesOrError(args[0] as string)
  if (typeof kinds === 'string') return bad(kinds)
  const names = args.slice(1)
  if (bulk) {
    if (names.length > 0) return bad('name cannot be provided when a selector is specified')
    return { ok: true, value: { mode: 'bulk', kinds } }
  }
  if (names.length === 0) return bad('resource(s) were provided, but no name was specified')
  const refs = kinds.flatMap((kind) => names.map((name) => ({ kind, name })))
  return { ok: true, value: { mode: 'names', refs } }
}
