// objectsOfKind keeps each kind's list between calls (sim/object-index.ts) and drops it on any write
// of the kind. That must never change the outcome: kept lists on and off over random lines, and a
// planted fault (an added or replaced object leaves the list as it was) that the lines catch.
// Check mode (every Node test) freezes a kept list and compares it with a scan on every use.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as ObjectIndex from '../../../worker/sim/object-index'
import { keepKindLists, objectsOfKind } from '../../../worker/sim/object-index'
import type { Kind } from '../../../worker/sim/objects/resources'
import type { Deployment } from '../../../worker/sim/objects/types'
import { cloneJSON, putObject, type ClusterState } from '../../../worker/sim/state'
import {
  arbLines,
  expectSameOnAndOff,
  playLines,
  seededJSON,
  switchedOutcomes,
  type Line,
} from './change-sequences'

const planted = vi.hoisted(() => ({ fault: false, inPlace: false }))

vi.mock('../../../worker/sim/object-index', async (importOriginal) => {
  const real = await importOriginal<typeof ObjectIndex>()
  // the fault: a kind's list kept when an object is added or replaced (putObject forgetting to
  // drop it; dropped only when the kind loses a key). A removal alone forgotten goes uncaught
  // over these lines
  const stale = new WeakMap<ClusterState, Map<string, readonly unknown[]>>()
  function objectsOfKind(s: ClusterState, kind: Kind, namespace?: string) {
    const fresh = real.objectsOfKind(s, kind, namespace)
    if (!planted.fault || namespace !== undefined) return fresh
    let lists = stale.get(s)
    if (!lists) stale.set(s, (lists = new Map()))
    const kept = lists.get(kind)
    if (kept && fresh.length >= kept.length) return kept
    lists.set(kind, fresh)
    return fresh
  }
  // the second fault: every write to an existing key taken as in place (a replaced object too)
  function noteWrite(...[s, kind, key, isNew, inPlace]: Parameters<typeof real.noteWrite>) {
    real.noteWrite(s, kind, key, isNew, planted.inPlace ? !isNew : inPlace)
  }
  return { ...real, objectsOfKind, noteWrite }
})

afterEach(() => {
  keepKindLists(true)
  planted.fault = false
  planted.inPlace = false
})

const outcomes = (lines: [Line, number][], keep: boolean) =>
  switchedOutcomes(keepKindLists, keep, () => playLines(lines))

const SCALES: [Line, number][] = [
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 250],
  [{ command: 'kubectl get pods' }, 15_000],
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=1' }, 250],
  [{ command: 'kubectl get deployments' }, 1_000],
]

describe("objectsOfKind's kept lists", () => {
  // first: what earlier tests leave in the process's memos hides the fault's effect
  it('a kept list not dropped by putObject is caught', () => {
    planted.fault = true
    expect(() =>
      expectSameOnAndOff(keepKindLists, arbLines, playLines, { numRuns: 40, seed: 11 }),
    ).toThrow()
  })

  it('leave the same documents and output as a scan per call, over random lines', () => {
    expectSameOnAndOff(keepKindLists, arbLines, playLines, { numRuns: 40, seed: 11 })
  })

  it('are shared between calls, frozen in check mode, and dropped by a write', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const pods = objectsOfKind(s, 'Pod')
    expect(objectsOfKind(s, 'Pod')).toBe(pods)
    expect(Object.isFrozen(pods)).toBe(true)
    const [first] = playLines(SCALES.slice(0, 1), seededJSON())
    expect(first?.output).toMatch(/scaled/)
    expect(outcomes(SCALES, true)).toEqual(outcomes(SCALES, false))
  })

  it('survive a write in place and not a replacement', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const deployments = objectsOfKind<Deployment>(s, 'Deployment')
    const [first] = deployments
    if (!first) throw new Error('the seeded cluster has Deployments')
    putObject(s, first)
    expect(objectsOfKind(s, 'Deployment')).toBe(deployments)
    const copy = cloneJSON(first)
    putObject(s, copy)
    expect(objectsOfKind(s, 'Deployment')).toContain(copy)
    expect(objectsOfKind(s, 'Deployment')).not.toContain(first)
  })

  it('a replaced object taken as changed in place is caught in check mode', () => {
    planted.inPlace = true
    const s = JSON.parse(seededJSON()) as ClusterState
    const [first] = objectsOfKind(s, 'Deployment')
    if (!first) throw new Error('the seeded cluster has Deployments')
    putObject(s, cloneJSON(first))
    expect(() => objectsOfKind(s, 'Deployment')).toThrow(/stale/)
  })

  it('a key deleted behind the index is caught in check mode', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const pods = objectsOfKind(s, 'Pod')
    const pod = pods[0]
    if (!pod) throw new Error('the seeded cluster has pods')
    delete s.objects[`Pod/${pod.metadata.namespace}/${pod.metadata.name}`]
    expect(() => objectsOfKind(s, 'Pod')).toThrow(/stale/)
  })
})
