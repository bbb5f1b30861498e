// `kubectl api-resources` / `api-versions` for the resources the simulated API server serves
// (kubectl pkg/cmd/apiresources): NAME SHORTNAMES APIVERSION NAMESPACED KIND, core group first.

import type { ProcessResult } from '../context'
import { RESOURCES, type ResourceInfo } from '../objects/resources'
import { REVIEW_RESOURCES, REVIEW_VERBS, type ReviewResource } from '../objects/reviews'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { printTable } from './printers'

/** the verbs column of `-o wide`, comma-joined (apiresources.go); a Namespace has no deletecollection */
const VERBS = 'create,delete,deletecollection,get,list,patch,update,watch'
const NAMESPACE_VERBS = 'create,delete,get,list,patch,update,watch'

interface Listed {
  plural: string
  shortNames: string[]
  group: string
  version: string
  namespaced: boolean
  kind: string
  verbs: string
  categories: string
}

function listed(r: ResourceInfo): Listed {
  return {
    ...r,
    verbs: r.kind === 'Namespace' ? NAMESPACE_VERBS : VERBS,
    categories: ['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(r.kind) ? 'all' : '',
  }
}

function reviewListed(r: ReviewResource): Listed {
  return {
    ...r,
    shortNames: [],
    version: 'v1',
    namespaced: false,
    verbs: REVIEW_VERBS.join(','),
    categories: '',
  }
}

/** kubectl sorts by group (stably); within one, the server's order: by name */
function ordered(): Listed[] {
  const all = [...Object.values(RESOURCES).map(listed), ...REVIEW_RESOURCES.map(reviewListed)]
  return all.sort((a, b) =>
    a.group !== b.group ? (a.group < b.group ? -1 : 1) : a.plural < b.plural ? -1 : 1,
  )
}

function apiVersion(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version
}

/** `kubectl api-resources [-o wide|name] [--namespaced=bool] [--api-group=g] [--no-headers]`. */
export function apiResourcesVerb(inv: Invocation): ProcessResult {
  const output = inv.flags.str('output')
  if (output !== '' && output !== 'wide' && output !== 'name')
    return clientError(`--output ${output} is not available`)
  let list = ordered()
  if (inv.flags.has('namespaced'))
    list = list.filter((r) => r.namespaced === inv.flags.bool('namespaced'))
  if (inv.flags.has('api-group')) list = list.filter((r) => r.group === inv.flags.str('api-group'))
  if (output === 'name')
    return {
      stdout: list.map((r) => (r.group ? `${r.plural}.${r.group}\n` : `${r.plural}\n`)).join(''),
      stderr: '',
      exitCode: 0,
    }
  const wide = output === 'wide'
  const header = [
    'NAME',
    'SHORTNAMES',
    'APIVERSION',
    'NAMESPACED',
    'KIND',
    ...(wide ? ['VERBS', 'CATEGORIES'] : []),
  ]
  const rows = list.map((r) => {
    const row = [r.plural, r.shortNames.join(','), apiVersion(r), String(r.namespaced), r.kind]
    if (wide) row.push(r.verbs, r.categories)
    return row
  })
  return {
    stdout: printTable(inv.flags.bool('no-headers') ? rows : [header, ...rows]),
    stderr: '',
    exitCode: 0,
  }
}

/** `kubectl api-versions`: the group/versions served, sorted. */
export function apiVersionsVerb(_inv: Invocation): ProcessResult {
  const versions = [...new Set(ordered().map(apiVersion))].sort()
  return { stdout: versions.map((v) => `${v}\n`).join(''), stderr: '', exitCode: 0 }
}
