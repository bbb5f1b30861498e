// The redirects the controller's nginx answers itself: ingress-nginx's 308 to https for a host
// with TLS (ssl-redirect, on by default) and nginx's 301 for a path written with a trailing slash.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW, send } from './fixture'

const ingress = (
  name: string,
  host: string,
  extra: { tls?: string; meta?: string; path?: string },
) =>
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}${extra.meta ?? ''}
spec:
  ingressClassName: nginx${extra.tls ?? ''}
  rules:
  - host: ${host}
    http:
      paths:
      - path: ${extra.path ?? '/'}
        pathType: Prefix
        backend:
          service:
            name: blue
            port:
              number: 8080
`

function withIngresses(...yaml: string[]): ClusterState {
  const r = run(cloneJSON(ingressCluster()), 'kubectl apply -f -', {
    now: NOW,
    stdin: yaml.join('---\n'),
  })
  expect(r.stderr).toBe('')
  return r.state
}

const header = (r: ReturnType<typeof send>, name: string) =>
  r.response?.headers.find(([k]) => k === name)?.[1]

const PAGE_308 =
  '<html>\r\n<head><title>308 Permanent Redirect</title></head>\r\n<body>\r\n<center><h1>308 Permanent Redirect</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

describe('ssl-redirect: http to a host with a tls section', () => {
  const s = withIngresses(
    // the Secret does not exist: ingress-nginx uses its default certificate, and still redirects
    ingress('secure', 'secure.example', {
      tls: '\n  tls:\n  - hosts: [secure.example]\n    secretName: missing-cert',
    }),
    ingress('optout', 'optout.example', {
      tls: '\n  tls:\n  - hosts: [optout.example]',
      meta: '\n  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "false"',
    }),
    ingress('forced', 'forced.example', {
      meta: '\n  annotations:\n    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"',
    }),
  )
  it('answers 308 with Location https://<host> (trailing slash dropped, port dropped)', () => {
    const r = send(s, `http://${LB}/`, 'secure.example:80')
    expect(r.pod?.name).toMatch(/^ingress-nginx-controller-/)
    expect(r.response?.status).toBe(308)
    expect(r.response?.reason).toBe('Permanent Redirect')
    expect(r.response?.body).toBe(PAGE_308)
    expect(r.response?.headers.map(([k]) => k)).toEqual([
      'Date',
      'Content-Type',
      'Content-Length',
      'Connection',
      'Location',
    ])
    expect(header(r, 'Content-Length')).toBe('164')
    expect(header(r, 'Location')).toBe('https://secure.example')
    expect(r.cause).toBe('ingress-ssl-redirect')
  })
  it('keeps the rest of the URI and the query; paths without a rule redirect too', () => {
    expect(header(send(s, `http://${LB}/a/b?x=1`, 'secure.example'), 'Location')).toBe(
      'https://secure.example/a/b?x=1',
    )
  })
  it("the trace ends at the controller's redirect, naming the Ingress", () => {
    const r = send(s, `http://${LB}/x`, 'secure.example')
    const last = r.hops.at(-1)
    expect(last?.kind).toBe('ingress')
    expect(last?.label).toBe('secure.example/x: 308 to https://secure.example/x')
    expect(last?.object).toEqual({ kind: 'Ingress', namespace: 'default', name: 'secure' })
  })
  it('https itself is proxied', () => {
    const r = send(s, `https://${LB}/`, 'secure.example')
    expect(r.response?.status).toBe(200)
    expect(r.pod?.name).toMatch(/^blue-/)
  })
  it('ssl-redirect: "false" serves http; force-ssl-redirect redirects without tls', () => {
    expect(send(s, `http://${LB}/`, 'optout.example').response?.status).toBe(200)
    const forced = send(s, `http://${LB}/x`, 'forced.example')
    expect(forced.response?.status).toBe(308)
    expect(header(forced, 'Location')).toBe('https://forced.example/x')
  })
  it('hosts without tls and requests without a known host are not redirected', () => {
    expect(send(s, `http://${LB}/`, 'blue.example').response?.status).toBe(200)
    expect(send(s, `http://${LB}/`, 'nobody.example').response?.status).toBe(404)
  })
})

