// kubectl apply over changes made on the server, the real kubectl 1.32 beside the lab terminal's:
// apply, a change by someone else (`kubectl patch`), apply again. On cluster A the real kubectl
// computes its three-way patch from its compiled-in struct tags and our API server applies it; on
// cluster B the lab terminal's apply does both. Each step prints the same on both, each patch the
// real kubectl sent (its -v=8 request log) is the one our apply computes from the same live object,
// and the field the case is about ends the same on both. Needs the `kubectl` binary.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listenForFile } from './node-app'
import { deploymentManifest, serviceManifest, type Obj } from '../sim/kubectl/apply-manifests'
import { HAS_KUBECTL, kubectl, learner as openLearner, type Learner } from './kube-streams-helpers'
import { LAST_APPLIED, withAnnotation } from '../../worker/sim/objects/apply'
import { threeWayMergePatch } from '../../worker/sim/objects/three-way-patch'

const dir = mkdtempSync(join(tmpdir(), 'sl-kubectl-apply-'))
const origin = listenForFile({ dbFile: join(dir, 'test.db'), when: HAS_KUBECTL })

type Step = { apply: Obj } | { patch: string; type?: 'merge' | 'strategic' }

interface Case {
  name: string
  /** `kubectl get` arguments naming the object */
  target: string[]
  steps: Step[]
  /** the field the case is about, and its value at the end */
  jsonpath: string
  want: unknown
}

const service = serviceManifest
const deployment = deploymentManifest

const podPatch = (podSpec: Obj) => JSON.stringify({ spec: { template: { spec: podSpec } } })

const tsc = (key: string, maxSkew: number) => ({
  maxSkew,
  topologyKey: key,
  whenUnsatisfiable: 'ScheduleAnyway',
  labelSelector: { matchLabels: { app: 'web' } },
})

const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }))

