// spec.defaultBackend in ingress-nginx (INGRESS-FACTS I22): alone it catches every host no rule
// names; beside rules it is only the fallback of that Ingress's own hosts.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON } from '../../../worker/sim/state'
import { ingressCluster, LB, NOW, send } from './fixture'

const withFallback = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: fallback
spec:
  ingressClassName: nginx
  defaultBackend:
    service:
      name: magic
      port:
        number: 80
  rules:
  - host: fb.example
    http:
      paths:
      - path: /hostname
        pathType: Prefix
        backend:
          service:
            name: echo
            port:
              number: 8080
`
const catchAll = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: catch-all
spec:
  ingressClassName: nginx
  defaultBackend:
    service:
      name: blue
      port:
        number: 8080
`

function backend(r: ReturnType<typeof send>): string {
  return `${r.pod?.name.split('-')[0]} ${r.response?.status}`
}

describe('defaultBackend', () => {
  it('beside rules: the fallback of its own hosts only', () => {
    const s = cloneJSON(ingressCluster())
    const r = run(s, 'kubectl apply -f -', { now: NOW + 1_000, stdin: withFallback, owned: true })
    expect(r.stderr).toBe('')
    expect(backend(send(s, `http://${LB}/hostname`, 'fb.example'))).toBe('echo 200')
    const fb = send(s, `http://${LB}/other`, 'fb.example')
    expect(backend(fb)).toBe('magic 404')
    expect(fb.hops.find((h) => h.kind === 'ingress')?.detail).toBe('spec.defaultBackend')
    expect(backend(send(s, `http://${LB}/`, 'nobody.example'))).toBe('ingress 404')
  })

  it('alone: the catch-all for hosts no rule names, not for hosts that have rules', () => {
    const s = cloneJSON(ingressCluster())
    const r = run(s, 'kubectl apply -f -', { now: NOW + 1_000, stdin: catchAll, owned: true })
    expect(r.stderr).toBe('')
    expect(backend(send(s, `http://${LB}/`, 'nobody.example'))).toBe('blue 200')
    expect(backend(send(s, `http://${LB}/`))).toBe('blue 200')
    expect(backend(send(s, `http://${LB}/index.html`, 'paths.example'))).toBe('ingress 404')
  })
  it("a host's fallback is decided by its oldest Ingress, even when that one has none", () => {
    const s = cloneJSON(ingressCluster())
    // an older Ingress for fb.example without a defaultBackend (createServers: the first
    // Ingress naming a host builds its root location)
    const plain = withFallback
      .replace('name: fallback', 'name: plain')
      .replace(/ {2}defaultBackend:\n( {4}.*\n){4}/, '')
      .replace('/hostname', '/clientip')
    const a = run(s, 'kubectl apply -f -', { now: NOW + 1_000, stdin: plain, owned: true })
    expect(a.stderr).toBe('')
    const b = run(s, 'kubectl apply -f -', { now: NOW + 3_000, stdin: withFallback, owned: true })
    expect(b.stderr).toBe('')
    expect(backend(send(s, `http://${LB}/hostname`, 'fb.example'))).toBe('echo 200')
    expect(backend(send(s, `http://${LB}/other`, 'fb.example'))).toBe('ingress 404')
  })
})
