import { describe, expect, it } from 'vitest'
import { MY_SERVICE, MY_SERVICE_ENDPOINTS } from '../../worker/labs/notes'
import type { ClusterState } from '../../worker/sim/state'
import { apply, completedAt, endpointsYaml, expectDone, expectUndone, readyIPs } from './helpers'
import { allTasks, describeTranscript, playTranscript, type Step } from './transcript'

const APP = { app: 'nginx-1.1' }
const LOOP =
  'for i in 1 2 3 4 5 6 7 8 9 10; do kubectl exec access-pod -- curl -s --connect-timeout 2 my-service:8080 | grep -i served; done'
const myEndpoints =
  (port = 80, name = 'my-service') =>
  (s: ClusterState) =>
    apply(endpointsYaml(name, readyIPs(s, APP), port))

const START: Step[] = [
  'kubectl get pods -o wide',
  apply(MY_SERVICE),
  'kubectl get service my-service',
  'kubectl get endpoints my-service',
]
const INSTALL: Step[] = [
  'kubectl exec access-pod -- apt-get update',
  'kubectl exec access-pod -- apt-get install -y curl',
]

describe('lab clusterip-endpoints', () => {
  it.each([1, 2, 3])('is completed by the commands of its instructions (seed %i)', (seed) => {
    const t = playTranscript(
      'clusterip-endpoints',
      [
        ...START,
        myEndpoints(),
        'kubectl get endpoints my-service',
        'kubectl describe service my-service',
        ...INSTALL,
        'kubectl exec access-pod -- curl -s my-service:8080',
        LOOP,
        LOOP,
        "kubectl delete pod $(kubectl get pods -l app=nginx-1.1 -o jsonpath='{.items[0].metadata.name}')",
        'kubectl get pods -o wide',
        'kubectl get endpoints my-service',
        LOOP,
        LOOP,
        myEndpoints(),
        LOOP,
      ],
      { seed },
    )
    expectDone(t, allTasks('clusterip-endpoints'))
    expect(completedAt(t, 'create-service'), describeTranscript(t)).toBe(1)
    expect(completedAt(t, 'write-endpoints')).toBe(4)
    expect(completedAt(t, 'curl-service')).toBe(9)
    expect(completedAt(t, 'fix-endpoints')).toBe(17)
    expect(completedAt(t, 'stale-endpoint')).toBeGreaterThanOrEqual(15)
  })

  it("near miss: Endpoints on the Service port 8080 instead of the pods' port 80", () => {
    const t = playTranscript('clusterip-endpoints', [
      ...START,
      myEndpoints(8080),
      ...INSTALL,
      'kubectl exec access-pod -- curl -s my-service:8080',
      LOOP,
    ])
    expectUndone(t, 'write-endpoints')
    expectUndone(t, 'curl-service')
    expectUndone(t, 'load-balanced')
  })

  it("near miss: the notes' Endpoints applied with the notes' example IPs", () => {
    const t = playTranscript('clusterip-endpoints', [
      ...START,
      apply(MY_SERVICE_ENDPOINTS),
      ...INSTALL,
      LOOP,
    ])
    expect(t.outputs[4]?.stdout).toBe('endpoints/my-service created\n')
    expect(t.outputs[7]?.stderr).toContain('command terminated with exit code 28')
    expectUndone(t, 'write-endpoints')
    expectUndone(t, 'curl-service')
    expectUndone(t, 'stale-endpoint')
  })

  it('near miss: Endpoints under another name than the Service', () => {
    const t = playTranscript('clusterip-endpoints', [
      ...START,
      myEndpoints(80, 'my-endpoints'),
      ...INSTALL,
      LOOP,
    ])
    expectUndone(t, 'write-endpoints')
    expectUndone(t, 'curl-service')
  })

  it('near miss: curling the Service from the workstation instead of a pod', () => {
    const t = playTranscript('clusterip-endpoints', [
      ...START,
      myEndpoints(),
      'curl -s my-service:8080',
      "curl --connect-timeout 5 $(kubectl get service my-service -o jsonpath='{.spec.clusterIP}'):8080",
    ])
    expect(t.done).toEqual(['create-service', 'write-endpoints'])
    expectUndone(t, 'curl-service')
  })

  it('near miss: rewriting the Endpoints before ever seeing the stale one time out', () => {
    const t = playTranscript('clusterip-endpoints', [
      ...START,
      myEndpoints(),
      ...INSTALL,
      LOOP,
      "kubectl delete pod $(kubectl get pods -l app=nginx-1.1 -o jsonpath='{.items[0].metadata.name}')",
      'kubectl get pods -o wide',
      'kubectl get pods -o wide',
      myEndpoints(),
      LOOP,
    ])
    expect(t.done).toContain('write-endpoints')
    expectUndone(t, 'stale-endpoint')
    expectUndone(t, 'fix-endpoints')
  })
})