const CASES: Case[] = [
  {
    name: 'finalizers merge by value: one another client added stays, one dropped goes',
    target: ['service', 'web'],
    steps: [
      { apply: service({ finalizers: ['example.com/b', 'example.com/a'] }) },
      // kubectl sorts the live list in place before comparing: out of order, it always differs
      { apply: service({ finalizers: ['example.com/b', 'example.com/a'] }) },
      {
        type: 'merge',
        patch: '{"metadata":{"finalizers":["example.com/b","example.com/a","example.com/server"]}}',
      },
      { apply: service({ finalizers: ['example.com/b', 'example.com/a'] }) },
      { apply: service({ finalizers: ['example.com/b', 'example.com/c'] }) },
    ],
    jsonpath: '{.metadata.finalizers}',
    want: ['example.com/b', 'example.com/c', 'example.com/server'],
  },
  {
    // compared sorted with the manifest, the live list reads the same: no $setElementOrder
    name: 'finalizers reordered into sorted order keep the live order',
    target: ['service', 'web'],
    steps: [
      { apply: service({ finalizers: ['example.com/c', 'example.com/a'] }) },
      { apply: service({ finalizers: ['example.com/a', 'example.com/c'] }) },
    ],
    jsonpath: '{.metadata.finalizers}',
    want: ['example.com/c', 'example.com/a'],
  },
  {
    name: 'hostAliases merge by ip',
    target: ['deployment', 'web'],
    steps: [
      { apply: deployment({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['one.local'] }] }) },
      { patch: podPatch({ hostAliases: [{ ip: '10.0.0.2', hostnames: ['two.local'] }] }) },
      { apply: deployment({ hostAliases: [{ ip: '10.0.0.1', hostnames: ['uno.local'] }] }) },
    ],
    jsonpath: '{.spec.template.spec.hostAliases}',
    // a patch's new item goes before the items it cannot be placed against
    want: [
      { hostnames: ['two.local'], ip: '10.0.0.2' },
      { hostnames: ['uno.local'], ip: '10.0.0.1' },
    ],
  },
  {
    name: 'topologySpreadConstraints merge by topologyKey',
    target: ['deployment', 'web'],
    steps: [
      { apply: deployment({ topologySpreadConstraints: [tsc('kubernetes.io/hostname', 1)] }) },
      { patch: podPatch({ topologySpreadConstraints: [tsc('topology.kubernetes.io/zone', 1)] }) },
      { apply: deployment({ topologySpreadConstraints: [tsc('kubernetes.io/hostname', 2)] }) },
    ],
    jsonpath: '{.spec.template.spec.topologySpreadConstraints[*].maxSkew}',
    want: 'text:1 2',
  },
  {
    name: 'containers and env merge by name, in the order the apiserver keeps',
    target: ['deployment', 'web'],
    steps: [
      {
        apply: deployment({ containers: [{ name: 'nginx', image: 'nginx', env: env('A', 'B') }] }),
      },
      {
        patch: podPatch({
          containers: [
            { name: 'sidecar', image: 'busybox', command: ['sleep', '3600'] },
            { name: 'nginx', env: env('C') },
          ],
        }),
      },
      {
        apply: deployment({ containers: [{ name: 'nginx', image: 'nginx', env: env('A', 'B') }] }),
      },
      { apply: deployment({ containers: [{ name: 'nginx', image: 'nginx', env: env('A') }] }) },
    ],
    jsonpath: '{range .spec.template.spec.containers[*]}{.name}:{.env[*].name} {end}',
    want: 'text:sidecar: nginx:C A ',
  },
  {
    name: 'strategy keeps only the fields the manifest names (retainKeys)',
    target: ['deployment', 'web'],
    steps: [
      { apply: deployment({}) },
      { apply: deployment({}, { strategy: { type: 'Recreate' } }) },
    ],
    jsonpath: '{.spec.strategy}',
    want: { type: 'Recreate' },
  },
  {
    // the live strategy holds the defaulted rollingUpdate the manifest does not name
    name: 'a strategy naming only its type is sent with $retainKeys on every apply',
    target: ['deployment', 'web'],
    steps: [1, 2].map(() => ({ apply: deployment({}, { strategy: { type: 'RollingUpdate' } }) })),
    jsonpath: '{.spec.strategy}',
    want: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
  },
  {
    name: "a volume's source is replaced, not added to (retainKeys)",
    target: ['deployment', 'web'],
    steps: [
      { apply: deployment({ volumes: [{ name: 'data', emptyDir: {} }] }) },
      {
        patch: podPatch({
          volumes: [
            { name: 'data', hostPath: { path: '/tmp' }, $retainKeys: ['hostPath', 'name'] },
          ],
        }),
      },
      { apply: deployment({ volumes: [{ name: 'data', emptyDir: {} }] }) },
    ],
    jsonpath: '{.spec.template.spec.volumes}',
    want: [{ emptyDir: {}, name: 'data' }],
  },
  {
    // kubectl create --dry-run=client -o yaml writes creationTimestamp: null; the live one differs
    name: 'a generated manifest applied again is configured, and nothing changes',
    target: ['deployment', 'web'],
    steps: [1, 2].map(() => ({
      // as `kubectl create deployment web --image=nginx --dry-run=client -o yaml` writes it
      apply: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          strategy: {},
          template: {
            metadata: { creationTimestamp: null, labels: { app: 'web' } },
            spec: { containers: [{ image: 'nginx', name: 'nginx', resources: {} }] },
          },
        },
        status: {},
      },
    })),
    jsonpath: '{.metadata.generation}',
    want: 'text:1',
  },
  {
    name: 'a generated Service applied again is configured, and nothing changes',
    target: ['service', 'web'],
    steps: [1, 2].map(() => ({
      // as `kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o yaml` writes it
      apply: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { creationTimestamp: null, labels: { app: 'web' }, name: 'web' },
        spec: {
          ports: [{ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 }],
          selector: { app: 'web' },
          type: 'NodePort',
        },
        status: { loadBalancer: {} },
      },
    })),
    jsonpath: '{.spec.ports[0].name}',
    want: 'text:80-8080',
  },
  {
    // a create sends no nulls (pruneNullsFromMap); non-string annotations read as none
    name: "a manifest's nulls: created without them, configured ever after",
    target: ['service', 'web'],
    steps: [1, 2].map(() => ({
      apply: {
        ...service({ labels: { a: null, b: 'x' }, annotations: { n: null, keep: 'v' } }),
        spec: { selector: { app: 'web', z: null }, ports: [{ port: 80, name: null }] },
      },
    })),
    jsonpath: '{.metadata.labels} {.spec.selector} {.spec.ports[0].name}',
    want: 'text:{"b":"x"} {"app":"web"} ',
  },
  {
    // the apiserver keeps its own status on an update; kubectl still diffs it, keyed by type
    name: 'status conditions merge by type',
    target: ['service', 'web'],
    steps: [['example.com/a', 'example.com/b'], ['example.com/b']].map((types) => ({
      apply: {
        ...service({}),
        status: { conditions: types.map((type) => ({ type, status: 'True', reason: 'R' })) },
      },
    })),
    jsonpath: '{.status.conditions}',
    want: 'text:',
  },
  {
    name: 'Service ports merge by port',
    target: ['service', 'web'],
    steps: [
      { apply: service({}) },
      { patch: '{"spec":{"ports":[{"name":"https","port":443}]}}' },
      { apply: service({}) },
    ],
    jsonpath: '{.spec.ports[*].port}',
    want: 'text:443 80',
  },
]

