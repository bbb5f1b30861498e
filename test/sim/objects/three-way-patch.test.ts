// The patch kubectl apply sends (apimachinery CreateThreeWayMergePatch), field by field: merge
// keys found by path, the directives kubectl writes and when it writes them. The same inputs
// against the real kubectl 1.32 are in test/node/kube-api-kubectl-apply.test.ts.
import { describe, expect, test } from 'vitest'
import { threeWayMergePatch } from '../../../worker/sim/objects/three-way-patch'

type Obj = Record<string, unknown>

const patch = (original: Obj | undefined, modified: Obj, current: Obj) => {
  const r = threeWayMergePatch(original, modified, current)
  return r.ok ? r.patch : r.error
}

const cond = (type: string, status = 'True') => ({ type, status })

describe('three-way merge patch', () => {
  test('status conditions are keyed by type: a dropped one is a $patch: delete item', () => {
    const original = { status: { conditions: [cond('A'), cond('B')] } }
    const modified = { status: { conditions: [cond('B')] } }
    const current = { status: { conditions: [cond('A'), cond('B'), cond('C')] } }
    expect(patch(original, modified, current)).toEqual({
      status: {
        '$setElementOrder/conditions': [{ type: 'B' }],
        conditions: [{ type: 'A', $patch: 'delete' }],
      },
    })
  })

  test('the same field name elsewhere is not keyed: `conditions` under spec is replaced', () => {
    const original = { spec: { conditions: [cond('A')] } }
    const modified = { spec: { conditions: [cond('A', 'False')] } }
    expect(patch(original, modified, original)).toEqual(modified)
  })

  test('ownerReferences are keyed by uid', () => {
    const ref = (uid: string, name: string) => ({ uid, name, kind: 'ReplicaSet' })
    const original = { metadata: { ownerReferences: [ref('1', 'a')] } }
    const modified = { metadata: { ownerReferences: [ref('1', 'b')] } }
    const current = { metadata: { ownerReferences: [ref('1', 'a'), ref('2', 'x')] } }
    expect(patch(original, modified, current)).toEqual({
      metadata: {
        '$setElementOrder/ownerReferences': [{ uid: '1' }],
        ownerReferences: [{ uid: '1', name: 'b' }],
      },
    })
  })

  test('finalizers: additions in the list, deletions in a parallel list, the order beside', () => {
    const original = { metadata: { finalizers: ['a', 'b'] } }
    const modified = { metadata: { finalizers: ['c', 'b'] } }
    const current = { metadata: { finalizers: ['a', 'b', 'x'] } }
    expect(patch(original, modified, current)).toEqual({
      metadata: {
        finalizers: ['c'],
        '$deleteFromPrimitiveList/finalizers': ['a'],
        '$setElementOrder/finalizers': ['c', 'b'],
      },
    })
    // the same list, in sorted order, live and applied: nothing to send
    expect(patch(original, original, original)).toEqual({})
  })

  test('$retainKeys names the fields a retainKeys map keeps, when it changes or has more', () => {
    const live = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } }
    const recreate = { spec: { strategy: { type: 'Recreate' } } }
    expect(patch({}, recreate, live)).toEqual({
      spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } },
    })
    // the live map has a field the manifest does not name (hasAdditionalNewField)
    const rolling = { spec: { strategy: { type: 'RollingUpdate' } } }
    expect(patch(rolling, rolling, live)).toEqual({ spec: { strategy: { $retainKeys: ['type'] } } })
    expect(patch(live, live, live)).toEqual({})
  })

  test('an item without its merge key, or a list mixing types, stops the diff', () => {
    const live = { spec: { containers: [{ name: 'a', image: 'nginx' }] } }
    expect(patch(live, { spec: { containers: [{ image: 'nginx' }] } }, live)).toBe(
      'map: map[image:nginx] does not contain declared merge key: name',
    )
    expect(patch(live, { spec: { containers: [{ name: 'a' }, 'oops'] } }, live)).toBe(
      'list element types are not identical: [[map[image:nginx name:a]] [map[name:a] oops]]',
    )
    const maps = { metadata: { finalizers: [{ a: 1 }] } }
    expect(patch(undefined, maps, maps)).toBe('map: map[a:1] does not contain declared merge key: ')
    const nested = { metadata: { finalizers: [['x']] } }
    expect(patch(undefined, nested, nested)).toBe('lists of lists are not supported')
  })
})
