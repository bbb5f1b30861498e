// busybox wget from a pod through the controller's ClusterIP, as learners test an Ingress from
// inside the cluster: --header 'Host: ...' replaces wget's own Host (networking/wget.c
// wget_user_headers), 301-303 are followed, and 307/308 from busybox 1.34 (errors before).
import { beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, NOW } from './fixture'

const LATER = NOW + 30_000
let s: ClusterState
const CONTROLLER = 'ingress-nginx-controller.ingress-nginx'

beforeAll(() => {
  const slash = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: slash
spec:
  ingressClassName: nginx
  tls:
  - hosts: [secure.example]
  rules:
  - host: slash.example
    http:
      paths:
      - path: /app/
        pathType: Prefix
        backend: {service: {name: echo, port: {number: 8080}}}
  - host: secure.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: echo, port: {number: 8080}}}
`
  let r = run(cloneJSON(ingressCluster()), 'kubectl apply -f -', { now: NOW, stdin: slash })
  r = run(r.state, 'kubectl run bb --image=busybox -- sleep 3600', { now: NOW })
  expect(r.exitCode).toBe(0)
  s = r.state
})
const sh = (line: string) => run(cloneJSON(s), line, { now: LATER })

describe('busybox wget through ingress-nginx', () => {
  it("--header 'Host: ...' picks the host rule, before or after the URL", () => {
    const before = sh(
      `kubectl exec bb -- wget -qO- --header 'Host: echo.example' ${CONTROLLER}/hostname`,
    )
    expect(before.stdout).toMatch(/^echo-[a-z0-9]+-[a-z0-9]{5}$/)
    const after = sh(
      `kubectl exec bb -- wget -qO- ${CONTROLLER}/hostname --header='Host: echo.example'`,
    )
    expect(after.stdout).toMatch(/^echo-[a-z0-9]+-[a-z0-9]{5}$/)
  })
  it('follows the 301 to the absolute Location, whose name has no DNS', () => {
    const r = sh(`kubectl exec bb -- wget -O- --header 'Host: slash.example' ${CONTROLLER}/app`)
    expect(r.stderr).toMatch(
      /^Connecting to ingress-nginx-controller\.ingress-nginx \(10\.\d+\.\d+\.\d+:80\)\nwget: bad address 'slash\.example'\n/,
    )
  })
  it('busybox 1.36 follows a 308 (to https://secure.example/, a name with no DNS)', () => {
    const r = sh(`kubectl exec bb -- wget -q -O- --header 'Host: secure.example' ${CONTROLLER}/`)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      "wget: bad address 'secure.example'\ncommand terminated with exit code 1\n",
    )
  })
  it('busybox 1.27 (magicalnginx) calls a 308 an error', () => {
    const started = run(cloneJSON(s), 'kubectl run old --image=anshuldevops/magicalnginx', {
      now: LATER,
    }).state
    const r = run(
      started,
      `kubectl exec old -- wget -q -O- --header 'Host: secure.example' ${CONTROLLER}/`,
      { now: LATER + 60_000 },
    )
    expect(r.stderr).toBe(
      'wget: server returned error: HTTP/1.1 308 Permanent Redirect\ncommand terminated with exit code 1\n',
    )
  })
})

describe('GNU wget on the workstation', () => {
  it("--header 'Host: ...' replaces its Host header", () => {
    const r = sh(`wget -qO- --header 'Host: echo.example' http://172.18.255.200/hostname`)
    expect(r.stdout).toMatch(/^echo-[a-z0-9]+-[a-z0-9]{5}$/)
  })
})
