// A manifest's nulls and odd annotations through kubectl apply, as the real kubectl 1.32 treats
// them (measured against it in test/node/kube-api-kubectl-apply): a create sends the object
// without its null fields (apply.go pruneNullsFromMap) while the last-applied annotation keeps
// them, and annotations holding a value that is not a string read as none (GetAnnotations).
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'

const LAST = 'kubectl.kubernetes.io/last-applied-configuration'

const service = (annotations: Record<string, unknown>) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', labels: { a: null, b: 'x' }, annotations },
    spec: { selector: { app: 'web', z: null }, ports: [{ port: 80, name: null }] },
  })

describe('kubectl apply of a manifest with nulls', () => {
  test('creates without them, keeps them in the annotation, and is configured ever after', () => {
    const { k } = lab()
    expect(k('apply -f -', service({ n: null, keep: 'v' })).stdout).toBe('service/web created\n')
    const get = (path: string) => k(`get svc web -o 'jsonpath=${path}'`).stdout
    expect(get('{.metadata.labels} {.spec.selector} {.spec.ports[0]}')).toBe(
      '{"b":"x"} {"app":"web"} {"port":80,"protocol":"TCP","targetPort":80}',
    )
    expect(JSON.parse(get('{.metadata.annotations}'))).toEqual({
      [LAST]:
        '{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"labels":{"a":null,"b":"x"},"name":"web","namespace":"default"},"spec":{"ports":[{"name":null,"port":80}],"selector":{"app":"web","z":null}}}\n',
    })
    // the manifest's nulls always differ from the live object: kubectl sends them again
    expect(k('apply -f -', service({ n: null, keep: 'v' })).stdout).toBe('service/web configured\n')
  })

  test('string annotations are kept; --dry-run=client prints the object a create would send', () => {
    const { k } = lab()
    const r = k('apply -f - --dry-run=client -o json', service({ keep: 'v' }))
    const obj = JSON.parse(r.stdout) as { metadata: Record<string, unknown>; spec: unknown }
    expect(obj.metadata.labels).toEqual({ b: 'x' })
    expect(Object.keys(obj.metadata.annotations as object)).toEqual(['keep', LAST])
    expect(obj.spec).toEqual({ selector: { app: 'web' }, ports: [{ port: 80 }] })
  })
})
