// `kubectl get` / `describe` argument handling and messages: what kubectl 1.32 prints on stderr,
// with which exit code, for the mistakes learners make.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Ctx } from '../../../worker/sim/context'
import { kubectlDescribe } from '../../../worker/sim/kubectl/describe'
import { kubectlGet, type GetArgs } from '../../../worker/sim/kubectl/get'
import { printJsonPath } from '../../../worker/sim/kubectl/printers/jsonpath'
import { buildCluster, NOW } from '../../golden/fixture'

const ctx = (): Ctx => ({
  s: buildCluster(),
  now: NOW,
  trace: [],
  changed: [],
  history: [],
  clear: false,
})
const get = (a: Partial<GetArgs>) =>
  kubectlGet(ctx(), {
    resources: [],
    namespace: 'default',
    allNamespaces: false,
    showLabels: false,
    noHeaders: false,
    ...a,
  })

describe('kubectl get messages', () => {
  const cases: [string, Partial<GetArgs>, string, number][] = [
    [
      'unknown type',
      { resources: ['foo'] },
      'error: the server doesn\'t have a resource type "foo"\n',
      1,
    ],
    [
      'unknown type in a list',
      { resources: ['pods,bar'] },
      'error: the server doesn\'t have a resource type "bar"\n',
      1,
    ],
    [
      'missing pod',
      { resources: ['pods', 'nope'] },
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ],
    [
      'missing deployment',
      { resources: ['deploy/nope'] },
      'Error from server (NotFound): deployments.apps "nope" not found\n',
      1,
    ],
    [
      'missing node',
      { resources: ['node', 'x'] },
      'Error from server (NotFound): nodes "x" not found\n',
      1,
    ],
    [
      'empty namespace',
      { resources: ['pods'], namespace: 'nope' },
      'No resources found in nope namespace.\n',
      0,
    ],
    [
      'empty with -A',
      { resources: ['pods'], allNamespaces: true, selector: 'app=none' },
      'No resources found\n',
      0,
    ],
    ['empty cluster-scoped', { resources: ['nodes'], selector: 'x=y' }, 'No resources found\n', 0],
    [
      'name with -A',
      { resources: ['pods', 'x'], allNamespaces: true },
      'error: a resource cannot be retrieved by name across all namespaces\n',
      1,
    ],
    [
      'name with -l',
      { resources: ['pods', 'x'], selector: 'app=web' },
      'error: name cannot be provided when a selector is specified\n',
      1,
    ],
    [
      'type/name with -l',
      { resources: ['pods/x'], selector: 'app=web' },
      'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
      1,
    ],
    [
      'mixed forms',
      { resources: ['pods', 'svc/web'] },
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
      1,
    ],
    [
      'two slashes',
      { resources: ['svc/web/x'] },
      'error: arguments in resource/name form may not have more than one slash\n',
      1,
    ],
    [
      'unsupported field',
      { resources: ['svc'], fieldSelector: 'spec.ports=80' },
      'Error from server (BadRequest): Unable to find "/v1, Resource=services" that match label selector "", field selector "spec.ports=80": field label not supported: spec.ports\n',
      1,
    ],
    [
      'default field conversion',
      { resources: ['deploy'], fieldSelector: 'status.replicas=1' },
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "status.replicas=1": "status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
      1,
    ],
    [
      'sort by a missing field',
      { resources: ['pods'], sortBy: '.spec.nope' },
      'error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n',
      1,
    ],
    [
      'unknown output',
      { resources: ['pods'], output: 'foo' },
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      1,
    ],
    [
      'no type',
      { resources: [] },
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      1,
    ],
  ]
  for (const [name, args, stderr, code] of cases) {
    it(name, () => {
      const r = get(args)
      expect(r.stderr).toBe(stderr)
      expect(r.exitCode).toBe(code)
    })
  }

  it('found names still print when another is missing', () => {
    const r = get({ resources: ['svc', 'nope', 'web'] })
    expect(r.stdout).toBe(
      'NAME   TYPE       CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\nweb    NodePort   10.96.120.15   <none>        80:30080/TCP   4m\n',
    )
    expect(r.stderr).toBe('Error from server (NotFound): services "nope" not found\n')
    expect(r.exitCode).toBe(1)
  })
  it('--ignore-not-found prints nothing and succeeds', () => {
    expect(get({ resources: ['svc', 'nope'], ignoreNotFound: true })).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
  })
  it('field selectors filter by name and phase', () => {
    expect(
      get({ resources: ['pods'], fieldSelector: 'status.phase=Pending', output: 'name' }).stdout,
    ).toBe('pod/web-7d9f8b6c5d-zz9lp\n')
    expect(
      get({
        resources: ['svc'],
        fieldSelector: 'metadata.name!=web,spec.type=ClusterIP',
        output: 'name',
      }).stdout,
    ).toBe('service/kubernetes\n')
  })
  it('-w prints the initial listing once, without "No resources found"', () => {
    expect(get({ resources: ['pods'], namespace: 'nope', watch: true })).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(get({ resources: ['svc'], watch: true, output: 'name' }).stdout).toBe(
      'service/kubernetes\nservice/lb\nservice/web\n',
    )
    expect(get({ resources: ['pods,svc'], watch: true }).stderr).toBe(
      'error: you may only specify a single resource type\n',
    )
  })
  it('one named object prints as itself, two as a List', () => {
    expect(get({ resources: ['svc/web'], output: 'jsonpath={.kind}' }).stdout).toBe('Service')
    expect(get({ resources: ['svc/web', 'svc/lb'], output: 'jsonpath={.kind}' }).stdout).toBe(
      'List',
    )
  })
})

describe('kubectl describe messages', () => {
  const d = (resources: string[], extra = {}) =>
    kubectlDescribe(ctx(), { resources, namespace: 'default', allNamespaces: false, ...extra })
  it('NotFound', () =>
    expect(d(['svc', 'nope'])).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): services "nope" not found\n',
      exitCode: 1,
    }))
  it('empty namespace', () =>
    expect(d(['pods'], { namespace: 'nope' })).toEqual({
      stdout: '',
      stderr: 'No resources found in nope namespace.\n',
      exitCode: 0,
    }))
  it('separates several objects with two blank lines', () => {
    const out = d(['svc']).stdout
    expect(out.split('\n\n\nName:').length).toBe(3)
  })
  it('a name prefix describes the matching objects', () => {
    const out = d(['pods', 'web-7d9f8b6c5d-4']).stdout
    expect(out.startsWith('Name:             web-7d9f8b6c5d-4xkqz\n')).toBe(true)
    expect(out.endsWith('\n\n')).toBe(true)
  })
})

describe('printers never throw', () => {
  it('jsonpath on any template answers output or an error text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        const r = printJsonPath(
          t,
          { items: [{ a: 1 }], kind: 'List' },
          { allowMissingKeys: true, asJson: false },
        )
        return 'stdout' in r || r.error.startsWith('error: ')
      }),
      { numRuns: 500 },
    )
  })
  it('get with any -o, -l, --field-selector and --sort-by answers with an exit code', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 20 }),
        (o, l, f, sortBy) => {
          const r = get({
            resources: ['pods'],
            output: o || undefined,
            selector: l,
            fieldSelector: f,
            sortBy: sortBy || undefined,
          })
          return typeof r.exitCode === 'number'
        },
      ),
      { numRuns: 300 },
    )
  })
})
