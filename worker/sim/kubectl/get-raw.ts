// `kubectl get --raw PATH` (kubectl pkg/cmd/get Validate, pkg/rawhttp RawGet): the API server's
// answer to a GET of the path, printed byte for byte. The lab terminal's kubectl talks to kind's
// apiserver: health checks answer `ok`, /version indented JSON, discovery and objects compact JSON
// with the encoder's newline. Left out: query parameters (selectors, limit, watch), subresources,
// OpenAPI and the metrics paths; those answer the apiserver's 404.

import type { ProcessResult } from '../context'
import { apiVersionOf, RESOURCES, type Kind } from '../objects/resources'
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  isServedGroupVersion,
} from '../objects/discovery'
import { getObject, listObjects } from '../state'
import { notFound } from '../objects/api-errors'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { versionInfo } from './version'

/** kind's control-plane node, where kube-apiserver listens */
const API_SERVER = '172.18.0.2:6443'
const NO_ROUTE = 'Error from server (NotFound): the server could not find the requested resource\n'

const body = (obj: unknown): ProcessResult => ({
  stdout: `${JSON.stringify(obj)}\n`,
  stderr: '',
  exitCode: 0,
})
const failed = (stderr: string): ProcessResult => ({ stdout: '', stderr, exitCode: 1 })

function discovery(segs: string[]): ProcessResult | undefined {
  const [first, group, version] = segs
  if (segs.length === 1 && first === 'api') return body(apiVersions(API_SERVER))
  if (segs.length === 1 && first === 'apis') return body(apiGroupList())
  if (segs.length === 2 && first === 'api' && group === 'v1') return body(apiResourceList(''))
  if (first !== 'apis' || group === undefined || !isServedGroupVersion(group, version ?? 'v1'))
    return undefined
  if (segs.length === 2) return body(apiGroup(group))
  if (segs.length === 3) return body(apiResourceList(group))
  return undefined
}

/** `[namespaces/NS/]PLURAL[/NAME]` after the group/version */
function objects(inv: Invocation, group: string, rest: string[]): ProcessResult | undefined {
  let ns: string | undefined
  let tail = rest
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    ns = rest[1]
    tail = rest.slice(2)
  }
  const [plural, name] = tail
  if (tail.length > 2) return undefined
  const info = Object.values(RESOURCES).find((r) => r.group === group && r.plural === plural)
  if (!info || (ns !== undefined && !info.namespaced)) return undefined
  const kind: Kind = info.kind
  const s = inv.ctx.s
  if (name === undefined)
    return body({
      kind: `${kind}List`,
      apiVersion: apiVersionOf(kind),
      metadata: { resourceVersion: String(s.rv) },
      items: listObjects(s, kind, ns),
    })
  if (info.namespaced && ns === undefined) return undefined
  const obj = getObject(s, kind, ns, name)
  if (!obj) return failed(`Error from server (NotFound): ${notFound(kind, name).message}\n`)
  return body(obj)
}

function answer(inv: Invocation, path: string): ProcessResult {
  const segs = path.split('/').filter((p) => p !== '')
  const [first] = segs
  if (segs.length === 1 && (first === 'healthz' || first === 'livez' || first === 'readyz'))
    return { stdout: 'ok', stderr: '', exitCode: 0 }
  if (segs.length === 1 && first === 'version')
    return { stdout: JSON.stringify(versionInfo(), null, 2), stderr: '', exitCode: 0 }
  const served =
    discovery(segs) ??
    (first === 'api' && segs[1] === 'v1' ? objects(inv, '', segs.slice(2)) : undefined) ??
    (first === 'apis' && segs[2] === 'v1' ? objects(inv, segs[1] ?? '', segs.slice(3)) : undefined)
  return served ?? failed(NO_ROUTE)
}

/** `kubectl get --raw PATH` */
export function getRawVerb(inv: Invocation): ProcessResult {
  const f = inv.flags
  const raw = f.str('raw')
  if (inv.args.length > 0) return clientError('arguments may not be passed when --raw is specified')
  if (f.bool('watch') || f.bool('watch-only') || f.str('selector') !== '')
    return clientError(
      '--raw may not be specified with other flags that filter the server request or alter the output',
    )
  if (f.str('output') !== '') return clientError('--raw and --output are mutually exclusive')
  // url.ParseRequestURI: an absolute path or an absolute URL
  if (!raw.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(raw))
    return clientError(`--raw must be a valid URL path: parse "${raw}": invalid URI for request`)
  // RequestURI keeps only the path (an absolute URL's host is not where kubectl sends it)
  let path = raw.replace(/[?#].*$/, '')
  if (!raw.startsWith('/')) {
    try {
      path = new URL(raw).pathname
    } catch {
      path = '/'
    }
  }
  return answer(inv, path)
}
