import { describe, expect, test } from 'vitest'
import { lab, out } from './helpers'
import type { Deployment, Service } from '../../../worker/sim/objects/types'
import { jsonPatch, mergePatch } from '../../../worker/sim/kubectl/patch-merge'
import { strategicMergePatch } from '../../../worker/sim/kubectl/patch-strategic'

describe('kubectl patch', () => {
  test('switch a Service to NodePort with a strategic merge patch', () => {
    const { k, ctx } = lab()
    k('create service clusterip web --tcp=80:80')
    expect(k(`patch svc web -p '{"spec":{"type":"NodePort"}}'`)).toEqual({
      stdout: 'service/web patched\n',
      stderr: '',
      exitCode: 0,
    })
    const svc = ctx.s.objects['Service/default/web'] as Service
    expect(svc.spec.type).toBe('NodePort')
    expect(svc.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000)
    expect(k(`patch svc web -p '{"spec":{"type":"NodePort"}}'`).stdout).toBe(
      'service/web patched (no change)\n',
    )
    expect(
      k(`patch svc web --type=merge -p '{"metadata":{"labels":{"tier":"fe"}}}' --dry-run=client`)
        .stdout,
    ).toBe('service/web patched (dry run)\n')
  })

  test('keyed lists merge by key; JSON patch', () => {
    const { k, ctx } = lab()
    k('create deployment web --image=nginx:1.19')
    k(
      `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.20"}]}}}}'`,
    )
    const d = ctx.s.objects['Deployment/default/web'] as Deployment
    expect(d.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['nginx', 'nginx:1.20'],
    ])
    expect(
      k(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'`)
        .stdout,
    ).toBe('deployment.apps/web patched\n')
    expect((ctx.s.objects['Deployment/default/web'] as Deployment).spec.replicas).toBe(3)
  })

  test('errors', () => {
    const { k } = lab()
    k('create service clusterip web --tcp=80:80')
    expect(k('patch svc web').stderr).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    )
    expect(k('patch svc web -p {} --type=foo').stderr).toBe(
      'error: --type must be one of [json merge strategic], not "foo"\n',
    )
    expect(k('patch svc nope -p {}').stderr).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    )
    expect(k(`patch svc web -p '{"spec":{"type":"Foo"}}'`).stderr).toBe(
      'The Service "web" is invalid: spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    )
  })

  test('patch semantics', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 } }, { b: { c: null, e: 4 }, f: [1] })).toEqual({
      a: 1,
      b: { d: 3, e: 4 },
      f: [1],
    })
    // Service ports merge by port; the patch's items come first unless the live order places
    // them (apimachinery normalizeElementOrder)
    expect(
      strategicMergePatch(
        { spec: { ports: [{ port: 80, name: 'a' }, { port: 81 }] } },
        { spec: { ports: [{ port: 80, name: 'b' }, { port: 82 }] } },
      ),
    ).toEqual({
      ok: true,
      value: { spec: { ports: [{ port: 80, name: 'b' }, { port: 82 }, { port: 81 }] } },
    })
    expect(
      strategicMergePatch(
        { spec: { ports: [{ port: 80 }, { port: 81 }] } },
        { spec: { ports: [{ port: 80, $patch: 'delete' }] } },
      ),
    ).toEqual({ ok: true, value: { spec: { ports: [{ port: 81 }] } } })
    // an untagged list (Endpoints subsets) is replaced whole
    expect(
      strategicMergePatch({ subsets: [{ ports: [{ port: 80 }] }] }, { subsets: [{ ports: [] }] }),
    ).toEqual({ ok: true, value: { subsets: [{ ports: [] }] } })
    expect(
      jsonPatch({ a: [1, 2] }, [
        { op: 'add', path: '/a/-', value: 3 },
        { op: 'remove', path: '/a/0' },
      ]),
    ).toEqual({ a: [2, 3] })
    expect(jsonPatch({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }])).toBeUndefined()
  })
})

describe('unknown fields in a PATCH', () => {
  test('kubectl patch and apply-over-existing answer strict decoding errors without the POST prefix', () => {
    const { k } = lab()
    k('create service clusterip web --tcp=80')
    expect(k(`patch svc web -p '{"spec":{"ports":[{"port":80,"targetport":80}]}}'`).stderr).toBe(
      'Error from server (BadRequest): strict decoding error: unknown field "spec.ports[0].targetport"\n',
    )
    const yaml =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n    targetport: 80\n'
    expect(k('apply -f -', yaml).stderr).toMatch(
      /\nfor: "STDIN": error when patching "STDIN": strict decoding error: unknown field "spec\.ports\[0\]\.targetport"\n$/,
    )
    // a create still decodes the request body, with the prefix
    expect(k('create -f -', yaml.replace('name: web', 'name: other')).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport"\n',
    )
  })
})

