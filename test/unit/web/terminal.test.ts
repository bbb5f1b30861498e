import { describe, expect, it } from 'vitest'
import { complete } from '../../../web/src/lab/completion'
import { yamlErrorLine } from '../../../web/src/lab/apply-error'
import type { KubeObject } from '../../../web/src/types'

const objects: KubeObject[] = [
  { kind: 'Pod', metadata: { name: 'web-7f9c-abcde', namespace: 'default' } },
  { kind: 'Pod', metadata: { name: 'web-7f9c-fghij', namespace: 'default' } },
  { kind: 'Pod', metadata: { name: 'api-1', namespace: 'backend' } },
  { kind: 'Service', metadata: { name: 'my-service', namespace: 'default' } },
  { kind: 'Namespace', metadata: { name: 'backend' } },
]

describe('complete', () => {
  it('completes kubectl verbs', () => {
    expect(complete('kubectl desc', objects)).toEqual({ line: 'kubectl describe ', candidates: [] })
    expect(complete('kubectl ex', objects).candidates).toEqual(['exec', 'explain', 'expose'])
  })

  it('completes resource kinds and object names', () => {
    expect(complete('kubectl get svc my', objects).line).toBe('kubectl get svc my-service ')
    expect(complete('kubectl get po', objects).line).toBe('kubectl get pods ')
    expect(complete('kubectl delete pod web', objects)).toEqual({
      line: 'kubectl delete pod web-7f9c-',
      candidates: ['web-7f9c-abcde', 'web-7f9c-fghij'],
    })
  })

  it('completes pods for exec in the namespace given with -n', () => {
    expect(complete('kubectl exec -n backend a', objects).line).toBe(
      'kubectl exec -n backend api-1 ',
    )
    expect(complete('kubectl -n backend exec w', objects).candidates).toEqual([])
  })

  it('completes ingress kinds, names and create ingress', () => {
    const withIngress = [
      ...objects,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'shop', namespace: 'default' },
      },
      { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' } },
    ] as typeof objects
    expect(complete('kubectl get ing s', withIngress).line).toBe('kubectl get ing shop ')
    expect(complete('kubectl describe ingressclass ng', withIngress).line).toBe(
      'kubectl describe ingressclass nginx ',
    )
    expect(complete('kubectl create ing', withIngress).line).toBe('kubectl create ingress ')
  })

  it('completes secret kinds, names and create secret', () => {
    const withSecret = [
      ...objects,
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls', namespace: 'default' } },
    ] as typeof objects
    expect(complete('kubectl get secr', withSecret).line).toBe('kubectl get secrets ')
    expect(complete('kubectl describe secret w', withSecret).line).toBe(
      'kubectl describe secret web-tls ',
    )
    expect(complete('kubectl create sec', withSecret).line).toBe('kubectl create secret ')
  })

  it('completes configmap kinds, names and create configmap', () => {
    const withConfigMap = [
      ...objects,
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'game', namespace: 'default' } },
    ] as typeof objects
    expect(complete('kubectl get confi', withConfigMap).line).toBe('kubectl get configmaps ')
    expect(complete('kubectl describe cm g', withConfigMap).line).toBe('kubectl describe cm game ')
    expect(complete('kubectl create conf', withConfigMap).line).toBe('kubectl create configmap ')
  })

  it('completes kind/name and leaves unknown contexts alone', () => {
    expect(complete('kubectl describe service/my', objects).line).toBe(
      'kubectl describe service/my-service ',
    )
    expect(complete('echo hel', objects)).toEqual({ line: 'echo hel', candidates: [] })
  })
})

describe('yamlErrorLine', () => {
  it('reads the line from kubectl apply errors', () => {
    expect(
      yamlErrorLine(
        'error: error parsing STDIN: error converting YAML to JSON: yaml: line 10: did not find expected key\n',
      ),
    ).toBe(10)
    expect(
      yamlErrorLine('The Service "web" is invalid: spec.ports[0].port: Required value'),
    ).toBeUndefined()
  })
})
