// The uid index (worker/sim/uid-index.ts) behind the garbage collector's "does the owner still
// exist" and pruneEvents' "is the event's object gone": over random writes it answers as a scan
// of the document does. A planted fault (putObject no longer noting the uid it wrote) fails it.
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as UidIndex from '../../../worker/sim/uid-index'
import type { Pod } from '../../../worker/sim/objects/types'
import {
  emptyState,
  forgetIndex,
  objectKey,
  putObject,
  removeObject,
  type ClusterState,
} from '../../../worker/sim/state'
import { hasUid } from '../../../worker/sim/uid-index'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'

const planted = vi.hoisted(() => ({ fault: false }))

vi.mock('../../../worker/sim/uid-index', async (importOriginal) => {
  const real = await importOriginal<typeof UidIndex>()
  return {
    ...real,
    noteUid: (...args: Parameters<typeof real.noteUid>) => {
      if (!planted.fault) real.noteUid(...args)
    },
  }
})

afterEach(() => {
  planted.fault = false
  checkDocumentChanged(true)
})

const pod = (name: string, uid: string): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid, resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [] },
    status: { phase: 'Pending' },
  }) as unknown as Pod

type Op =
  { op: 'create' | 'replace' | 'update' | 'remove' | 'direct'; name: number } | { op: 'ask' }

const OPS: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom('create', 'replace', 'update', 'remove', 'direct'),
    name: fc.integer({ min: 0, max: 4 }),
  }) as fc.Arbitrary<Op>,
  fc.constant({ op: 'ask' } as Op),
)

const scan = (s: ClusterState, uid: string) =>
  Object.values(s.objects).some((o) => o.metadata.uid === uid)

/** Plays the writes; after each, every uid ever used is asked of the index and of the document. */
function play(ops: Op[]): void {
  const s = emptyState(1, 0)
  const used: string[] = []
  let next = 0
  const fresh = () => {
    const uid = `uid-${next++}`
    used.push(uid)
    return uid
  }
  for (const o of ops) {
    if (o.op === 'ask') {
      for (const uid of used) expect(hasUid(s, uid), uid).toBe(scan(s, uid))
      continue
    }
    const name = `p${o.name}`
    const key = objectKey('Pod', 'default', name)
    const there = s.objects[key]
    if (o.op === 'create' && !there) putObject(s, pod(name, fresh()))
    if (o.op === 'replace' && there) putObject(s, pod(name, fresh()))
    if (o.op === 'update' && there) putObject(s, there)
    if (o.op === 'remove') removeObject(s, 'Pod', 'default', name)
    if (o.op === 'direct') {
      // a write behind putObject's back, announced as the index's contract asks
      s.objects[key] = pod(name, fresh())
      forgetIndex(s)
    }
  }
  for (const uid of used) expect(hasUid(s, uid), uid).toBe(scan(s, uid))
}

const PROPERTY = fc.property(fc.array(OPS, { maxLength: 40 }), (ops) => play(ops))

describe('uid index', () => {
  it('answers as a scan of the document after any writes', () => {
    // the index is compared by the test itself, not by check mode's own comparison
    checkDocumentChanged(false)
    fc.assert(PROPERTY, { numRuns: 300, seed: 11 })
  })

  it('an object replaced under its key by one with another uid: the old uid is gone', () => {
    const s = emptyState(1, 0)
    putObject(s, pod('a', 'old'))
    expect(hasUid(s, 'old')).toBe(true)
    putObject(s, pod('a', 'new'))
    expect([hasUid(s, 'old'), hasUid(s, 'new')]).toEqual([false, true])
    removeObject(s, 'Pod', 'default', 'a')
    expect([hasUid(s, 'old'), hasUid(s, 'new')]).toEqual([false, false])
  })

  it('fails when putObject does not note the uid it wrote (planted fault)', () => {
    checkDocumentChanged(false)
    planted.fault = true
    expect(() => fc.assert(PROPERTY, { numRuns: 300, seed: 11 })).toThrow()
  })

  it('check mode (every Node test) throws when the index and the document disagree', () => {
    const s = emptyState(1, 0)
    hasUid(s, 'x') // builds the index
    planted.fault = true
    putObject(s, pod('a', 'unseen'))
    expect(() => hasUid(s, 'unseen')).toThrow(/uid index/)
  })
})
