// curl -iLv across a redirect, as a terminal shows it: each hop's -v trace and its headers in the
// order curl writes them (each header on stdout right after its `< ` trace line), hop 1 entirely
// before hop 2; the --resolve entries are loaded once, not again for the followed URL.
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW } from './fixture'

let s: ClusterState

beforeAll(() => {
  const slash = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: slash
spec:
  ingressClassName: nginx
  rules:
  - host: slash.example
    http:
      paths:
      - path: /app/
        pathType: Prefix
        backend: {service: {name: echo, port: {number: 8080}}}
`
  s = run(cloneJSON(ingressCluster()), 'kubectl apply -f -', { now: NOW, stdin: slash }).state
})

describe('curl -iLv through a 301', () => {
  it('writes hop 1 (trace and headers) before hop 2', () => {
    const r = run(
      cloneJSON(s),
      `curl -siLv --resolve slash.example:80:${LB} http://slash.example/app`,
      { now: NOW + 30_000 },
    )
    expect(r.exitCode).toBe(0)
    const screen = r.output.map((o) => o.text).join('')
    const hop2 = screen.indexOf("* Issue another request to this URL: 'http://slash.example/app/'")
    expect(hop2).toBeGreaterThan(0)
    // hop 1's status line on stdout right after its trace line, all before hop 2 starts
    expect(
      screen.indexOf('< HTTP/1.1 301 Moved Permanently\r\nHTTP/1.1 301 Moved Permanently\r\n<'),
    ).toBeGreaterThan(0)
    expect(screen.indexOf('HTTP/1.1 301 Moved Permanently\r\n')).toBeLessThan(hop2)
    expect(screen.indexOf('Location: http://slash.example/app/\r\n')).toBeLessThan(hop2)
    expect(screen.indexOf('< HTTP/1.1 200 OK\r\nHTTP/1.1 200 OK\r\n')).toBeGreaterThan(hop2)
    // the headers' blank line comes before the trace's `< `
    expect(screen).toContain('Connection: keep-alive\r\n\r\n< \r\n')
    expect(screen.match(/\* Added slash\.example:80:/g)).toHaveLength(1)
    // stdout alone is what a pipe would get: both header blocks, then the body
    expect(r.stdout).toMatch(/^HTTP\/1\.1 301 [^]*\r\n\r\nHTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nNOW: /)
  })
})
