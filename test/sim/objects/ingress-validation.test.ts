// Ingress and IngressClass validation, one row per mistake (INGRESS-FACTS I2-I9): the manifest and
// the exact causes the API server returns, in its order; then rows that must pass.
import { describe, expect, test } from 'vitest'
import { newState, NOW, y } from './helpers'
import { createObject, updateObject } from '../../../worker/sim/objects'
import type { KubeObject } from '../../../worker/sim/objects/types'

const ing = (spec: string, name = 'web') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
${spec}`

/** one rule on host foo.example with one path */
const path = (p: string) =>
  ing(`  rules:
  - host: foo.example
    http:
      paths:
      - ${p}`)

const BACKEND = 'backend: {service: {name: web, port: {number: 80}}}'
const hostRule = (host: string) =>
  ing(`  rules:
  - host: "${host}"
    http:
      paths: [{path: /, pathType: Prefix, ${BACKEND}}]`)
const backend = (b: string) => path(`{path: /, pathType: Prefix, backend: ${b}}`)

const SUBDOMAIN = (v: string) =>
  `Invalid value: "${v}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
const WILDCARD = (v: string) =>
  `Invalid value: "${v}": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`
const P = 'spec.rules[0].http.paths[0]'
const B = `${P}.backend`

/** [name, manifest, causes] */
const rows: [string, string, string[]][] = [
  [
    'neither rules nor defaultBackend (I2)',
    ing('  tls: []'),
    [
      'spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
    ],
  ],
  [
    'an explicit empty rules list (I2)',
    ing('  rules: []'),
    [
      'spec: Invalid value: []networking.IngressRule{}: either `defaultBackend` or `rules` must be specified',
    ],
  ],
  [
    'pathType missing: nothing else of that path is checked (I3)',
    path('{path: app, backend: {service: {name: Web}}}'),
    [`${P}.pathType: Required value: pathType must be specified`],
  ],
  [
    'pathType in the wrong case (I3)',
    path(`{path: /, pathType: prefix, ${BACKEND}}`),
    [
      `${P}.pathType: Unsupported value: "prefix": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
    ],
  ],
  [
    'pathType empty (I3)',
    path(`{path: /, pathType: "", ${BACKEND}}`),
    [
      `${P}.pathType: Unsupported value: "": supported values: "Exact", "ImplementationSpecific", "Prefix"`,
    ],
  ],
  [
    'relative Prefix path (I4)',
    path(`{path: app, pathType: Prefix, ${BACKEND}}`),
    [`${P}.path: Invalid value: "app": must be an absolute path`],
  ],
  [
    'Exact path missing (I4)',
    path(`{pathType: Exact, ${BACKEND}}`),
    [`${P}.path: Invalid value: "": must be an absolute path`],
  ],
  [
    'double slash (I4)',
    path(`{path: /a//b, pathType: Prefix, ${BACKEND}}`),
    [`${P}.path: Invalid value: "/a//b": must not contain '//'`],
  ],
  [
    'dot segments and a dot-dot end, one cause each (I4)',
    path(`{path: /a/./b/../c/.., pathType: Exact, ${BACKEND}}`),
    [
      `${P}.path: Invalid value: "/a/./b/../c/..": must not contain '/./'`,
      `${P}.path: Invalid value: "/a/./b/../c/..": must not contain '/../'`,
      `${P}.path: Invalid value: "/a/./b/../c/..": cannot end with '/..'`,
    ],
  ],
  [
    'encoded slashes (I4)',
    path(`{path: /a%2fb%2Fc, pathType: Prefix, ${BACKEND}}`),
    [
      `${P}.path: Invalid value: "/a%2fb%2Fc": must not contain '%2f'`,
      `${P}.path: Invalid value: "/a%2fb%2Fc": must not contain '%2F'`,
    ],
  ],
  [
    'ending in /. (I4)',
    path(`{path: /a/., pathType: Prefix, ${BACKEND}}`),
    [`${P}.path: Invalid value: "/a/.": cannot end with '/.'`],
  ],
  [
    'ImplementationSpecific relative path (I4)',
    path(`{path: app, pathType: ImplementationSpecific, ${BACKEND}}`),
    [`${P}.path: Invalid value: "app": must be an absolute path`],
  ],
  [
    'a bad path and a bad port are both reported (I4)',
    path('{path: app, pathType: Exact, backend: {service: {name: web, port: {number: 70000}}}}'),
    [
      `${P}.path: Invalid value: "app": must be an absolute path`,
      `${B}.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    ],
  ],
  [
    'an IP as host (I5)',
    hostRule('172.18.255.200'),
    ['spec.rules[0].host: Invalid value: "172.18.255.200": must be a DNS name, not an IP address'],
  ],
  ['a lone * (I5)', hostRule('*'), [`spec.rules[0].host: ${WILDCARD('*')}`]],
  [
    'a * inside the name (I5)',
    hostRule('foo.*.example'),
    [`spec.rules[0].host: ${WILDCARD('foo.*.example')}`],
  ],
  [
    'a * glued to a label (I5)',
    hostRule('*foo.example'),
    [`spec.rules[0].host: ${WILDCARD('*foo.example')}`],
  ],
  [
    'upper case host (I5)',
    hostRule('Foo.example'),
    [`spec.rules[0].host: ${SUBDOMAIN('Foo.example')}`],
  ],
  [
    'a port in the host (I5)',
    hostRule('foo.example:80'),
    [`spec.rules[0].host: ${SUBDOMAIN('foo.example:80')}`],
  ],
  [
    'a TLS host is checked without the IP rule (I5)',
    ing(`  tls:
  - hosts: ["Foo.example", "*"]
  rules:
  - host: foo.example
    http:
      paths: [{path: /, pathType: Prefix, ${BACKEND}}]`),
    [`spec.tls[0].hosts[0]: ${SUBDOMAIN('Foo.example')}`, `spec.tls[0].hosts[1]: ${WILDCARD('*')}`],
  ],
  [
    'a TLS secretName must be a Secret name (validateTLSSecretName)',
    ing(`  tls:
  - hosts: [foo.example]
    secretName: My_Cert
  rules:
  - host: foo.example`),
    [`spec.tls[0].secretName: ${SUBDOMAIN('My_Cert')}`],
  ],
  [
    'service and resource backends together (I6)',
    backend('{service: {name: web, port: {number: 80}}, resource: {kind: Bucket, name: b}}'),
    [`${B}: Invalid value: "": cannot set both resource and service backends`],
  ],
  [
    'no backend at all (I6)',
    backend('{}'),
    [`${B}: Invalid value: "": resource or service backend is required`],
  ],
  [
    'service without a name (I6)',
    backend('{service: {port: {number: 80}}}'),
    [`${B}.service.name: Required value`],
  ],
  [
    'service name that is not a DNS-1035 label (I6)',
    backend('{service: {name: Web, port: {number: 80}}}'),
    [
      `${B}.service.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ],
  ],
  [
    'port name and number together (I6)',
    backend('{service: {name: web, port: {name: http, number: 80}}}'),
    [`${B}: Invalid value: "": cannot set both port name & port number`],
  ],
  [
    'no port (I6)',
    backend('{service: {name: web}}'),
    [`${B}: Required value: port name or number is required`],
  ],
  [
    'port {} (I6)',
    backend('{service: {name: web, port: {}}}'),
    [`${B}: Required value: port name or number is required`],
  ],
  [
    'port number 0 counts as unset (I6)',
    backend('{service: {name: web, port: {number: 0}}}'),
    [`${B}: Required value: port name or number is required`],
  ],
  [
    'port number out of range (I6)',
    backend('{service: {name: web, port: {number: 70000}}}'),
    [`${B}.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`],
  ],
  [
    'port name in upper case (I6)',
    backend('{service: {name: web, port: {name: HTTP}}}'),
    [
      `${B}.service.port.name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
      `${B}.service.port.name: Invalid value: "HTTP": must contain at least one letter (a-z)`,
    ],
  ],
  [
    'defaultBackend is validated like a path backend (I6)',
    ing('  defaultBackend: {service: {name: web}}'),
    ['spec.defaultBackend: Required value: port name or number is required'],
  ],
  [
    'a resource backend needs kind and name',
    backend('{resource: {apiGroup: Example.com}}'),
    [
      `${B}.resource.apiGroup: ${SUBDOMAIN('Example.com')}`,
      `${B}.resource.kind: Required value`,
      `${B}.resource.name: Required value`,
    ],
  ],
  [
    'ingressClassName that is not a DNS subdomain (I7)',
    ing(`  ingressClassName: Nginx\n  defaultBackend: ${BACKEND.slice(9)}`),
    [`spec.ingressClassName: ${SUBDOMAIN('Nginx')}`],
  ],
  [
    'http without paths (I8)',
    ing('  rules:\n  - host: foo.example\n    http: {}'),
    ['spec.rules[0].http.paths: Required value'],
  ],
  [
    'errors accumulate in upstream order: rules before tls before the class',
    ing(`  ingressClassName: "A"
  tls: [{hosts: ["B"]}]
  rules:
  - host: "C"
    http:
      paths: [{path: x, pathType: Exact, ${BACKEND}}]`),
    [
      `spec.rules[0].host: ${SUBDOMAIN('C')}`,
      `${P}.path: Invalid value: "x": must be an absolute path`,
      `spec.tls[0].hosts[0]: ${SUBDOMAIN('B')}`,
      `spec.ingressClassName: ${SUBDOMAIN('A')}`,
    ],
  ],
]

const valid: [string, string][] = [
  ['a wildcard host with one label', hostRule('*.foo.example')],
  ['a rule with only a host', ing('  rules:\n  - host: foo.example')],
  ['a defaultBackend alone', ing(`  defaultBackend: ${BACKEND.slice(9)}`)],
  ['ImplementationSpecific with no path', path(`{pathType: ImplementationSpecific, ${BACKEND}}`)],
  [
    'ImplementationSpecific skips the sequence checks',
    path(`{path: /a//b, pathType: ImplementationSpecific, ${BACKEND}}`),
  ],
  ['a named port', backend('{service: {name: web, port: {name: http}}}')],
  [
    'a class that names no IngressClass (I7)',
    ing(`  ingressClassName: other\n  defaultBackend: ${BACKEND.slice(9)}`),
  ],
  [
    'a resource backend',
    backend('{resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}'),
  ],
]

const ingressClass = (spec: string, name = 'nginx') => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ${name}
spec:
${spec}`

const classRows: [string, string, string[]][] = [
  ['no controller', ingressClass('  parameters: null'), ['spec.controller: Required value']],
  [
    'a controller without a domain prefix',
    ingressClass('  controller: nginx'),
    [
      'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ],
  ],
  [
    'a controller whose domain is not a subdomain',
    ingressClass('  controller: K8s.io/ingress-nginx'),
    [`spec.controller: ${SUBDOMAIN('K8s.io')}`],
  ],
  [
    'parameters need kind and name; Namespace scope needs a namespace',
    ingressClass('  controller: k8s.io/x\n  parameters: {scope: Namespace}'),
    [
      'spec.parameters.kind: Required value',
      'spec.parameters.name: Required value',
      "spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'",
    ],
  ],
  [
    'Cluster scope forbids a namespace',
    ingressClass(
      '  controller: k8s.io/x\n  parameters: {kind: K, name: params, scope: Cluster, namespace: a}',
    ),
    ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"],
  ],
  [
    'an unknown scope',
    ingressClass('  controller: k8s.io/x\n  parameters: {kind: K, name: params, scope: cluster}'),
    [
      'spec.parameters.scope: Unsupported value: "cluster": supported values: "Cluster", "Namespace"',
    ],
  ],
]

function causesOf(manifest: string): string[] {
  const r = createObject(newState(), y(manifest), { now: NOW })
  if (r.ok) return []
  return r.error.details?.causes.map((c) => c.message) ?? [r.error.message]
}

describe('Ingress validation rows', () => {
  test.each(rows)('%s', (_name, manifest, causes) => {
    const r = createObject(newState(), y(manifest), { now: NOW })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.reason).toBe('Invalid')
    expect(r.error.details?.kind).toBe('Ingress')
    expect(r.error.details?.causes.map((c) => c.message)).toEqual(causes)
  })

  test.each(valid)('passes: %s', (_name, manifest) => {
    expect(causesOf(manifest)).toEqual([])
  })
})

describe('IngressClass validation rows', () => {
  test.each(classRows)('%s', (_name, manifest, causes) => {
    expect(causesOf(manifest)).toEqual(causes)
  })

  test('the kind install passes and gets generation 1; parameters scope defaults to Cluster', () => {
    const s = newState()
    const r = createObject(
      s,
      y(ingressClass('  controller: k8s.io/ingress-nginx\n  parameters: {kind: K, name: params}')),
      { now: NOW },
    )
    expect(r.ok && r.value.metadata.generation).toBe(1)
    expect(r.ok && (r.value.spec as { parameters: { scope: string } }).parameters.scope).toBe(
      'Cluster',
    )
  })

  test('spec.controller is immutable; other edits bump the generation', () => {
    const s = newState()
    const r = createObject(s, y(ingressClass('  controller: k8s.io/ingress-nginx')), { now: NOW })
    if (!r.ok) throw new Error(r.error.message)
    const changed = structuredClone(r.value) as KubeObject & { spec: { controller: string } }
    changed.spec.controller = 'example.com/other'
    const u = updateObject(s, changed, { now: NOW })
    expect(!u.ok && u.error.details?.causes.map((c) => c.message)).toEqual([
      'spec.controller: Invalid value: "example.com/other": field is immutable',
    ])
    const params = structuredClone(r.value) as KubeObject & { spec: Record<string, unknown> }
    params.spec.parameters = { kind: 'K', name: 'params' }
    const ok = updateObject(s, params, { now: NOW })
    expect(ok.ok && ok.value.metadata.generation).toBe(2)
  })
})

describe('Ingress decoding and defaults', () => {
  test('v1beta1 backend fields are unknown fields, reported before any validation (I9)', () => {
    const r = createObject(
      newState(),
      y(path('{path: /, backend: {serviceName: web, servicePort: 80}}')),
      { now: NOW },
    )
    expect(!r.ok && r.error).toEqual({
      reason: 'BadRequest',
      message:
        'Ingress in version "v1" cannot be handled as a Ingress: strict decoding error: unknown field "spec.rules[0].http.paths[0].backend.serviceName", unknown field "spec.rules[0].http.paths[0].backend.servicePort"',
    })
  })

  test('a number where a port number goes is a type error', () => {
    const r = createObject(newState(), y(backend('{service: {name: web, port: {number: "80"}}}')), {
      now: NOW,
    })
    expect(!r.ok && r.error.message).toBe(
      'Ingress in version "v1" cannot be handled as a Ingress: json: cannot unmarshal string into Go struct field ServiceBackendPort.spec.rules.http.paths.backend.service.port.number of type int32',
    )
  })

  test('no pathType default in v1; status starts empty; generation 1, +1 per spec change', () => {
    const s = newState()
    const r = createObject(s, y(path(`{path: /, pathType: Exact, ${BACKEND}}`)), { now: NOW })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.status).toEqual({ loadBalancer: {} })
    expect(r.value.metadata.generation).toBe(1)
    const same = updateObject(s, structuredClone(r.value), { now: NOW })
    expect(same.ok && same.value.metadata.generation).toBe(1)
    const next = structuredClone(r.value) as KubeObject & { spec: { ingressClassName?: string } }
    next.spec.ingressClassName = 'nginx'
    const u = updateObject(s, next, { now: NOW })
    expect(u.ok && u.value.metadata.generation).toBe(2)
  })
})
