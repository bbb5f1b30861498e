// kubectl apply, then a change by someone else (kubectl patch), then apply again: each list the
// strategic merge tags keeps what the server side added, as the real kubectl 1.32 does against the
// apiserver (the same sequences run with the real kubectl in test/node/kube-api-kubectl-apply).
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import { deploymentManifest, serviceManifest, type Obj } from './apply-manifests'

const service = (extra: Obj, ports?: Obj[]) => JSON.stringify(serviceManifest(extra, ports))

const deployment = (podSpec: Obj, spec: Obj = {}) =>
  JSON.stringify(deploymentManifest(podSpec, spec))

const podPatch = (podSpec: Obj) => `'${JSON.stringify({ spec: { template: { spec: podSpec } } })}'`

function session() {
  const { k } = lab()
  const apply = (manifest: string) => {
    const r = k('apply -f -', manifest)
    expect(r.stderr).toBe('')
    return r.stdout
  }
  const patch = (target: string, p: string, type = 'strategic') =>
    expect(k(`patch ${target} --type=${type} -p ${p}`).exitCode).toBe(0)
  const get = (target: string, path: string) => k(`get ${target} -o 'jsonpath=${path}'`).stdout
  return { apply, patch, get }
}

describe('kubectl apply over changes made on the server', () => {
  test('finalizers merge by value: one another client added stays, one dropped goes', () => {
    const { apply, patch, get } = session()
    expect(apply(service({ finalizers: ['example.com/a', 'example.com/b'] }))).toBe(
      'service/web created\n',
    )
    expect(apply(service({ finalizers: ['example.com/a', 'example.com/b'] }))).toBe(
      'service/web unchanged\n',
    )
    const all = '\'{"metadata":{"finalizers":["example.com/a","example.com/b","example.com/x"]}}\''
    patch('service web', all, 'merge')
    // the live list is longer: kubectl sends its $setElementOrder, and says so
    expect(apply(service({ finalizers: ['example.com/a', 'example.com/b'] }))).toBe(
      'service/web configured\n',
    )
    expect(apply(service({ finalizers: ['example.com/c', 'example.com/b'] }))).toBe(
      'service/web configured\n',
    )
    expect(get('service web', '{.metadata.finalizers}')).toBe(
      '["example.com/c","example.com/b","example.com/x"]',
    )
  })

  test('a finalizer list out of sorted order is always "configured" (kubectl sorts it in place)', () => {
    const { apply, get } = session()
    apply(service({ finalizers: ['example.com/b', 'example.com/a'] }))
    expect(apply(service({ finalizers: ['example.com/b', 'example.com/a'] }))).toBe(
      'service/web configured\n',
    )
    expect(get('service web', '{.metadata.finalizers}')).toBe('["example.com/b","example.com/a"]')
    // reordered into sorted order, the live list compares the same: only the annotation is sent
    expect(apply(service({ finalizers: ['example.com/a', 'example.com/b'] }))).toBe(
      'service/web configured\n',
    )
    expect(get('service web', '{.metadata.finalizers}')).toBe('["example.com/b","example.com/a"]')
  })

  test('hostAliases merge by ip', () => {
    const { apply, patch, get } = session()
    apply(deployment({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['one.local'] }] }))
    patch('deployment web', podPatch({ hostAliases: [{ ip: '10.0.0.2', hostnames: ['two'] }] }))
    expect(apply(deployment({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['uno.local'] }] }))).toBe(
      'deployment.apps/web configured\n',
    )
    expect(get('deployment web', '{.spec.template.spec.hostAliases}')).toBe(
      '[{"hostnames":["two"],"ip":"10.0.0.2"},{"hostnames":["uno.local"],"ip":"10.0.0.1"}]',
    )
  })

  test('topologySpreadConstraints merge by topologyKey', () => {
    const { apply, patch, get } = session()
    const tsc = (topologyKey: string, maxSkew: number) => ({
      maxSkew,
      topologyKey,
      whenUnsatisfiable: 'ScheduleAnyway',
    })
    apply(deployment({ topologySpreadConstraints: [tsc('kubernetes.io/hostname', 1)] }))
    patch('deploy web', podPatch({ topologySpreadConstraints: [tsc('topology/zone', 1)] }))
    apply(deployment({ topologySpreadConstraints: [tsc('kubernetes.io/hostname', 2)] }))
    const path =
      '{range .spec.template.spec.topologySpreadConstraints[*]}{.topologyKey}={.maxSkew} {end}'
    expect(get('deploy web', path)).toBe('topology/zone=1 kubernetes.io/hostname=2 ')
  })

  test('containers and env merge by name; an env var dropped from the manifest goes', () => {
    const { apply, patch, get } = session()
    const env = (...names: string[]) => names.map((name) => ({ name, value: name }))
    const app = (...names: string[]) =>
      deployment({ containers: [{ name: 'nginx', image: 'nginx', env: env(...names) }] })
    apply(app('A', 'B'))
    const sidecar = { name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] }
    patch('deploy web', podPatch({ containers: [sidecar, { name: 'nginx', env: env('C') }] }))
    expect(apply(app('A', 'B'))).toBe('deployment.apps/web configured\n')
    apply(app('A'))
    const path = '{range .spec.template.spec.containers[*]}{.name}:{.env[*].name} {end}'
    expect(get('deploy web', path)).toBe('sidecar: nginx:C A ')
  })

  test('strategy keeps only the fields the manifest names (retainKeys)', () => {
    const { apply, get } = session()
    apply(deployment({}))
    expect(apply(deployment({}, { strategy: { type: 'Recreate' } }))).toBe(
      'deployment.apps/web configured\n',
    )
    expect(get('deploy web', '{.spec.strategy}')).toBe('{"type":"Recreate"}')
  })

  test("a volume's source is replaced, not added to (retainKeys)", () => {
    const { apply, patch, get } = session()
    const volumes = [{ name: 'data', emptyDir: {} }]
    apply(deployment({ volumes }))
    const hostPath = { name: 'data', hostPath: { path: '/tmp' }, $retainKeys: ['hostPath', 'name'] }
    patch('deploy web', podPatch({ volumes: [hostPath] }))
    expect(get('deploy web', '{.spec.template.spec.volumes}')).toBe(
      '[{"hostPath":{"path":"/tmp"},"name":"data"}]',
    )
    apply(deployment({ volumes }))
    expect(get('deploy web', '{.spec.template.spec.volumes}')).toBe(
      '[{"emptyDir":{},"name":"data"}]',
    )
  })

  test('Service ports merge by port', () => {
    const { apply, patch, get } = session()
    apply(service({}))
    patch('svc web', '\'{"spec":{"ports":[{"name":"https","port":443}]}}\'')
    expect(apply(service({}))).toBe('service/web configured\n')
    expect(get('svc web', '{.spec.ports[*].port}')).toBe('443 80')
  })

  test('a list without a merge key is replaced whole', () => {
    const { apply, patch, get } = session()
    apply(deployment({ tolerations: [{ key: 'a', operator: 'Exists' }] }))
    patch('deploy web', podPatch({ tolerations: [{ key: 'b', operator: 'Exists' }] }))
    apply(deployment({ tolerations: [{ key: 'a', operator: 'Exists' }] }))
    expect(get('deploy web', '{.spec.template.spec.tolerations[*].key}')).toBe('a')
  })

  test('a patch the apiserver refuses is printed as kubectl sent it (Go JSON of the patch)', () => {
    const { k } = lab()
    k('apply -f -', service({ labels: { tier: 'web' }, finalizers: ['example.com/a'] }))
    const typo = [{ name: 'http', port: 80, targetport: 80 }]
    const r = k('apply -f -', service({ finalizers: ['example.com/<b>'] }, typo))
    const annotation = String.raw`"{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/\\u003cb\\u003e\"],\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"ports\":[{\"name\":\"http\",\"port\":80,\"targetport\":80}],\"selector\":{\"app\":\"web\"}}}\n"`
    const patch = String.raw`{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"$setElementOrder/finalizers":["example.com/\u003cb\u003e"],"annotations":{"kubectl.kubernetes.io/last-applied-configuration":${annotation}},"finalizers":["example.com/\u003cb\u003e"],"labels":null},"spec":{"$setElementOrder/ports":[{"port":80}],"ports":[{"port":80,"targetport":80}]}}`
    expect(r.stderr).toBe(
      `Error from server (BadRequest): error when applying patch:\n${patch}\nto:\nResource: "/v1, Resource=services", GroupVersionKind: "/v1, Kind=Service"\nName: "web", Namespace: "default"\nfor: "STDIN": error when patching "STDIN": strict decoding error: unknown field "spec.ports[0].targetport"\n`,
    )
  })

  test('a container without a name over a live Deployment: kubectl cannot diff, and says so', () => {
    const { k } = lab()
    k('apply -f -', deployment({}))
    const r = k('apply -f -', deployment({ containers: [{ image: 'nginx' }] }))
    expect(r.exitCode).toBe(1)
    const [head, docs] = r.stderr.split('creating patch with:\n')
    expect(head).toBe(
      'error: error when applying patch:\n\nto:\nResource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"\nName: "web", Namespace: "default"\nfor: "STDIN": error when patching "STDIN": ',
    )
    expect(docs).toMatch(
      /^original:\n\{"apiVersion":"apps\/v1",.*\}\n\nmodified:\n\{.*\}\n\ncurrent:\n\{.*\}\n\nfor:: /,
    )
    expect(docs).toMatch(
      /for:: map: map\[image:nginx\] does not contain declared merge key: name\n$/,
    )
    expect(k(`get deploy web -o 'jsonpath={.spec.template.spec.containers[*].name}'`).stdout).toBe(
      'nginx',
    )
  })

  test('applying over a terminating Pod warns (WarnIfDeleting), unchanged or not', () => {
    const { k, advance } = lab()
    const pod = (image: string) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'x' },
        spec: { containers: [{ name: 'c', image, command: ['sleep', '3600'] }] },
      })
    k('apply -f -', pod('busybox'))
    expect(k('apply -f -', pod('busybox')).stderr).toBe('')
    advance(10_000)
    // a running `sleep` ignores SIGTERM: the pod terminates for its 30 s grace period
    k('delete pod x --wait=false')
    const warning = 'Warning: Detected changes to resource x which is currently being deleted.\n'
    expect(k('apply -f -', pod('busybox'))).toEqual({
      stdout: 'pod/x unchanged\n',
      stderr: warning,
      exitCode: 0,
    })
    expect(k('apply -f -', pod('busybox:1.36'))).toEqual({
      stdout: 'pod/x configured\n',
      stderr: warning,
      exitCode: 0,
    })
  })
})
