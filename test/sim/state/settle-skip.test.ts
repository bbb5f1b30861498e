// settle skips a controller that found nothing to do, when nothing was written since and none of
// its due times has come (controllers/settle-memo.ts). Skipping must never change the outcome: the
// same lines with and without the skip leave the same documents and print the same output.
import { afterEach, describe, expect, it } from 'vitest'
import { skipQuietControllers } from '../../../worker/sim/controllers/settle-memo'
import { settle } from '../../../worker/sim/controllers/settle'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import {
  arbLines,
  arbShellLines,
  expectSameOnAndOff,
  playLines,
  playTerminal,
  seededJSON,
  T0,
} from './change-sequences'

afterEach(() => skipQuietControllers(true))

const MIN_READY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: slow
spec:
  replicas: 2
  minReadySeconds: 20
  progressDeadlineSeconds: 30
  selector:
    matchLabels: { app: slow }
  template:
    metadata:
      labels: { app: slow }
    spec:
      containers:
      - name: web
        image: nginx:1.27
`

describe('settle skipping quiet controllers', () => {
  it('leaves the same documents and output as a full settle, over random command sequences', () => {
    expectSameOnAndOff(skipQuietControllers, arbLines, playLines, { numRuns: 50 })
  })

  it('leaves the same documents and output in terminal sessions', () => {
    expectSameOnAndOff(skipQuietControllers, arbShellLines, playTerminal, { numRuns: 20 })
  })

  it('lets minReadySeconds and a progress deadline come due while nothing is written', () => {
    // settles at many small steps: the ReplicaSet's availability and the Deployment's deadline
    // change by time alone, between commands that write nothing
    const steps = (skip: boolean) => {
      skipQuietControllers(skip)
      const s = JSON.parse(seededJSON()) as ClusterState
      let now = T0 + 120_000
      run(s, 'kubectl apply -f -', { now, stdin: MIN_READY, owned: true })
      const seen: string[] = []
      for (let i = 0; i < 40; i++) {
        now += 1_500
        settle(s, now)
        const slow = Object.values(s.objects).filter((o) => o.metadata.name.startsWith('slow'))
        seen.push(JSON.stringify(slow.filter((o) => o.kind !== 'Pod').map((o) => o.status)))
      }
      return { seen, doc: JSON.stringify(s) }
    }
    const skipped = steps(true)
    expect(skipped).toEqual(steps(false))
    // not vacuous: availability changed along the way
    expect(new Set(skipped.seen).size).toBeGreaterThan(2)
  })
})
