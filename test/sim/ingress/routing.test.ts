// ingress-nginx routing as a table (INGRESS-FACTS I20-I27): which backend a Host + path reaches
// through the controller's load balancer, and the controller's own pages when none does.
import { describe, expect, it } from 'vitest'
import { ingressCluster, LB, NOW, send } from './fixture'
import { cloneJSON } from '../../../worker/sim/state'
import type { RouteResult } from '../../../worker/sim/net/types'
import { run } from '../../../worker/sim/run'

interface Row {
  host: string
  path: string
  /** `<app> <status>`: the backend Deployment that answered, or `controller <status>` */
  want: string
  cause?: string
}

const rows: Row[] = [
  // hosts (I20)
  { host: 'blue.example', path: '/', want: 'blue 200' },
  { host: 'BLUE.Example:80', path: '/', want: 'blue 200' },
  { host: 'blue.example.', path: '/', want: 'blue 200' },
  { host: 'magic.example', path: '/', want: 'magic 200' },
  { host: 'a.wild.example', path: '/', want: 'magic 200' },
  { host: 'a.b.wild.example', path: '/', want: 'controller 404', cause: 'ingress-unknown-host' },
  { host: 'wild.example', path: '/', want: 'controller 404', cause: 'ingress-unknown-host' },
  { host: 'nobody.example', path: '/', want: 'controller 404', cause: 'ingress-unknown-host' },
  { host: LB, path: '/', want: 'controller 404', cause: 'ingress-no-host-header' },
  // paths (I21): Exact, Prefix element-wise, longest first, ImplementationSpecific as Prefix
  { host: 'paths.example', path: '/', want: 'blue 200' },
  { host: 'paths.example', path: '/index.html', want: 'controller 404', cause: 'ingress-no-path' },
  { host: 'paths.example', path: '/exact', want: 'blue 404' },
  { host: 'paths.example', path: '/exact/', want: 'controller 404', cause: 'ingress-no-path' },
  { host: 'paths.example', path: '/exact?q=1', want: 'blue 404' },
  { host: 'paths.example', path: '/app', want: 'magic 404' },
  { host: 'paths.example', path: '/app/', want: 'magic 404' },
  { host: 'paths.example', path: '/app/x', want: 'magic 404' },
  { host: 'paths.example', path: '/application', want: 'controller 404', cause: 'ingress-no-path' },
  { host: 'paths.example', path: '/APP', want: 'controller 404', cause: 'ingress-no-path' },
  { host: 'paths.example', path: '/app/v2', want: 'echo 200' },
  { host: 'paths.example', path: '/app/v2/hostname', want: 'echo 200' },
  { host: 'paths.example', path: '/app/v22', want: 'magic 404' },
  { host: 'paths.example', path: '/impl/x', want: 'blue 404' },
  { host: 'paths.example', path: '/implx', want: 'controller 404', cause: 'ingress-no-path' },
  // regex mode: use-regex/rewrite-target, case-insensitive, anchored at the start only (I21, I27)
  { host: 'regex.example', path: '/something', want: 'echo 200' },
  { host: 'regex.example', path: '/SOMETHING/hostname', want: 'echo 200' },
  {
    host: 'regex.example',
    path: '/somethingelse',
    want: 'controller 404',
    cause: 'ingress-no-path',
  },
  // in regex mode a plain path is no longer element-wise: /plain matches /plainly, and rewrite-target
  // (on the whole Ingress) turns /plainly into `/`, the page blue serves
  { host: 'regex.example', path: '/plainly', want: 'blue 200' },
  { host: 'regex.example', path: '/other', want: 'controller 404', cause: 'ingress-no-path' },
  // classes (I18)
  { host: 'noclass.example', path: '/', want: 'controller 404', cause: 'ingress-no-class' },
  { host: 'other.example', path: '/', want: 'controller 404', cause: 'ingress-unknown-class' },
  // backends (I24, I25)
  { host: 'gone.example', path: '/', want: 'controller 503', cause: 'ingress-backend-missing' },
  { host: 'empty.example', path: '/', want: 'controller 503', cause: 'ingress-no-endpoints' },
  { host: 'port.example', path: '/', want: 'controller 503', cause: 'ingress-backend-port' },
  { host: 'tport.example', path: '/', want: 'blue 200' },
  { host: 'bad.example', path: '/', want: 'controller 502', cause: 'ingress-upstream-refused' },
  { host: 'echo.example', path: '/hostname', want: 'echo 200' },
]

