// Properties of kubectl apply's three-way patch applied by the apiserver's strategic merge, over
// random Deployments whose `merge` lists (finalizers, containers, env, ports, hostAliases) someone
// else also changed: what the manifest names wins, what others added stays, what the last apply
// named and the manifest dropped goes, and applying the same manifest again changes nothing.
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { threeWayMergePatch } from '../../../worker/sim/objects/three-way-patch'
import { strategicMergePatch } from '../../../worker/sim/kubectl/patch-strategic'

type Obj = Record<string, unknown>

const subset = <T>(pool: T[]) =>
  fc.subarray(pool).chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length }))

const container = (name: string) =>
  fc.record({
    name: fc.constant(name),
    image: fc.constantFrom('nginx', 'nginx:1.27', 'busybox'),
    env: subset(['A', 'B', 'C']).map((ns) => ns.map((n) => ({ name: n, value: n.toLowerCase() }))),
    ports: subset([80, 443, 8080]).map((ps) => ps.map((containerPort) => ({ containerPort }))),
  })

const deployment = fc
  .record({
    finalizers: subset(['example.com/a', 'example.com/b', 'example.com/c']),
    containers: subset(['app', 'sidecar', 'proxy']).chain((ns) =>
      fc.tuple(...ns.map(container)).map((cs): Obj[] => [...cs]),
    ),

    hostAliases: subset(['10.0.0.1', '10.0.0.2']).map((ips) =>
      ips.map((ip) => ({ ip, hostnames: [`h${ip.slice(-1)}`] })),
    ),
  })
  .map((d): Obj => ({
    metadata: { name: 'web', finalizers: d.finalizers },
    spec: { template: { spec: { containers: d.containers, hostAliases: d.hostAliases } } },
  }))

/** What someone else did: a strategic merge patch adding their own items. */
const serverChange = fc
  .record({
    finalizers: subset(['example.com/x', 'example.com/y']),
    extra: fc.boolean(),
  })
  .map((c): Obj => ({
    metadata: { finalizers: c.finalizers },
    spec: {
      template: {
        spec: {
          ...(c.extra ? { containers: [{ name: 'injected', image: 'envoy' }] } : {}),
          hostAliases: [{ ip: '10.9.9.9', hostnames: ['other'] }],
        },
      },
    },
  }))

function apply(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const diff = threeWayMergePatch(original, modified, current)
  if (!diff.ok) throw new Error(diff.error)
  const r = strategicMergePatch(current, diff.patch)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const pod = (o: Obj) => (o.spec as { template: { spec: Obj } }).template.spec
const names = (list: unknown) => ((list as Obj[] | undefined) ?? []).map((c) => c.name ?? c.ip)

test("apply over others' changes: the manifest wins, their items stay, dropped ones go", () => {
  fc.assert(
    fc.property(deployment, serverChange, deployment, (first, change, next) => {
      const created = structuredClone(first)
      const changed = strategicMergePatch(created, change)
      if (!changed.ok) throw new Error(changed.error.message)
      const live = changed.value
      const result = apply(first, next, live)
      const fin = (o: Obj) => ((o.metadata as Obj).finalizers as string[] | undefined) ?? []
      // the manifest's finalizers are there (not always in its order: kubectl compares the live
      // list sorted, so a manifest listing them sorted sends no order), its containers in order
      const wanted = fin(next)
      expect(
        fin(result)
          .filter((f) => wanted.includes(f))
          .sort(),
      ).toEqual([...wanted].sort())
      const want = names(pod(next).containers)
      expect(names(pod(result).containers).filter((n) => want.includes(n))).toEqual(want)
      // others' finalizers and aliases stay; the last apply's dropped ones go
      for (const f of fin(live)) if (!fin(first).includes(f)) expect(fin(result)).toContain(f)
      for (const f of fin(first)) if (!wanted.includes(f)) expect(fin(result)).not.toContain(f)
      expect(names(pod(result).hostAliases)).toContain('10.9.9.9')
      // the manifest's fields win inside a merged item
      for (const c of pod(next).containers as Obj[]) {
        const got = (pod(result).containers as Obj[]).find((x) => x.name === c.name)!
        expect(got.image).toBe(c.image)
        const env = names(c.env)
        expect(names(got.env).filter((n) => env.includes(n))).toEqual(env)
      }
      // the same manifest again changes nothing
      expect(apply(next, next, result)).toEqual(result)
    }),
    { numRuns: 300 },
  )
})
