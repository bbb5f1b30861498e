// `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]` (kubectl v0.32
// pkg/cmd/create/create_ingress.go; INGRESS-FACTS I15-I17): client-side checks, then the Ingress
// built as kubectl builds it. A path ending in `*` is Prefix (the `*` dropped), any other Exact.

import type { ProcessResult } from '../context'
import type { KubeObject } from '../objects/types'
import type {
  HTTPIngressPath,
  IngressBackend,
  IngressRule,
  IngressTLS,
} from '../objects/ingress-types'
import type { Invocation } from './invocation'
import { clientError } from './errors'
import { nameFromArgs } from './create-deployment'
import { submitGenerated } from './generated'

/** ruleRegex, anchored at the start only (Go's MatchString finds a match anywhere after ^). */
const RULE =
  /^(?<host>[\w*\-.]*)(?<path>\/.*)=(?<svcname>[\w-]+):(?<svcport>[\w-]+)(,(?<istls>tls)=?(?<secretname>[\w-]+)?)?/

/** Validate: what kubectl refuses before sending anything (I17). */
function validateFlags(
  rules: string[],
  backend: string,
  annotations: string[],
): string | undefined {
  if (!backend && rules.length === 0)
    return 'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)'
  for (const rule of rules)
    if (!RULE.test(rule))
      return `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`
  for (const a of annotations)
    if (!a.includes('=')) return `annotation ${a} is invalid and should be in format key=[value]`
  if (backend && backend.split(':').length !== 2)
    return 'default-backend should be in format servicename:serviceport'
  return undefined
}

/** parseServiceBackendPort: intstr.Parse — digits make `number`, anything else `name`. */
function backendOf(service: string): IngressBackend {
  const [name = '', port = ''] = service.split(':')
  const n = /^[+-]?\d+$/.test(port) ? Number(port) : NaN
  if (!Number.isInteger(n) || Math.abs(n) >= 2 ** 31)
    return { service: { name, port: { name: port } } }
  // number 0 is Go's zero value, dropped by omitempty
  return { service: { name, port: n === 0 ? {} : { number: n } } }
}

function pathOf(pathsvc: string): HTTPIngressPath {
  const [rawPath = '', service = ''] = pathsvc.split('=')
  let path = `/${rawPath}`
  let pathType: HTTPIngressPath['pathType'] = 'Exact'
  if (path.endsWith('*')) {
    pathType = 'Prefix'
    path = path.slice(0, -1)
  }
  return { path, pathType, backend: backendOf(service) }
}

/** buildIngressRules: one rule per host (`''` = no host), paths merged in order. */
function buildRules(rules: string[]): IngressRule[] {
  const out: IngressRule[] = []
  for (const rule of rules) {
    const withoutTLS = rule.split(',')[0] ?? ''
    const slash = withoutTLS.indexOf('/')
    const host = withoutTLS.slice(0, slash)
    const path = pathOf(withoutTLS.slice(slash + 1))
    const same = out.find((r) => (r.host ?? '') === host)
    if (same?.http) same.http.paths.push(path)
    else out.push({ ...(host ? { host } : {}), http: { paths: [path] } })
  }
  return out
}

/** buildTLSRules: `,tls[=secret]` rules grouped by secret, each host once. */
function buildTLS(rules: string[]): IngressTLS[] {
  const out: IngressTLS[] = []
  const seen = new Set<string>()
  for (const rule of rules) {
    const parts = rule.split(',')
    if (parts.length !== 2) continue
    const host = rule.split('/')[0] ?? ''
    const secret = (parts[1] ?? '').split('=')[1] ?? ''
    if (seen.has(host)) continue
    seen.add(host)
    const same = out.find((t) => (t.secretName ?? '') === secret)
    if (same) {
      same.hosts = [...(same.hosts ?? []), host]
      continue
    }
    const tls: IngressTLS = {}
    if (host) tls.hosts = [host]
    if (secret) tls.secretName = secret
    if (tls.hosts || tls.secretName) out.push(tls)
  }
  return out
}

function buildIngress(inv: Invocation, name: string, rules: string[]): KubeObject {
  const annotations: Record<string, string> = {}
  for (const a of inv.flags.list('annotation')) {
    const i = a.indexOf('=')
    annotations[a.slice(0, i)] = a.slice(i + 1)
  }
  const metadata: Record<string, unknown> = { name }
  if (inv.namespaceGiven) metadata.namespace = inv.namespace
  metadata.creationTimestamp = null
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations
  const spec: Record<string, unknown> = {}
  const cls = inv.flags.str('class')
  if (cls) spec.ingressClassName = cls
  const backend = inv.flags.str('default-backend')
  if (backend) spec.defaultBackend = backendOf(backend)
  const tls = buildTLS(rules)
  if (tls.length > 0) spec.tls = tls
  const built = buildRules(rules)
  if (built.length > 0) spec.rules = built
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata,
    spec,
    status: { loadBalancer: {} },
  } as unknown as KubeObject
}

/** `kubectl create ingress` (aliases `ing`). */
export function createIngressVerb(inv: Invocation): ProcessResult {
  const name = nameFromArgs(inv)
  if (typeof name !== 'string') return name
  const rules = inv.flags.list('rule')
  const invalid = validateFlags(
    rules,
    inv.flags.str('default-backend'),
    inv.flags.list('annotation'),
  )
  if (invalid) return clientError(invalid)
  return submitGenerated(inv, buildIngress(inv, name, rules), {
    op: 'created',
    namespaced: true,
    wrap: (err) => `failed to create ingress: ${err.message}`,
  })
}
