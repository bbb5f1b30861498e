import { describe, expect, it } from 'vitest'
import { MY_BLUE_SERVICE, NGINX_3, NGINX_4 } from '../../worker/labs/notes'
import { apply, completedAt, endpointsYaml, expectDone, expectUndone, readyIPs } from './helpers'
import { allTasks, describeTranscript, playTranscript, type Step } from './transcript'

const BLUE = { color: 'blue' }
const LOOP =
  'for i in 1 2 3 4 5 6; do kubectl exec client -- curl -s my-blue-service:8080 | grep -i -e served -e welcome; done'
const CREATE: Step[] = [apply(NGINX_3), apply(NGINX_4), apply(MY_BLUE_SERVICE)]

describe('lab selectors', () => {
  it.each([1, 2, 3])('is completed by the commands of its instructions (seed %i)', (seed) => {
    const t = playTranscript(
      'selectors',
      [
        ...CREATE,
        'kubectl get pods -o wide --show-labels',
        'kubectl get endpoints my-blue-service',
        LOOP,
        LOOP,
        'kubectl scale deployment nginx-deployment-3 --replicas=3',
        'kubectl get pods -l color=blue -o wide',
        'kubectl get endpoints my-blue-service',
        "kubectl delete pod $(kubectl get pods -l color=blue -o jsonpath='{.items[0].metadata.name}')",
        'kubectl get pods -l color=blue -o wide',
        'kubectl get endpoints my-blue-service -o yaml',
      ],
      { seed },
    )
    expectDone(t, allTasks('selectors'))
    expect(completedAt(t, 'blue-endpoints'), describeTranscript(t)).toBe(4)
    expect(completedAt(t, 'scale-follows')).toBe(9)
    expect(completedAt(t, 'delete-follows')).toBe(12)
  })

  it("near miss: a Service selecting one Deployment's label gets answers from one image only", () => {
    const byApp = MY_BLUE_SERVICE.replace('color: blue', 'app: nginx-3')
    const t = playTranscript('selectors', [
      ...CREATE.slice(0, 2),
      apply(byApp),
      'kubectl get endpoints my-blue-service',
      LOOP,
      LOOP,
    ])
    expectUndone(t, 'blue-endpoints')
    expectUndone(t, 'both-answer')
  })

  it('near miss: hand-written Endpoints instead of a selector', () => {
    const noSelector = MY_BLUE_SERVICE.replace('  selector:\n    color: blue\n', '')
    const t = playTranscript('selectors', [
      ...CREATE.slice(0, 2),
      apply(noSelector),
      'kubectl get pods -o wide',
      (s) => apply(endpointsYaml('my-blue-service', readyIPs(s, BLUE), 80)),
      'kubectl get endpoints my-blue-service',
      'kubectl scale deployment nginx-deployment-3 --replicas=3',
      'kubectl get pods -o wide',
      (s) => apply(endpointsYaml('my-blue-service', readyIPs(s, BLUE), 80)),
      'kubectl get endpoints my-blue-service',
    ])
    expectUndone(t, 'blue-endpoints')
    expectUndone(t, 'scale-follows')
  })

  it('near miss: scaling without ever looking at the endpoints', () => {
    const t = playTranscript('selectors', [
      ...CREATE,
      'kubectl scale deployment nginx-deployment-3 --replicas=3',
      'kubectl get deployments',
      'kubectl get deployments',
    ])
    expectUndone(t, 'scale-follows')
  })
})