function summary(r: RouteResult): string {
  const name = r.pod?.name ?? '?'
  const app = name.startsWith('ingress-nginx-controller') ? 'controller' : name.split('-')[0]
  return `${app} ${r.response?.status ?? r.outcome}`
}

describe('routing through ingress-nginx from the workstation to the LB IP', () => {
  const s = ingressCluster()
  for (const row of rows) {
    it(`Host ${row.host} ${row.path} -> ${row.want}`, () => {
      const r = send(s, `http://${LB}${row.path}`, row.host)
      expect(r.outcome).toBe('answered')
      expect(summary(r)).toBe(row.want)
      if (row.cause) expect(r.cause).toBe(row.cause)
      else expect(r.cause).toBeUndefined()
    })
  }
})

const PAGE_404 =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
const PAGE_503 =
  '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

describe("the controller's own pages", () => {
  const s = ingressCluster()
  it('404: 146 bytes, no Server header (I23)', () => {
    const r = send(s, `http://${LB}/`, 'nobody.example')
    expect(r.response?.body).toBe(PAGE_404)
    expect(PAGE_404.length).toBe(146)
    expect(r.response?.headers.map(([k]) => k)).toEqual([
      'Date',
      'Content-Type',
      'Content-Length',
      'Connection',
    ])
    expect(r.response?.headers.slice(1)).toEqual([
      ['Content-Type', 'text/html'],
      ['Content-Length', '146'],
      ['Connection', 'keep-alive'],
    ])
  })
  it('503: 190 bytes (I24)', () => {
    const r = send(s, `http://${LB}/`, 'empty.example')
    expect(r.response?.body).toBe(PAGE_503)
    expect(PAGE_503.length).toBe(190)
    expect(r.response?.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe('190')
    expect(r.response?.headers.some(([k]) => k === 'Server')).toBe(false)
  })
  it("a backend's answer comes back without its Server header, in nginx's header order", () => {
    const r = send(s, `http://${LB}/`, 'blue.example')
    expect(r.response?.headers.map(([k]) => k)).toEqual([
      'Date',
      'Content-Type',
      'Content-Length',
      'Connection',
      'Last-Modified',
      'ETag',
      'Accept-Ranges',
    ])
  })
  it('plain HTTP to port 443 gets nginx 400 page', () => {
    const r = send(s, `http://${LB}:443/`, 'blue.example')
    expect(r.response?.status).toBe(400)
    expect(r.response?.body).toContain('The plain HTTP request was sent to HTTPS port')
  })
  it('https to 443 is served with the fake certificate (curl needs -k)', () => {
    const r = send(s, `https://${LB}/`, 'blue.example')
    expect(r.tls).toBe('self-signed')
    expect(r.response?.status).toBe(200)
  })
})

describe('the proxied leg (I25)', () => {
  const s = ingressCluster()
  const controller = () =>
    Object.values(s.objects).find(
      (o) => o.kind === 'Pod' && o.metadata.name.startsWith('ingress-nginx-controller'),
    ) as unknown as { status: { podIP: string }; spec: { nodeName: string } }
  it('the backend sees the controller pod IP as its client', () => {
    const r = send(s, `http://${LB}/clientip`, 'echo.example')
    expect(r.response?.body.split(':')[0]).toBe(controller().status.podIP)
  })
  it('goes to a pod IP of a headless Service, not a ClusterIP', () => {
    const r = send(s, `http://${LB}/hostname`, 'echo.example')
    const svcHop = r.hops.find((h) => h.kind === 'service' && h.object?.name === 'echo')
    expect(svcHop?.label).toMatch(/^echo endpoints -> 10\.244\.\d+\.\d+:8080$/)
    expect(r.response?.body).toBe(r.pod?.name)
  })
  it('round-robins over the ready endpoints', () => {
    const c = cloneJSON(s)
    const names = [1, 2, 3, 4].map(
      () => send(c, `http://${LB}/`, 'blue.example', undefined, false).pod?.name,
    )
    expect(new Set(names).size).toBe(2)
    expect(names[0]).toBe(names[2])
  })
  it('traces client -> LB -> node -> controller pod -> rule -> endpoints -> backend pod', () => {
    const r = send(s, `http://${LB}/app/v2/hostname`, 'paths.example')
    expect(r.hops.map((h) => h.kind)).toEqual([
      'client',
      'loadbalancer',
      'network',
      'pod',
      'ingress',
      'service',
      'pod',
    ])
    expect(r.hops[2]?.object?.kind).toBe('Node')
    const rule = r.hops[4]
    expect(rule?.object).toEqual({ kind: 'Ingress', namespace: 'default', name: 'paths' })
    expect(rule?.label).toBe('paths: paths.example /app/v2 (Prefix) -> echo:8080')
    expect(rule?.detail).toBe('spec.rules[0].http.paths[3]')
  })
  it('reaches the controller through its ClusterIP from a pod and its nodePort on its own node', () => {
    const svc = Object.values(s.objects).find(
      (o) => o.kind === 'Service' && o.metadata.name === 'ingress-nginx-controller',
    ) as unknown as { spec: { clusterIP: string; ports: { nodePort: number }[] } }
    const blue = Object.values(s.objects).find(
      (o) => o.kind === 'Pod' && o.metadata.name.startsWith('blue-'),
    ) as { metadata: { name: string } }
    const fromPod = { kind: 'pod' as const, namespace: 'default', name: blue.metadata.name }
    expect(summary(send(s, `http://${svc.spec.clusterIP}/`, 'magic.example', fromPod))).toBe(
      'magic 200',
    )
    const node = controller().spec.nodeName
    const ip = {
      'lab-control-plane': '172.18.0.2',
      'lab-worker': '172.18.0.3',
      'lab-worker2': '172.18.0.4',
    }[node]
    const np = svc.spec.ports[0]?.nodePort
    expect(summary(send(s, `http://${ip}:${np}/`, 'magic.example'))).toBe('magic 200')
    // externalTrafficPolicy: Local (cloud manifest): a node without the controller drops it
    const other = ['172.18.0.3', '172.18.0.4'].find((x) => x !== ip)
    expect(send(s, `http://${other}:${np}/`, 'magic.example').outcome).toBe('timeout')
  })
})

describe('answers over https', () => {
  const s = ingressCluster()
  it("carry ingress-nginx's HSTS header last; plain http does not", () => {
    const proxied = send(s, `https://${LB}/`, 'blue.example')
    expect(proxied.response?.headers.at(-1)).toEqual([
      'Strict-Transport-Security',
      'max-age=31536000; includeSubDomains',
    ])
    const own = send(s, `https://${LB}/`, 'nobody.example')
    expect(own.response?.status).toBe(404)
    expect(own.response?.headers.at(-1)?.[0]).toBe('Strict-Transport-Security')
    const plain = send(s, `http://${LB}/`, 'blue.example')
    expect(plain.response?.headers.some(([k]) => k === 'Strict-Transport-Security')).toBe(false)
  })
})

describe('use-regex', () => {
  it('reads its value as Go\'s ParseBool does ("True" and "1" turn it on; "yes" does not)', () => {
    const status = (value: string) => {
      const ing = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: rx
  annotations:
    nginx.ingress.kubernetes.io/use-regex: "${value}"
spec:
  ingressClassName: nginx
  rules:
  - host: rx.example
    http:
      paths:
      - path: /ec+ho
        pathType: ImplementationSpecific
        backend: {service: {name: echo, port: {number: 8080}}}
`
      const r = run(cloneJSON(ingressCluster()), 'kubectl apply -f -', { now: NOW, stdin: ing })
      return send(r.state, `http://${LB}/eccho/hostname`, 'rx.example').response?.status
    }
    expect([status('True'), status('1'), status('true')]).toEqual([200, 200, 200])
    expect(status('yes')).toBe(404)
  })
})
