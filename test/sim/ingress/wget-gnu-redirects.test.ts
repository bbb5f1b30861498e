// GNU wget (the workstation's) follows redirects as wget 1.21 does: `Location: ... [following]`,
// then the next URL's block, reusing the kept-alive connection when it goes to the same address;
// the file is named after the URL typed; more than 20 redirects is an error (exit 8).
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW } from './fixture'

let s: ClusterState
const ADD = `echo '${LB} slash.example' | sudo tee -a /etc/hosts >/dev/null`

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
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: loop
  annotations:
    nginx.ingress.kubernetes.io/permanent-redirect: http://slash.example/loop
spec:
  ingressClassName: nginx
  rules:
  - host: slash.example
    http:
      paths:
      - path: /loop
        pathType: Prefix
        backend: {service: {name: echo, port: {number: 8080}}}
`
  const r = run(cloneJSON(ingressCluster()), 'kubectl apply -f -', { now: NOW, stdin: slash })
  expect(r.exitCode).toBe(0)
  s = r.state
})

const sh = (line: string) => run(cloneJSON(s), line, { now: NOW + 30_000 })

describe('GNU wget and redirects', () => {
  it('follows nginx 301 for a path without its trailing slash', () => {
    const r = sh(`${ADD}; wget http://slash.example/app; ls`)
    const log = r.stderr.split('\n')
    expect(log.slice(0, 5)).toEqual([
      expect.stringMatching(/^--2026-12-06 03:00:30-- {2}http:\/\/slash\.example\/app$/),
      `Resolving slash.example (slash.example)... ${LB}`,
      `Connecting to slash.example (slash.example)|${LB}|:80... connected.`,
      'HTTP request sent, awaiting response... 301 Moved Permanently',
      'Location: http://slash.example/app/ [following]',
    ])
    expect(log.slice(5, 8)).toEqual([
      expect.stringMatching(/^--2026-12-06 03:00:30-- {2}http:\/\/slash\.example\/app\/$/),
      'Reusing existing connection to slash.example:80.',
      'HTTP request sent, awaiting response... 200 OK',
    ])
    expect(r.stderr).toContain('Saving to: ‘app’')
    expect(r.stdout).toBe('app\n')
    expect(r.exitCode).toBe(0)
  })

  it('gives up after 20 redirects with exit 8', () => {
    const r = sh(`${ADD}; wget -O /dev/null http://slash.example/loop`)
    expect(r.stderr.match(/\[following\]/g)).toHaveLength(21)
    expect(
      r.stderr.endsWith(
        'Location: http://slash.example/loop [following]\n20 redirections exceeded.\n',
      ),
    ).toBe(true)
    expect(r.exitCode).toBe(8)
  })
})