describe('strategic merge directives in kubectl patch (apimachinery strategicpatch)', () => {
  const deployment = () => {
    const l = lab()
    l.k('create deployment web --image=nginx:1.19')
    l.k(
      `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}'`,
    )
    const get = () => l.ctx.s.objects['Deployment/default/web'] as Deployment
    return { ...l, get }
  }
  const names = (d: Deployment) => d.spec.template.spec.containers.map((c) => c.name)

  test('a new container goes first, as the apiserver orders it; $setElementOrder reorders', () => {
    const { k, get } = deployment()
    expect(names(get())).toEqual(['side', 'nginx'])
    const order = `{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"},{"name":"side"}]}}}}`
    expect(out(k(`patch deploy web -p '${order}'`))).toEqual({
      stdout: 'deployment.apps/web patched\n',
      stderr: '',
      exitCode: 0,
    })
    expect(names(get())).toEqual(['nginx', 'side'])
  })

  test('$patch: replace replaces a list or a map; $patch: delete removes an item', () => {
    const { k, get } = deployment()
    k(
      `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"$patch":"replace"},{"name":"only","image":"nginx"}]}}}}'`,
    )
    expect(names(get())).toEqual(['only'])
    k(`patch deploy web -p '{"metadata":{"labels":{"$patch":"replace","tier":"fe"}}}'`)
    expect(get().metadata.labels).toEqual({ tier: 'fe' })
    k(
      `patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"name":"only","$patch":"delete"},{"name":"x","image":"nginx"}]}}}}'`,
    )
    expect(names(get())).toEqual(['x'])
  })

  test('a map replaced by the same keys in another order is no change (reflect.DeepEqual)', () => {
    const { k, get } = deployment()
    k(`patch deploy web -p '{"metadata":{"labels":{"tier":"fe"}}}'`)
    expect(Object.keys(get().metadata.labels!)).toEqual(['app', 'tier'])
    const reordered = `{"metadata":{"labels":{"$patch":"replace","tier":"fe","app":"web"}}}`
    expect(out(k(`patch deploy web -p '${reordered}'`)).stdout).toBe(
      'deployment.apps/web patched (no change)\n',
    )
  })

  test('$retainKeys clears the fields it does not list; $deleteFromPrimitiveList', () => {
    const { k, get } = deployment()
    expect(get().spec.strategy).toMatchObject({ type: 'RollingUpdate' })
    k(`patch deploy web -p '{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}'`)
    expect(get().spec.strategy).toEqual({ type: 'Recreate' })
    k(`patch deploy web --type=merge -p '{"metadata":{"finalizers":["a.io/x","b.io/y"]}}'`)
    k(`patch deploy web -p '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a.io/x"]}}'`)
    expect(get().metadata.finalizers).toEqual(['b.io/y'])
  })

  test('malformed directives answer as the apiserver does', () => {
    const { k } = deployment()
    expect(
      out(
        k(
          `patch deploy web -p '{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":{}}}}'`,
        ),
      ),
    ).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): invalid patch format of retainKeys\n',
      exitCode: 1,
    })
    expect(k(`patch deploy web -p '{"metadata":{"labels":{"$patch":"merge"}}}'`).stderr).toBe(
      'Error from server: unknown patch type: merge in map: map[$patch:merge]\n',
    )
    // a JSON number decodes to a float64: %v prints it as Go does, %s (the type) as fmt's complaint
    expect(
      k(`patch deploy web -p '{"metadata":{"labels":{"$patch":0.00001,"n":1e21}}}'`).stderr,
    ).toBe(
      'Error from server: unknown patch type: %!s(float64=1e-05) in map: map[$patch:1e-05 n:1e+21]\n',
    )
    expect(
      k(`patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"$patch":"merge"}]}}}}'`)
        .stderr,
    ).toBe('Error from server: merging lists cannot yet be specified in the patch\n')
    expect(
      k(`patch deploy web -p '{"spec":{"template":{"spec":{"containers":[{"image":"nginx"}]}}}}'`)
        .stderr,
    ).toBe('Error from server: map: map[image:nginx] does not contain declared merge key: name\n')
  })
})
