import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import type { Deployment, Service } from '../../../worker/sim/objects/types'
import { jsonPatch, mergePatch, strategicMerge } from '../../../worker/sim/kubectl/patch-merge'

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
    expect(
      strategicMerge(
        { ports: [{ port: 80, name: 'a' }, { port: 81 }] },
        { ports: [{ port: 80, name: 'b' }, { port: 82 }] },
      ),
    ).toEqual({
      ports: [{ port: 80, name: 'b' }, { port: 81 }, { port: 82 }],
    })
    expect(
      strategicMerge(
        { ports: [{ port: 80 }, { port: 81 }] },
        { ports: [{ port: 80, $patch: 'delete' }] },
      ),
    ).toEqual({ ports: [{ port: 81 }] })
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
