import { describe, expect, it } from 'vitest'
import { ACCESS_POD } from '../../worker/labs/notes'
import type { ClusterState } from '../../worker/sim/state'
import { apply, completedAt, expectDone, expectUndone, readyIPs } from './helpers'
import { allTasks, describeTranscript, playTranscript, type Step } from './transcript'

const APP = { app: 'nginx-1.0' }
const IP = `$(kubectl get pods -l app=nginx-1.0 -o jsonpath='{.items[0].status.podIP}')`

/** Steps 1-4 of the instructions; `old` receives the IP the learner noted in step 1. */
function upToRecreate(noted: { ip?: string }): Step[] {
  return [
    (s: ClusterState) => {
      noted.ip = readyIPs(s, APP)[0]
      return 'kubectl get pods -o wide'
    },
    `curl --connect-timeout 5 ${IP}`,
    apply(ACCESS_POD),
    'kubectl get pods',
    `kubectl exec access-pod -- curl -s ${IP}`,
    'kubectl exec access-pod -- apt-get update',
    'kubectl exec access-pod -- apt-get install -y curl',
    `kubectl exec access-pod -- curl -s ${IP}`,
    'kubectl delete pod -l app=nginx-1.0',
    'kubectl get pods -o wide',
  ]
}

describe('lab pod-ips', () => {
  it.each([1, 2, 3])(
    'is completed by the commands of its instructions, each task at its own step (seed %i)',
    (seed) => {
      const noted: { ip?: string } = {}
      const t = playTranscript(
        'pod-ips',
        [
          ...upToRecreate(noted),
          () => `kubectl exec access-pod -- curl --connect-timeout 5 ${noted.ip}`,
          `kubectl exec access-pod -- curl -s ${IP}`,
        ],
        { seed },
      )
      expectDone(t, allTasks('pod-ips'))
      const at = (task: string) => completedAt(t, task)
      expect(at('find-pod-ip'), describeTranscript(t)).toBe(0)
      expect(at('outside-fails')).toBe(1)
      expect(at('inside-works')).toBe(7)
      expect(at('new-ip')).toBe(9)
      expect(at('old-ip-times-out')).toBe(10)
      expect(at('new-ip-works')).toBe(11)
      expect(t.outputs[4]?.stderr).toContain('executable file not found in $PATH')
      expect(t.outputs[10]?.exitCode).toBe(28)
    },
  )

  it('counts another client pod and wget as well as access-pod and curl', () => {
    const noted: { ip?: string } = {}
    const t = playTranscript('pod-ips', [
      (s: ClusterState) => {
        noted.ip = readyIPs(s, APP)[0]
        return 'kubectl get pods -o wide'
      },
      'kubectl run box --image=busybox:1.36 --command -- sleep 3600',
      `kubectl exec box -- wget -qO- ${IP}`,
      'kubectl delete pod -l app=nginx-1.0',
      'kubectl get pods -o wide',
      () => `kubectl exec box -- wget -T 5 -qO- ${noted.ip}`,
      `kubectl exec box -- wget -qO- ${IP}`,
    ])
    expect(t.done, describeTranscript(t)).toEqual([
      'find-pod-ip',
      'inside-works',
      'new-ip',
      'old-ip-times-out',
      'new-ip-works',
    ])
  })

  it('near miss: an IP noted before a reset is not the old IP of the new cluster', () => {
    const ip = (out: string | undefined) => / (10\.244\.\d+\.\d+) /.exec(out ?? '')?.[1]
    const t = playTranscript('pod-ips', [
      'kubectl delete pod -l app=nginx-1.0',
      'kubectl get pods -o wide',
      { reset: true },
      'kubectl get pods -o wide',
    ])
    expect(ip(t.outputs[1]?.stdout)).not.toBe(ip(t.outputs[2]?.stdout))
    expect(t.done, describeTranscript(t)).toEqual(['find-pod-ip'])
  })

  it('near miss: the old IP curled from the workstation proves nothing', () => {
    const noted: { ip?: string } = {}
    const t = playTranscript('pod-ips', [
      ...upToRecreate(noted),
      () => `curl --connect-timeout 5 ${noted.ip}`,
    ])
    expectUndone(t, 'old-ip-times-out')
  })

  it('near miss: an address no pod ever had is not the old IP, and nothing was recreated', () => {
    const t = playTranscript('pod-ips', [
      'kubectl get pods -o wide',
      apply(ACCESS_POD),
      'kubectl exec access-pod -- apt-get update',
      'kubectl exec access-pod -- apt-get install -y curl',
      `kubectl exec access-pod -- curl -s ${IP}`,
      'kubectl exec access-pod -- curl --connect-timeout 5 10.244.1.250',
    ])
    expectUndone(t, 'old-ip-times-out')
    expectUndone(t, 'new-ip')
  })

  it('near miss: curl only from the workstation never reaches the pod', () => {
    const t = playTranscript('pod-ips', [
      'kubectl get pods -o wide',
      `curl --connect-timeout 5 ${IP}`,
      `curl -s ${IP}`,
    ])
    expectUndone(t, 'inside-works')
    expect(t.done).toEqual(['find-pod-ip', 'outside-fails'])
  })
})
