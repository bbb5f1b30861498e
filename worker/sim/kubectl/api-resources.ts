// `kubectl api-resources` / `api-versions` for the resources the simulated API server serves
// (kubectl pkg/cmd/apiresources): NAME SHORTNAMES APIVERSION NAMESPACED KIND, core group first.

import type { ProcessResult } from '../context'
import { RESOURCES, type ResourceInfo } from '../objects/resources'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { printTable } from './printers'

const GROUP_ORDER = ['', 'apps', 'discovery.k8s.io', 'networking.k8s.io']
/** the verbs column of `-o wide`, comma-joined (apiresources.go); a Namespace has no deletecollection */
const VERBS = 'create,delete,deletecollection,get,list,patch,update,watch'
const NAMESPACE_VERBS = 'create,delete,get,list,patch,update,watch'

function ordered(): ResourceInfo[] {
  return Object.values(RESOURCES).sort((a, b) =>
    a.group !== b.group
      ? GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group)
      : a.plural < b.plural
        ? -1
        : 1,
  )
}

function apiVersion(r: ResourceInfo): string {
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
    if (wide)
      row.push(
        r.kind === 'Namespace' ? NAMESPACE_VERBS : VERBS,
        ['Pod', 'Service', 'Deployment', 'ReplicaSet'].includes(r.kind) ? 'all' : '',
      )
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
  const versions = [...new Set(Object.values(RESOURCES).map(apiVersion))].sort()
  return { stdout: versions.map((v) => `${v}\n`).join(''), stderr: '', exitCode: 0 }
}
