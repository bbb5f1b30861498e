// Two Ingresses created in the same second that claim one host and path: ingress-nginx's store
// order (store.go sortIngressSlice: creationTimestamp, then namespace/name in reverse) decides which
// one nginx routes to, and the admission webhook names that same Ingress when a third one asks.
import { describe, expect, it } from 'vitest'
import { ingressCluster, LB, NOW, send } from './fixture'
import { cloneJSON } from '../../../worker/sim/state'
import { run } from '../../../worker/sim/run'
import type { Ingress } from '../../../worker/sim/objects/types'

const rule = (service: string, port: number) => ({
  host: 'tie.example',
  http: {
    paths: [
      {
        path: '/',
        pathType: 'Prefix',
        backend: { service: { name: service, port: { number: port } } },
      },
    ],
  },
})

function tied() {
  const s = cloneJSON(ingressCluster())
  const base = s.objects['Ingress/default/hosts'] as Ingress
  const at = '2026-12-06T03:00:30Z'
  for (const [name, svc, port] of [
    ['tie-a', 'blue', 8080],
    ['tie-b', 'magic', 80],
  ] as const) {
    const ing = cloneJSON(base)
    ing.metadata = { ...ing.metadata, name, uid: `uid-${name}`, creationTimestamp: at }
    ing.spec = { ingressClassName: 'nginx', rules: [rule(svc, port)] } as Ingress['spec']
    s.objects[`Ingress/default/${name}`] = ing
  }
  return s
}

describe('ingress-nginx store order on a creationTimestamp tie', () => {
  it('nginx routes to the Ingress last in name order, and the webhook names that one', () => {
    const s = tied()
    const r = send(s, `http://${LB}/`, 'tie.example')
    expect(r.outcome).toBe('answered')
    expect(r.response?.body).toContain('Magical Nginx')
    const third = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: tie-c
spec:
  ingressClassName: nginx
  rules:
  - host: tie.example
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: blue
            port:
              number: 8080
`
    const denied = run(s, 'kubectl apply -f -', { now: NOW + 60_000, stdin: third })
    expect(denied.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "tie.example" and path "/" is already defined in ingress default/tie-b\n',
    )
  })
})