describe('a path written with a trailing slash', () => {
  const s = withIngresses(ingress('slash', 'slash.example', { path: '/app/' }))
  it('nginx redirects the path without the slash with 301 to the location', () => {
    const r = send(s, `http://${LB}/app?q=1`, 'Slash.example:80')
    expect(r.response?.status).toBe(301)
    expect(r.response?.reason).toBe('Moved Permanently')
    expect(r.response?.headers.map(([k]) => k)).toEqual([
      'Date',
      'Content-Type',
      'Content-Length',
      'Location',
      'Connection',
    ])
    expect(header(r, 'Content-Length')).toBe('162')
    expect(header(r, 'Location')).toBe('http://slash.example/app/?q=1')
    expect(r.cause).toBe('ingress-slash-redirect')
  })
  it('the path with the slash and below it reach the backend', () => {
    expect(send(s, `http://${LB}/app/`, 'slash.example').pod?.name).toMatch(/^blue-/)
    expect(send(s, `http://${LB}/app/x`, 'slash.example').pod?.name).toMatch(/^blue-/)
  })
  it('an Exact or Prefix path without the slash is matched as before', () => {
    const r = send(s, `http://${LB}/app/v2`, 'paths.example')
    expect(r.pod?.name).toMatch(/^echo-/)
    expect(send(s, `http://${LB}/exact`, 'paths.example').pod?.name).toMatch(/^blue-/)
  })
})

describe('curl on the redirect', () => {
  const s = withIngresses(
    ingress('secure', 'secure.example', { tls: '\n  tls:\n  - hosts: [secure.example]' }),
  )
  it('-w %{redirect_url} says where the 308 leads when -L is not given', () => {
    const line = `curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H 'Host: secure.example' http://${LB}/`
    const r = run(cloneJSON(s), line, { now: NOW })
    expect(r.stdout).toBe('308 https://secure.example/')
  })
  it('-L follows it (and the name has no DNS on the workstation)', () => {
    const line = `curl -sSL -H 'Host: secure.example' http://${LB}/`
    const r = run(cloneJSON(s), line, { now: NOW })
    expect(r.stderr).toBe('curl: (6) Could not resolve host: secure.example\n')
  })
})

describe('redirect annotations copied from tutorials', () => {
  const a = (k: string, v: string) => `\n    nginx.ingress.kubernetes.io/${k}: "${v}"`
  const s = withIngresses(
    ingress('approot', 'root.example', { meta: `\n  annotations:${a('app-root', '/app')}` }),
    ingress('moved', 'moved.example', {
      meta: `\n  annotations:${a('permanent-redirect', 'https://new.example/')}`,
    }),
    ingress('temp', 'temp.example', {
      meta: `\n  annotations:${a('temporal-redirect', 'https://other.example')}${a('temporal-redirect-code', '307')}`,
    }),
  )
  it('app-root: / answers 302 to $scheme://$http_host<app-root>; other paths are proxied', () => {
    const r = send(s, `http://${LB}/`, 'root.example:80')
    expect(r.response?.status).toBe(302)
    expect(r.response?.reason).toBe('Moved Temporarily')
    expect(r.response?.body).toContain('<title>302 Found</title>')
    expect(header(r, 'Content-Length')).toBe('138')
    expect(header(r, 'Location')).toBe('http://root.example:80/app')
    expect(send(s, `http://${LB}/app`, 'root.example').pod?.name).toMatch(/^blue-/)
  })
  it('permanent-redirect answers 301 to its URL for every path; temporal-redirect-code is used', () => {
    const r = send(s, `http://${LB}/any/path`, 'moved.example')
    expect(r.response?.status).toBe(301)
    expect(header(r, 'Location')).toBe('https://new.example/')
    expect(r.response?.headers.map(([k]) => k).slice(-2)).toEqual(['Connection', 'Location'])
    const t = send(s, `http://${LB}/`, 'temp.example')
    expect(t.response?.status).toBe(307)
    expect(header(t, 'Location')).toBe('https://other.example')
  })
})
