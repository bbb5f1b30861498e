// The redirect annotations as ingress-nginx 1.12 reads them (annotations/redirect, rewrite
// app-root, parser validators) and as nginx answers the `return` they render: which URLs and
// codes are taken, what the admission webhook refuses, and what curl -i shows for each code.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW, send } from './fixture'

const a = (k: string, v: string) => `\n    nginx.ingress.kubernetes.io/${k}: "${v}"`
const ingress = (name: string, host: string, annotations: string) =>
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations:${annotations}
spec:
  ingressClassName: nginx
  rules:
  - ${host ? `host: ${host}\n    ` : ''}http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: blue
            port:
              number: 8080
`

function apply(...yaml: string[]) {
  return run(cloneJSON(ingressCluster()), 'kubectl apply -f -', {
    now: NOW,
    stdin: yaml.join('---\n'),
  })
}

function withIngresses(...yaml: string[]): ClusterState {
  const r = apply(...yaml)
  expect(r.stderr).toBe('')
  return r.state
}

const header = (r: ReturnType<typeof send>, name: string) =>
  r.response?.headers.find(([k]) => k === name)?.[1]
const proxied = (r: ReturnType<typeof send>) => r.pod?.name.startsWith('blue-') === true

describe('which redirect URLs ingress-nginx takes', () => {
  const s = withIngresses(
    ingress('rel', 'rel.example', a('permanent-redirect', '/new/place')),
    ingress('bare', 'bare.example', a('permanent-redirect', 'new.example')),
    ingress('ftp', 'ftp.example', a('temporal-redirect', 'ftp://files.example/x')),
    ingress('port', 'badport.example', a('temporal-redirect', 'http://other.example:abc/')),
    ingress('nohost', 'nohost.example', a('temporal-redirect', 'HTTPS:other.example')),
    ingress(
      'both',
      'both.example',
      a('temporal-redirect', '/tmp') + a('permanent-redirect', 'https://new.example'),
    ),
  )
  it('permanent-redirect is not checked as a URL: a path becomes an absolute Location', () => {
    const r = send(s, `http://${LB}/any`, 'REL.example:80')
    expect(r.response?.status).toBe(301)
    expect(header(r, 'Location')).toBe('http://rel.example/new/place')
    // nginx writes a Location it made absolute itself before Connection
    expect(r.response?.headers.map(([k]) => k).slice(-2)).toEqual(['Location', 'Connection'])
    expect(header(send(s, `http://${LB}/`, 'bare.example'), 'Location')).toBe('new.example')
  })
  it('temporal-redirect needs a scheme starting with http (case-insensitive), no host', () => {
    expect(proxied(send(s, `http://${LB}/`, 'ftp.example'))).toBe(true)
    expect(proxied(send(s, `http://${LB}/`, 'badport.example'))).toBe(true)
    const r = send(s, `http://${LB}/`, 'nohost.example')
    expect(r.response?.status).toBe(302)
    expect(header(r, 'Location')).toBe('HTTPS:other.example')
  })
  it('an invalid temporal-redirect drops the permanent-redirect beside it', () => {
    expect(proxied(send(s, `http://${LB}/`, 'both.example'))).toBe(true)
  })
})

describe('the admission webhook refuses values their validator refuses', () => {
  const denied = (name: string) =>
    `Error from server (BadRequest): error when creating "STDIN": admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: annotation nginx.ingress.kubernetes.io/${name} contains invalid value\n`
  it('a URL with a character outside [-._~/:,?&=] and alphanumerics', () => {
    const r = apply(
      ingress('frag', 'frag.example', a('permanent-redirect', 'https://x.example/#top')),
    )
    expect(r.stderr).toBe(denied('permanent-redirect'))
    expect(r.exitCode).toBe(1)
    const t = apply(ingress('sp', 'sp.example', a('temporal-redirect', 'https://x.example/a b')))
    expect(t.stderr).toBe(denied('temporal-redirect'))
  })
  it('a code that is not an integer, even without the redirect it belongs to', () => {
    const r = apply(ingress('code', 'code.example', a('permanent-redirect-code', '30x')))
    expect(r.stderr).toBe(denied('permanent-redirect-code'))
    // temporal-redirect-code is read only with a temporal-redirect
    expect(apply(ingress('tc', 'tc.example', a('temporal-redirect-code', 'x'))).stderr).toBe('')
  })
})

