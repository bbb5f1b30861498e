// settle skips a quiet controller while none of the kinds it reads is written
// (controllers/controller-reads.ts): events recorded by the others, pruneEvents' removals. Lines
// here reach what the kinds must name, each compared with a full settle: a node relabelled under a
// pending pod (the scheduler reads Nodes), a ReplicaSet refused by the quota whose FailedCreate
// event is pruned (a run short of pods reads every kind), a Service's pods relabelled (the
// Endpoints and slices read Pods). The random sequences of settle-skip.test.ts cover the rest.
import { afterEach, describe, expect, it } from 'vitest'
import { skipQuietControllers } from '../../../worker/sim/controllers/settle-memo'
import { READ_EDGES, readOutcomes } from './read-edges'
import { objectsOfKind } from '../../../worker/sim/state'
import type { KubeEvent } from '../../../worker/sim/objects/types'
import { playLines } from './change-sequences'

afterEach(() => skipQuietControllers(true))

describe("settle's skip by the kinds a controller reads", () => {
  it('leaves the same documents and output as a full settle, edge by edge', () => {
    for (const lines of READ_EDGES)
      expect(readOutcomes(lines, true), lines[0]?.[0].command).toEqual(readOutcomes(lines, false))
  })

  it('reaches the edges it is about', () => {
    const [picky] = READ_EDGES.map((lines) => readOutcomes(lines, true))
    // the pending pod is bound once a node carries its label
    expect(picky?.[1]).toMatch(/FailedScheduling/)
    expect(picky?.[3]).toMatch(/picky\s+1\/1\s+Running.*lab-worker /)
    // the refusal is recorded again after its event went
    const failedCreates = new Set<string>()
    for (const step of playLines(READ_EDGES[1] ?? []))
      for (const e of objectsOfKind<KubeEvent>(step.after, 'Event'))
        if (e.reason === 'FailedCreate') failedCreates.add(e.metadata.uid)
    expect(failedCreates.size).toBeGreaterThan(1)
  })
})
