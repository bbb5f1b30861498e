// A new controller pod (the old one deleted) lists every Ingress when it starts: its own log has
// the "Found valid IngressClass" lines and each served Ingress gets another Sync event (store.go
// AddFunc on the informer's first list).
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON } from '../../../worker/sim/state'
import { ingressCluster, NOW } from './fixture'

describe('the ingress-nginx controller pod replaced', () => {
  it("the new pod's log lists the served Ingresses, and each gets a Sync event", () => {
    const del = run(
      cloneJSON(ingressCluster()),
      'kubectl delete pod -n ingress-nginx -l app.kubernetes.io/component=controller',
      { now: NOW + 5_000 },
    )
    expect(del.exitCode).toBe(0)
    const at = NOW + 60_000
    const logs = run(
      cloneJSON(del.state),
      'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller',
      { now: at },
    )
    const found = logs.stdout.split('\n').filter((l) => l.includes('"Found valid IngressClass"'))
    expect(found.map((l) => /ingress="([^"]+)"/.exec(l)?.[1])).toEqual([
      'default/hosts',
      'default/paths',
      'default/regex',
    ])
    const before = run(cloneJSON(ingressCluster()), 'kubectl describe ingress paths', { now: at })
    const after = run(cloneJSON(del.state), 'kubectl describe ingress paths', { now: at })
    const count = (out: string) => Number(/\(x(\d+) over/.exec(out)?.[1] ?? 1)
    expect(count(after.stdout)).toBe(count(before.stdout) + 1)
  })
})