describe('codes, and what nginx sends for each', () => {
  const s = withIngresses(
    ingress(
      't300',
      't300.example',
      a('temporal-redirect', 'https://x.example') + a('temporal-redirect-code', '300'),
    ),
    ingress(
      'p304',
      'p304.example',
      a('permanent-redirect', 'https://x.example') + a('permanent-redirect-code', '304'),
    ),
    ingress(
      't303',
      't303.example',
      a('temporal-redirect', 'https://x.example') + a('temporal-redirect-code', '303'),
    ),
    ingress(
      't308',
      't308.example',
      a('temporal-redirect', 'https://x.example') + a('temporal-redirect-code', '308'),
    ),
    ingress(
      'plus',
      'plus.example',
      a('permanent-redirect', 'https://x.example') + a('permanent-redirect-code', '+307'),
    ),
  )
  const curl = (host: string, path = '/') =>
    run(cloneJSON(s), `curl -si -H 'Host: ${host}' http://${LB}${path}`, { now: NOW }).stdout
  it('300: no reason phrase, no Location, the URL as the body', () => {
    const out = curl('t300.example')
    expect(out).toMatch(
      /^HTTP\/1\.1 300 \r\nDate: .+\r\nContent-Type: text\/html\r\nContent-Length: 17\r\nConnection: keep-alive\r\n\r\nhttps:\/\/x\.example$/,
    )
    expect(curl('t300.example', '/data.json')).toContain('Content-Type: application/json\r\n')
  })
  it("304: Not Modified, the URL's length but no body", () => {
    expect(curl('p304.example')).toMatch(
      /^HTTP\/1\.1 304 Not Modified\r\n.*Content-Length: 17\r\nConnection: keep-alive\r\n\r\n$/s,
    )
  })
  it("303 redirects; 308 is out of temporal-redirect-code's range (302); +307 is 307", () => {
    expect(curl('t303.example')).toMatch(
      /^HTTP\/1\.1 303 See Other\r\n[^]*Location: https:\/\/x\.example\r\n/,
    )
    expect(curl('t308.example')).toMatch(/^HTTP\/1\.1 302 Moved Temporarily\r\n/)
    expect(curl('plus.example')).toMatch(/^HTTP\/1\.1 307 Temporary Redirect\r\n/)
  })
})

describe('app-root is per location', () => {
  const s = withIngresses(
    ingress('anyhost', '', a('app-root', '/app')),
    ingress('query', 'query.example', a('app-root', '/app?x=1')),
    ingress('abs', 'abs.example', a('app-root', 'http://x.example/app')),
    ingress('rel', 'rel.example', a('app-root', 'app')),
  )
  it('host-less rules: a request for / on the catch-all server is redirected too', () => {
    const r = send(s, `http://${LB}/`)
    expect(r.response?.status).toBe(302)
    expect(header(r, 'Location')).toBe(`http://${LB}/app`)
    expect(proxied(send(s, `http://${LB}/app`))).toBe(true)
  })
  it('a value with ? or an absolute URL is ignored', () => {
    expect(proxied(send(s, `http://${LB}/`, 'query.example'))).toBe(true)
    expect(proxied(send(s, `http://${LB}/`, 'abs.example'))).toBe(true)
  })
  it('the controller log says why it ignored one', () => {
    const logs = run(
      cloneJSON(s),
      'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller',
      {
        now: NOW + 1_000,
      },
    ).stdout
    const warnings = logs
      .split('\n')
      .filter((l) => l.startsWith('W') && l.includes('app-root'))
      .map((l) => l.replace(/^W\d{4} [\d:.]+ +7 /, ''))
    expect(warnings).toEqual([
      'validators.go:243] validation error on ingress default/query: annotation app-root contains invalid value /app?x=1',
      'main.go:186] Annotation app-root contains an invalid value: annotation nginx.ingress.kubernetes.io/app-root contains invalid value',
      'main.go:200] Annotation app-root only allows absolute paths (http://x.example/app)',
      'main.go:194] Annotation app-root contains an invalid value: parse "app": invalid URI for request',
    ])
  })
})
