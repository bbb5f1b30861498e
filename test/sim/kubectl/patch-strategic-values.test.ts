// What the apiserver's strategic merge (apimachinery v0.32 strategicpatch mergeMap, server options
// MergeParallelList and IgnoreUnmatchedNulls) does with a patch value it takes as it is, and with
// a `$deleteFromPrimitiveList` it has no list for: kubectl apply's patches reach both.
import { describe, expect, test } from 'vitest'
import { lab } from './helpers'
import { strategicMergePatch } from '../../../worker/sim/kubectl/patch-strategic'

const smp = (target: Record<string, unknown>, patch: Record<string, unknown>) => {
  const r = strategicMergePatch(target, patch)
  return r.ok ? r.value : r.error
}

describe('a patch value the live object has no counterpart for', () => {
  test('is taken without its nulls (discardNullValuesFromPatch)', () => {
    expect(smp({ metadata: {} }, { metadata: { labels: { a: '1', b: null } } })).toEqual({
      metadata: { labels: { a: '1' } },
    })
    expect(smp({ spec: { x: 1 } }, { spec: { x: { y: null, z: [{ w: null, v: 2 }] } } })).toEqual({
      spec: { x: { z: [{ v: 2 }] } },
    })
  })

  test('is taken without its directives (removeDirectives)', () => {
    const containers = [{ name: 'a' }, { name: 'b', $patch: 'delete' }]
    expect(smp({ spec: {} }, { spec: { containers } })).toEqual({
      spec: { containers: [{ name: 'a' }] },
    })
    const ordered = { containers, '$setElementOrder/containers': [{ name: 'a' }] }
    expect(smp({ spec: {} }, { spec: ordered })).toEqual({ spec: { containers: [{ name: 'a' }] } })
    expect(smp({ spec: {} }, { spec: { template: { $patch: 'delete' } } })).toEqual({ spec: {} })
  })

  test('a $deleteFromPrimitiveList with no list to delete from changes nothing', () => {
    const patch = { metadata: { '$deleteFromPrimitiveList/finalizers': ['a.io/x'] } }
    expect(smp({ metadata: { name: 'web' } }, patch)).toEqual({ metadata: { name: 'web' } })
    expect(smp({ metadata: { finalizers: 'odd' } }, patch)).toEqual({
      metadata: { finalizers: 'odd' },
    })
  })

  test('a $deleteFromPrimitiveList deletes from a list of any strategy', () => {
    const target = { spec: { containers: [{ name: 'c', args: ['a', 'b', 'a'] }] } }
    const patch = { spec: { containers: [{ name: 'c', '$deleteFromPrimitiveList/args': ['a'] }] } }
    expect(smp(target, patch)).toEqual({ spec: { containers: [{ name: 'c', args: ['b'] }] } })
  })
})

describe('kubectl patch with a deletion list and no list', () => {
  test('is "no change"', () => {
    const { k } = lab()
    k('create deployment web --image=nginx')
    expect(
      k(`patch deploy web -p '{"metadata":{"$deleteFromPrimitiveList/finalizers":["a.io/x"]}}'`),
    ).toEqual({ stdout: 'deployment.apps/web patched (no change)\n', stderr: '', exitCode: 0 })
    expect(k(`get deploy web -o 'jsonpath={.metadata.finalizers}'`).stdout).toBe('')
  })
})

describe('a "__proto__" key is a key like any other (decoded JSON has it as its own)', () => {
  const invalid = (name: string) =>
    `The Service "${name}" is invalid: metadata.labels: Invalid value: "__proto__": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`
  const svc = (labels: string) =>
    `{"apiVersion":"v1","kind":"Service","metadata":{"name":"web","labels":${labels}},"spec":{"ports":[{"port":80}]}}`

  test('kubectl patch and kubectl apply send it, and validation answers', () => {
    const { k } = lab()
    k('apply -f -', svc('{"a":"b"}'))
    expect(k(`patch svc web -p '{"metadata":{"labels":{"__proto__":"x"}}}'`).stderr).toBe(
      invalid('web'),
    )
    expect(k('apply -f -', svc('{"a":"b","__proto__":"x"}')).stderr).toBe(invalid('web'))
  })

  test('the merge keeps it as a key', () => {
    const patch = JSON.parse('{"metadata":{"labels":{"__proto__":"x"}}}') as Record<string, unknown>
    const r = smp({ metadata: { labels: { a: 'b' } } }, patch) as { metadata: { labels: object } }
    expect(Object.entries(r.metadata.labels)).toEqual([
      ['a', 'b'],
      ['__proto__', 'x'],
    ])
  })
})
