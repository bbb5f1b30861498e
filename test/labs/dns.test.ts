import { describe, expect, it } from 'vitest'
import { completedAt, expectDone, expectUndone } from './helpers'
import { allTasks, describeTranscript, playTranscript } from './transcript'

describe('lab dns', () => {
  it.each([1, 2, 3])('is completed by the commands of its instructions (seed %i)', (seed) => {
    const t = playTranscript(
      'dns',
      [
        'kubectl get pods,services -n backend -o wide',
        'kubectl exec client -- cat /etc/resolv.conf',
        'kubectl exec client -- curl -s api',
        'kubectl exec client -- curl -s api.backend',
        'kubectl exec client -- curl -s api.backend.svc.cluster.local',
        'kubectl exec -n backend deploy/api -- curl -s api',
        'kubectl exec client -- nslookup api.backend.svc.cluster.local',
        'kubectl exec client -- nslookup api-headless.backend.svc.cluster.local',
        'kubectl get pods -n backend -o wide',
        'kubectl exec -n backend deploy/api -- env',
        'kubectl exec client -- env',
      ],
      { seed },
    )
    expectDone(t, allTasks('dns'))
    expect(t.outputs[1]?.stdout, describeTranscript(t)).toContain(
      'search default.svc.cluster.local svc.cluster.local cluster.local',
    )
    expect(t.outputs[2]?.exitCode).toBe(6)
    expect(completedAt(t, 'short-name-fails')).toBe(2)
    expect(completedAt(t, 'name-namespace')).toBe(3)
    expect(completedAt(t, 'fqdn')).toBe(4)
    expect(completedAt(t, 'same-namespace')).toBe(5)
    expect(completedAt(t, 'headless')).toBe(7)
    expect(completedAt(t, 'env-vars')).toBe(9)
    expect(t.outputs[10]?.stdout).not.toContain('API_SERVICE_HOST')
  })

  it('counts other routes to the same behaviour: wget, a pod of your own in backend', () => {
    const t = playTranscript('dns', [
      'kubectl exec client -- wget -qO- api.backend',
      'kubectl run tmp -n backend --image=busybox:1.36 --command -- sleep 3600',
      'kubectl exec -n backend tmp -- wget -qO- http://api',
      'kubectl exec -n backend tmp -- env',
    ])
    expect(t.done, describeTranscript(t)).toEqual(['name-namespace', 'same-namespace', 'env-vars'])
  })

  it('near miss: the namespaced name asked from the workstation', () => {
    const t = playTranscript('dns', [
      'curl -s api.backend',
      'curl -s api.backend.svc.cluster.local',
    ])
    expectUndone(t, 'name-namespace')
    expectUndone(t, 'fqdn')
  })

  it('near miss: the normal Service looked up instead of the headless one', () => {
    const t = playTranscript('dns', [
      'kubectl exec client -- nslookup api.backend.svc.cluster.local',
      'kubectl get pods -n backend -o wide',
    ])
    expectUndone(t, 'headless')
  })

  it('near miss: exec without -n looks in default, and client has no API_ variables', () => {
    const t = playTranscript('dns', [
      'kubectl exec deploy/api -- curl -s api',
      'kubectl exec client -- env',
    ])
    expect(t.outputs[0]?.stderr).toBe(
      'Error from server (NotFound): deployments.apps "api" not found\n',
    )
    expectUndone(t, 'same-namespace')
    expectUndone(t, 'env-vars')
  })
})
