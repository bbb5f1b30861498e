// The controller's log after a 503: ingress-nginx warns about a backend Service that does not
// exist or has no ready endpoint each time it syncs (INGRESS-FACTS I24; controller.go
// createUpstreams, serviceEndpoints).
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { cloneJSON, type ClusterState } from '../../../worker/sim/state'
import { ingressCluster, NOW } from './fixture'

const LOGS = 'kubectl logs -n ingress-nginx deploy/ingress-nginx-controller'
const warnings = (s: ClusterState, at: number) =>
  run(cloneJSON(s), LOGS, { now: at })
    .stdout.split('\n')
    .filter((l) => l.startsWith('W'))

function step(s: ClusterState, line: string, at: number): ClusterState {
  const r = run(s, line, { now: at })
  expect(r.exitCode, r.stderr).toBe(0)
  return r.state
}

describe('upstream warnings in the controller log', () => {
  it('names a missing backend Service when the Ingress is synced', () => {
    const t = NOW + 5_000
    const s = step(
      cloneJSON(ingressCluster()),
      'kubectl create ingress lost --class=nginx --rule=lost.example/*=nosuch:80',
      t,
    )
    const w = warnings(s, t + 1_000)
    expect(w.at(-1)).toMatch(
      /^W\d{4} \d\d:\d\d:\d\d\.\d{6} {7}7 controller\.go:1113\] Error obtaining Endpoints for Service "default\/nosuch": no object matching key "default\/nosuch" in local store$/,
    )
  })
  it('names a Service whose pods went away, once, when its endpoints change', () => {
    const t = NOW + 5_000
    const line = 'controller.go:1219] Service "default/magic" does not have any active Endpoint.'
    const count = (s: ClusterState, at: number) =>
      warnings(s, at).filter((l) => l.endsWith(line)).length
    const before = count(ingressCluster(), t)
    const s = step(cloneJSON(ingressCluster()), 'kubectl scale deployment magic --replicas=0', t)
    expect(count(s, t + 1_000)).toBe(before + 1)
    const later = step(s, 'kubectl get pods', t + 10_000)
    expect(count(later, t + 11_000)).toBe(before + 1)
  })
  it('names a tls Secret that does not exist, and the default certificate used instead', () => {
    const t = NOW + 5_000
    const s = step(
      cloneJSON(ingressCluster()),
      'kubectl create ingress sec --class=nginx --rule=sec.example/*=echo:8080,tls=my-cert',
      t,
    )
    const w = warnings(s, t + 1_000).map((l) => l.replace(/^W\d{4} [\d:.]+ +7 /, ''))
    expect(w).toContain(
      'backend_ssl.go:47] Error obtaining X.509 certificate: no object matching key "default/my-cert" in local store',
    )
    expect(w.at(-1)).toBe(
      'controller.go:1441] Error getting SSL certificate "default/my-cert": local SSL certificate default/my-cert was not found. Using default certificate',
    )
  })
})
