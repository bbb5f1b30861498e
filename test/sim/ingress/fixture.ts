// A cluster with ingress-nginx installed, four small apps and Ingresses covering the routing rules
// of INGRESS-FACTS I20-I27, settled and served (ADDRESS written) at NOW.
import { startCluster } from '../../../worker/labs/setup'
import type { ClusterState } from '../../../worker/sim/state'
import { route } from '../../../worker/sim/net/route'
import type { HttpRequest, Origin, RouteResult } from '../../../worker/sim/net/types'

export const NOW = Date.parse('2026-12-06T03:00:00Z')
export const LB = '172.18.255.200'

const deploy = (name: string, image: string, args = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: app
        image: ${image}${args}
`
const svc = (
  name: string,
  app: string,
  port: number,
  targetPort: number,
  extra = '',
) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:${extra}
  selector: {app: ${app}}
  ports:
  - port: ${port}
    targetPort: ${targetPort}
`
const APPS = [
  deploy('blue', 'nginx:1.27'),
  deploy('magic', 'anshuldevops/magicalnginx'),
  deploy(
    'echo',
    'registry.k8s.io/e2e-test-images/agnhost:2.53',
    '\n        args: [netexec, --http-port=8080]',
  ),
  svc('blue', 'blue', 8080, 80),
  svc('magic', 'magic', 80, 80),
  svc('echo', 'echo', 8080, 8080, '\n  clusterIP: None'),
  svc('empty', 'nothing', 80, 80),
  svc('badtarget', 'blue', 80, 9999),
].join('---\n')

const path = (p: string, type: string, name: string, port: number | string) => `      - path: ${p}
        pathType: ${type}
        backend:
          service:
            name: ${name}
            port:
              ${typeof port === 'number' ? 'number' : 'name'}: ${port}
`
const rule = (host: string, ...paths: string[]) =>
  `  - ${host ? `host: ${host}\n    ` : ''}http:\n      paths:\n${paths.join('')}`
const ingress = (name: string, spec: string, meta = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}${meta}
spec:
${spec}`

export const INGRESSES = [
  ingress(
    'hosts',
    `  ingressClassName: nginx
  rules:
${rule('blue.example', path('/', 'Prefix', 'blue', 8080))}${rule('magic.example', path('/', 'Prefix', 'magic', 80))}${rule('"*.wild.example"', path('/', 'Prefix', 'magic', 80))}${rule('gone.example', path('/', 'Prefix', 'nope', 80))}${rule('empty.example', path('/', 'Prefix', 'empty', 80))}${rule('bad.example', path('/', 'Prefix', 'badtarget', 80))}${rule('port.example', path('/', 'Prefix', 'blue', 9090))}${rule('tport.example', path('/', 'Prefix', 'blue', 80))}${rule('echo.example', path('/', 'Prefix', 'echo', 8080))}`,
  ),
  ingress(
    'paths',
    `  ingressClassName: nginx
  rules:
${rule('paths.example', path('/exact', 'Exact', 'blue', 8080), path('/app', 'Prefix', 'magic', 80), path('/impl', 'ImplementationSpecific', 'blue', 8080), path('/app/v2', 'Prefix', 'echo', 8080), path('/', 'Exact', 'blue', 8080))}`,
  ),
  ingress(
    'regex',
    `  ingressClassName: nginx
  rules:
${rule('regex.example', path('/something(/|$)(.*)', 'ImplementationSpecific', 'echo', 8080), path('/plain', 'ImplementationSpecific', 'blue', 8080))}`,
    `
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "true"
    nginx.ingress.kubernetes.io/rewrite-target: /$2`,
  ),
  ingress('noclass', `  rules:\n${rule('noclass.example', path('/', 'Prefix', 'blue', 8080))}`),
  ingress(
    'otherclass',
    `  ingressClassName: other\n  rules:\n${rule('other.example', path('/', 'Prefix', 'blue', 8080))}`,
  ),
]

let cached: ClusterState | undefined

/** The settled cluster (built once; tests route as probes or on clones). */
export function ingressCluster(): ClusterState {
  cached ??= startCluster(7, NOW, {
    manifests: [APPS, INGRESSES.join('---\n')],
    ingressNginx: true,
  })
  return cached
}

/** A request from `origin` with an explicit Host header (curl -H 'Host: ...'). */
export function send(
  s: ClusterState,
  url: string,
  host?: string,
  from: Origin = { kind: 'workstation' },
  probe = true,
): RouteResult {
  const m = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)
  if (!m) throw new Error(`bad url ${url}`)
  const scheme = m[1] as 'http' | 'https'
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  const req: HttpRequest = {
    scheme,
    host: m[2] as string,
    port,
    method: 'GET',
    path: m[4] ?? '/',
    headers: { Host: host ?? m[2] ?? '', 'User-Agent': 'curl/8.5.0', Accept: '*/*' },
  }
  return route(s, from, req, { now: NOW, probe })
}
