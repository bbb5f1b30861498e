import { describe, expect, it } from 'vitest'
import {
  MY_CLUSTERIP_SERVICE,
  MY_LB_SERVICE,
  MY_NODEPORT_SERVICE,
  MY_NODEPORT_SERVICE_80,
} from '../../worker/labs/service-types'
import { apply, completedAt, expectDone, expectUndone } from './helpers'
import { allTasks, describeTranscript, playTranscript, type Step } from './transcript'

const NODEPORT = `$(kubectl get service my-nodeport-service -o jsonpath='{.spec.ports[0].nodePort}')`
const LB_IP = `$(kubectl get service my-lb-service -o jsonpath='{.status.loadBalancer.ingress[0].ip}')`

const CLUSTERIP: Step[] = [
  apply(MY_CLUSTERIP_SERVICE),
  'kubectl get service my-clusterip-service',
  'kubectl exec client -- curl -s my-clusterip-service:8080',
  "curl --connect-timeout 5 $(kubectl get service my-clusterip-service -o jsonpath='{.spec.clusterIP}'):8080",
]

describe('lab service-types', () => {
  it.each([1, 2, 3])('is completed by the commands of its instructions (seed %i)', (seed) => {
    const t = playTranscript(
      'service-types',
      [
        ...CLUSTERIP,
        apply(MY_NODEPORT_SERVICE_80),
        apply(MY_NODEPORT_SERVICE),
        'kubectl get service my-nodeport-service',
        'kubectl get nodes -o wide',
        `curl -s 172.18.0.3:${NODEPORT}`,
        `for ip in 172.18.0.2 172.18.0.3 172.18.0.4; do curl -s $ip:${NODEPORT} | grep served; done`,
        'kubectl exec client -- curl -s my-nodeport-service:8080',
        apply(MY_LB_SERVICE),
        'kubectl get service my-lb-service',
        `curl -s ${LB_IP}`,
      ],
      { seed },
    )
    expectDone(t, allTasks('service-types'))
    expect(completedAt(t, 'clusterip-inside'), describeTranscript(t)).toBe(2)
    expect(completedAt(t, 'clusterip-outside')).toBe(3)
    expect(completedAt(t, 'nodeport-out-of-range')).toBe(4)
    expect(t.outputs[4]?.stderr).toBe(
      'The Service "my-nodeport-service" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    )
    expect(completedAt(t, 'nodeport-outside')).toBe(8)
    expect(completedAt(t, 'nodeport-every-node')).toBe(9)
    expect(completedAt(t, 'loadbalancer')).toBe(13)
  })

  it('counts Services made with kubectl expose, judged by what answers', () => {
    const t = playTranscript('service-types', [
      'kubectl expose deployment nginx-deployment-1.1 --name=my-nodeport-service --type=NodePort --port=8080 --target-port=80',
      `for ip in 172.18.0.2 172.18.0.3 172.18.0.4; do curl -s http://$ip:${NODEPORT}/ | grep served; done`,
    ])
    expect(t.done, describeTranscript(t)).toEqual(['nodeport-outside', 'nodeport-every-node'])
  })

  it('near miss: the NodePort Service curled on its ClusterIP and name from the workstation', () => {
    const t = playTranscript('service-types', [
      apply(MY_NODEPORT_SERVICE),
      'curl -s --connect-timeout 5 my-nodeport-service:8080',
      "curl -s --connect-timeout 5 $(kubectl get service my-nodeport-service -o jsonpath='{.spec.clusterIP}'):8080",
      `curl -s --connect-timeout 5 $(kubectl get service my-nodeport-service -o jsonpath='{.spec.clusterIP}'):${NODEPORT}`,
    ])
    expectUndone(t, 'nodeport-outside')
    expectUndone(t, 'nodeport-every-node')
  })

  it('near miss: the nodePort tried on one node only', () => {
    const t = playTranscript('service-types', [
      apply(MY_NODEPORT_SERVICE),
      `curl -s 172.18.0.3:${NODEPORT}`,
      `curl -s 172.18.0.3:${NODEPORT}`,
    ])
    expect(t.done).toContain('nodeport-outside')
    expectUndone(t, 'nodeport-every-node')
  })

  it('near miss: the ClusterIP Service asked by name from the workstation fails for another reason', () => {
    const t = playTranscript('service-types', [
      apply(MY_CLUSTERIP_SERVICE),
      'curl --connect-timeout 5 my-clusterip-service:8080',
    ])
    expectUndone(t, 'clusterip-outside')
    expectUndone(t, 'clusterip-inside')
  })

  it('near miss: the load balancer reached from inside a pod, not from outside', () => {
    const t = playTranscript('service-types', [
      apply(MY_LB_SERVICE),
      'kubectl get service my-lb-service',
      `kubectl exec client -- curl -s ${LB_IP}`,
    ])
    expectUndone(t, 'loadbalancer')
  })
})