/** The PATCH body a `-v=8` kubectl logged (`{}` when it sent none, i.e. `unchanged`). */
function sentPatch(stderr: string): Obj {
  const bodies = [...stderr.matchAll(/"Request Body" body=("\{(?:[^"\\]|\\.)*")/g)]
  const last = bodies.at(-1)?.[1]
  return last ? (JSON.parse(JSON.parse(last) as string) as Obj) : {}
}

/** Waits (up to 20 s) until pod x runs on every cluster given. */
async function running(ls: Learner[]) {
  for (let i = 0; i < 40; i++) {
    const phases = await Promise.all(
      ls.map((l) => kubectl(l.kubeconfig, ['get', 'pod', 'x', '-o', 'jsonpath={.status.phase}'])),
    )
    if (phases.every((p) => p.stdout === 'Running')) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('pod x did not start')
}

/** Each step on both clusters; the apply steps' patches checked against ours. */
async function play(a: Learner, b: Learner, c: Case) {
  const get = (l: Learner) => kubectl(l.kubeconfig, ['get', ...c.target, '-o', 'json'])
  for (const step of c.steps) {
    if ('patch' in step) {
      const args = ['patch', ...c.target, `--type=${step.type ?? 'strategic'}`, '-p', step.patch]
      const real = await kubectl(a.kubeconfig, args)
      expect(real.exitCode, real.stderr).toBe(0)
      expect(await b.sim(`kubectl ${args.slice(0, -1).join(' ')} '${step.patch}'`)).toEqual(real)
      continue
    }
    const manifest = JSON.stringify(step.apply)
    const before = await get(a)
    const real = await kubectl(a.kubeconfig, ['apply', '-f', '-', '-v=8'], manifest)
    const sim = await b.sim('kubectl apply -f -', manifest)
    expect({ stdout: sim.stdout, exitCode: sim.exitCode }, c.name).toEqual({
      stdout: real.stdout,
      exitCode: real.exitCode,
    })
    if (before.exitCode !== 0) continue
    const current = JSON.parse(before.stdout) as { metadata: { annotations: Obj } }
    const original = JSON.parse(current.metadata.annotations[LAST_APPLIED] as string) as Obj
    const modified = withAnnotation(step.apply, true, 'default')
    expect(threeWayMergePatch(original, modified, current), c.name).toEqual({
      ok: true,
      patch: sentPatch(real.stderr),
    })
  }
}

describe.skipIf(!HAS_KUBECTL)('kubectl apply after a change on the server (needs kubectl)', () => {
  it.each(CASES)(
    '$name',
    async (c) => {
      const [a, b] = [await openLearner(origin()), await openLearner(origin())]
      await play(a, b, c)
      const field = async (l: Learner) => {
        const r = await kubectl(l.kubeconfig, ['get', ...c.target, '-o', `jsonpath=${c.jsonpath}`])
        return typeof c.want === 'string' ? `text:${r.stdout}` : JSON.parse(r.stdout)
      }
      expect(await field(a)).toEqual(c.want)
      expect(await field(b)).toEqual(c.want)
    },
    60_000,
  )

  it('a patch the apiserver refuses is printed as kubectl sent it', async () => {
    const [a, b] = [await openLearner(origin()), await openLearner(origin())]
    const first = service({ labels: { tier: 'web' }, finalizers: ['example.com/a'] })
    const typo = service({ finalizers: ['example.com/<b>'] }, [
      { name: 'http', port: 80, targetport: 80 },
    ])
    for (const manifest of [first, typo].map((m) => JSON.stringify(m))) {
      const real = await kubectl(a.kubeconfig, ['apply', '-f', '-'], manifest)
      expect(await b.sim('kubectl apply -f -', manifest)).toEqual(real)
    }
  }, 60_000)

  it("kubectl's own diff errors (a container without a name, a list mixing types) name the three documents", async () => {
    const [a, b] = [await openLearner(origin()), await openLearner(origin())]
    // the documents hold what differs between two clusters: ids, versions, times
    const mask = (o: { stdout: string; stderr: string; exitCode: number }) => ({
      ...o,
      stderr: o.stderr
        .replace(/(\\*"(?:uid|resourceVersion)\\*":\\*")[^"\\]*/g, '$1X')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME'),
    })
    const named = deployment({})
    const nameless = deployment({ containers: [{ image: 'nginx' }] })
    const mixed = deployment({ containers: [{ name: 'nginx', image: 'nginx' }, 'oops'] })
    const nested = deployment({ containers: [['nginx']] })
    const errs: string[] = []
    for (const manifest of [named, mixed, nested, nameless].map((m) => JSON.stringify(m))) {
      const real = await kubectl(a.kubeconfig, ['apply', '-f', '-'], manifest)
      expect(mask(await b.sim('kubectl apply -f -', manifest))).toEqual(mask(real))
      errs.push(real.stderr)
    }
    for (const e of errs.slice(1)) {
      expect(e).toMatch(/^error: error when applying patch:\n\nto:\n/)
      expect(e).toMatch(/\n\ncurrent:\n\{"apiVersion":"apps\/v1",.*"status":\{/)
    }
    // the live list first (with the apiserver's defaults), then the manifest's
    const live =
      'map[image:nginx:1.27 imagePullPolicy:IfNotPresent name:nginx resources:map[] terminationMessagePath:/dev/termination-log terminationMessagePolicy:File]'
    expect(errs.slice(1).map((e) => e.slice(e.lastIndexOf('\nfor:: ') + 7))).toEqual([
      `list element types are not identical: [[${live}] [map[image:nginx name:nginx] oops]]\n`,
      `list element types are not identical: [[${live}] [[nginx]]]\n`,
      'map: map[image:nginx] does not contain declared merge key: name\n',
    ])
  }, 60_000)

  it('applying over a terminating object warns, unchanged or not', async () => {
    const [a, b] = [await openLearner(origin()), await openLearner(origin())]
    const pod = (image: string) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'x' },
        spec: { containers: [{ name: 'c', image, command: ['sleep', '3600'] }] },
      })
    const steps: [string[], string?][] = [
      [['apply', '-f', '-'], pod('busybox')],
      [['delete', 'pod', 'x', '--wait=false']],
      [['apply', '-f', '-'], pod('busybox')],
      [['apply', '-f', '-'], pod('busybox:1.36')],
    ]
    const outs = []
    for (const [args, stdin] of steps) {
      // a running `sleep` ignores SIGTERM: the pod then terminates for its 30 s grace period
      if (args[0] === 'delete') await running([a, b])
      const real = await kubectl(a.kubeconfig, args, stdin)
      expect(await b.sim(`kubectl ${args.join(' ')}`, stdin)).toEqual(real)
      outs.push(real)
    }
    expect(outs.slice(2).map((o) => o.stderr)).toEqual([
      'Warning: Detected changes to resource x which is currently being deleted.\n',
      'Warning: Detected changes to resource x which is currently being deleted.\n',
    ])
  }, 60_000)

  it('apply --dry-run=client prints what a create would send, nulls pruned', async () => {
    const [a, b] = [await openLearner(origin()), await openLearner(origin())]
    const manifest = JSON.stringify({
      ...service({ labels: { a: null, b: 'x' }, annotations: { keep: 'v' } }),
      spec: { selector: { app: 'web', z: null }, ports: [{ port: 80, name: null }] },
    })
    for (const output of ['json', 'yaml']) {
      const args = ['apply', '-f', '-', '--dry-run=client', '-o', output]
      const real = await kubectl(a.kubeconfig, args, manifest)
      expect(real.exitCode).toBe(0)
      expect(await b.sim(`kubectl ${args.join(' ')}`, manifest)).toEqual(real)
    }
  }, 60_000)

  it('a file with a kind the cluster lacks (a ServiceAccount) applies the rest, as the lab terminal does', async () => {
    const [a, b] = [await openLearner(origin()), await openLearner(origin())]
    const file = [
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: cfg\n',
      `${JSON.stringify(service({}))}\n`,
    ].join('---\n')
    for (const args of [
      ['apply', '-f', '-'],
      ['apply', '-f', '-', '--dry-run=server'],
      ['create', '-f', '-'],
      ['diff', '-f', '-'],
    ]) {
      const real = await kubectl(a.kubeconfig, args, file)
      expect(real.stderr, args.join(' ')).toContain('no matches for kind "ServiceAccount" in version "v1"')
      if (args[0] === 'diff') continue
      expect(await b.sim(`kubectl ${args.join(' ')}`, file), args.join(' ')).toEqual(real)
    }
    expect((await kubectl(a.kubeconfig, ['get', 'service', 'web', '-o', 'name'])).stdout).toBe(
      'service/web\n',
    )
    // delete -f deletes the rest too, then names the kind it could not map
    const del = await kubectl(a.kubeconfig, ['delete', '-f', '-'], file)
    expect(del.stdout).toBe('service "web" deleted\n')
    expect(await b.sim('kubectl delete -f -', file)).toEqual(del)
  }, 60_000)
})
