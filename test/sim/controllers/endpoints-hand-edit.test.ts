// KUBERNETES-FACTS C1: the endpoints controller watches Services and Pods, and only deletions of
// Endpoints. A hand edit of a selector Service's Endpoints stays until that Service syncs again;
// kube-proxy follows the EndpointSlices, so traffic never goes to the hand-written address.

import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from '../shell/fixture'

const HAND = `apiVersion: v1
kind: Endpoints
metadata:
  name: my-blue-service
subsets:
- addresses:
  - ip: 10.244.9.9
  ports:
  - port: 80
`
const WARNING =
  'Warning: resource endpoints/my-blue-service is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n'
const IPS = `kubectl get endpoints my-blue-service -o jsonpath='{.subsets[*].addresses[*].ip}'`

/** A learner at the terminal: each line a little later than the one before. */
function terminal(s: ClusterState) {
  let now = T0 + 130_000
  return (line: string, stdin?: string) => {
    now += 5_000
    const r = run(s, line, { now, stdin, owned: true })
    s = r.state
    return r
  }
}

describe('a hand-applied Endpoints over a selector Service', () => {
  it('is configured with the last-applied warning and kept until the Service syncs again', () => {
    const sh = terminal(scenario(21))
    const podIPs = sh(IPS).stdout
    expect(podIPs).toMatch(/^10\.244\.\d+\.\d+ 10\.244\.\d+\.\d+$/)

    const applied = sh('kubectl apply -f -', HAND)
    expect(applied.stdout).toBe('endpoints/my-blue-service configured\n')
    expect(applied.stderr).toBe(WARNING)
    expect(applied.exitCode).toBe(0)

    // time passes, other commands run, pods stay as they are: the hand edit stays
    sh('kubectl get pods')
    sh('kubectl get svc')
    expect(sh(IPS).stdout).toBe('10.244.9.9')
    expect(sh('kubectl get endpoints my-blue-service').stdout).toMatch(
      /^NAME {14}ENDPOINTS {7}AGE\nmy-blue-service {3}10\.244\.9\.9:80 {3}\S+\n$/,
    )

    // traffic still goes to the pods: kube-proxy reads the EndpointSlices
    for (let i = 0; i < 4; i++) {
      const r = sh('kubectl exec cc -- curl -s -m 2 my-blue-service:8080')
      expect(r.exitCode).toBe(0)
      expect(r.stdout).not.toBe('')
    }
    expect(
      sh(
        `kubectl get endpointslices -l kubernetes.io/service-name=my-blue-service -o jsonpath='{.items[*].endpoints[*].addresses[*]}'`,
      )
        .stdout.split(' ')
        .sort(),
    ).toEqual(podIPs.split(' ').sort())

    // a matching pod change (scale) syncs the Service: the controller's version is back
    expect(sh('kubectl scale deployment nginx-deployment-3 --replicas=2').exitCode).toBe(0)
    const synced = sh(IPS).stdout
    expect(synced).not.toContain('10.244.9.9')
    expect(synced.split(' ').length).toBeGreaterThanOrEqual(2)
  })

  it('is overwritten when the Service itself changes', () => {
    const sh = terminal(scenario(22))
    sh('kubectl apply -f -', HAND)
    expect(sh(IPS).stdout).toBe('10.244.9.9')
    expect(sh('kubectl label service my-blue-service tier=web').exitCode).toBe(0)
    expect(sh(IPS).stdout).toMatch(/^10\.244\.\d+\.\d+ 10\.244\.\d+\.\d+$/)
  })

  it('comes back as the controller made it at once when deleted', () => {
    const sh = terminal(scenario(23))
    const podIPs = sh(IPS).stdout
    sh('kubectl apply -f -', HAND)
    expect(sh('kubectl delete endpoints my-blue-service').stdout).toBe(
      'endpoints "my-blue-service" deleted\n',
    )
    expect(sh(IPS).stdout).toBe(podIPs)
  })
})
