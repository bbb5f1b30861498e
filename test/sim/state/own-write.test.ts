// The Deployment controller's own status write (controllers/key-memo.ts syncKeyOwn): a sync whose
// only write was its Deployment's status is remembered as quiet with the new version, and settle
// does not run the controller again for it. That must never change the outcome: the shortcut on
// and off over random lines, with a stuck rollout (its pods fit no node) whose progress deadline
// passes while nothing is written (the due time the remembered sync must keep), and a planted fault that the lines catch.
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import type * as DeploymentStatus from '../../../worker/sim/controllers/deployment-status'
import { ownQuietWrites, skipAfterOwnWrite } from '../../../worker/sim/controllers/key-memo'
import {
  expectSameOnAndOff,
  LINES,
  playLines,
  switchedOutcomes,
  type Line,
} from './change-sequences'

const planted = vi.hoisted(() => ({ fault: false }))

vi.mock('../../../worker/sim/controllers/deployment-status', async (importOriginal) => {
  const real = await importOriginal<typeof DeploymentStatus>()
  // the fault: the remembered sync forgets the progress deadline
  return {
    ...real,
    progressDue: (o: Parameters<typeof real.progressDue>[0]) =>
      planted.fault ? Infinity : real.progressDue(o),
  }
})

afterEach(() => {
  skipAfterOwnWrite(true)
  planted.fault = false
})

const STUCK = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: stuck
spec:
  replicas: 2
  progressDeadlineSeconds: 40
  selector:
    matchLabels: { app: stuck }
  template:
    metadata:
      labels: { app: stuck }
    spec:
      nodeSelector: { disk: none }
      containers:
      - name: web
        image: nginx:1.27
`

const STUCK_LINES: [Line, number][] = [
  [{ command: 'kubectl apply -f -', stdin: STUCK }, 1_000],
  [{ command: 'kubectl get pods' }, 5_000],
  [{ command: 'kubectl get pods' }, 15_000],
  [{ command: 'kubectl get deployment stuck' }, 120_000],
  [{ command: 'kubectl describe deployment stuck' }, 1_000],
]

const arbLines = fc.array(
  fc.tuple(
    fc.constantFrom(...LINES, { command: 'kubectl apply -f -', stdin: STUCK }),
    fc.constantFrom(0, 1_000, 15_000, 45_000, 120_000),
  ),
  { minLength: 1, maxLength: 10 },
)

const outcomes = (lines: [Line, number][], shortcut: boolean) =>
  switchedOutcomes(skipAfterOwnWrite, shortcut, () => playLines(lines))

describe("the Deployment controller's own status write", () => {
  it('leaves the same documents and output as syncing again, over random lines', () => {
    expectSameOnAndOff(skipAfterOwnWrite, arbLines, playLines, { numRuns: 40 })
  })

  it('is taken by a scale, and a stuck rollout still times out', () => {
    const scale: [Line, number][] = [
      [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 250],
    ]
    const taken = ownQuietWrites()
    expect(outcomes(scale, true)).toEqual(outcomes(scale, false))
    expect(ownQuietWrites()).toBeGreaterThan(taken)
    const stuck = outcomes(STUCK_LINES, true)
    expect(stuck).toEqual(outcomes(STUCK_LINES, false))
    expect(stuck.at(-1)).toMatch(/ProgressDeadlineExceeded/)
  })

  it('a remembered sync that forgets the deadline is caught', () => {
    planted.fault = true
    expect(outcomes(STUCK_LINES, true)).not.toEqual(outcomes(STUCK_LINES, false))
  })
})
