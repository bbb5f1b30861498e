// A ReplicaSet's sync converges in one run, so after one that wrote its key is remembered as quiet
// with what a rerun would read (key-memo.ts syncKeyAfter, replica-set-inputs.ts): the pods it
// controls counted by what its status reads of them (labels matching, ready and since when), not
// by resourceVersion, inactive ones not at all. The rerun a scale's writes used to cause (the new
// pod bound and admitted, the deleted one gone) is skipped. On and off must leave the same
// documents and output: random lines, a pod becoming ready and available (minReadySeconds), and
// a planted fault (readiness left out of what is counted) that those catch.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Util from '../../../worker/sim/controllers/util'
import { rememberAfterWrite } from '../../../worker/sim/controllers/key-memo'
import { projectOwnedPods } from '../../../worker/sim/controllers/replica-set-inputs'
import {
  arbLines,
  expectSameOnAndOff,
  playLines,
  switchedOutcomes,
  type Line,
} from './change-sequences'

const planted = vi.hoisted(() => ({ fault: false, available: 0 }))

vi.mock('../../../worker/sim/controllers/util', async (importOriginal) => {
  const real = await importOriginal<typeof Util>()
  return {
    ...real,
    // the fault: the inputs take every pod they count as not ready (ownedPodReads)
    isPodReady: (p: Parameters<typeof real.isPodReady>[0]) => {
      if (planted.fault && new Error().stack?.includes('ownedPodReads')) return false
      return real.isPodReady(p)
    },
    // counts the ReplicaSet syncs' status work (computeStatus asks it of each active pod)
    isPodAvailable: (...args: Parameters<typeof real.isPodAvailable>) => {
      planted.available += 1
      return real.isPodAvailable(...args)
    },
  }
})

afterEach(() => {
  rememberAfterWrites(true)
  planted.fault = false
})

/** Both halves of the memo: the sync remembered after a write, and the pods counted as read. */
function rememberAfterWrites(on: boolean): void {
  rememberAfterWrite(on)
  projectOwnedPods(on)
}

const outcomes = (lines: [Line, number][], on: boolean) =>
  switchedOutcomes(rememberAfterWrites, on, () => playLines(lines))

const SLOW = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: slow
spec:
  replicas: 2
  minReadySeconds: 20
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

/** Pods made by a scale and an apply, seen starting, ready, then available. */
const STARTING: [Line, number][] = [
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 250],
  [{ command: 'kubectl apply -f -', stdin: SLOW }, 30],
  [{ command: 'kubectl get rs' }, 4_000],
  [{ command: 'kubectl get rs' }, 10_000],
  [{ command: 'kubectl get rs' }, 15_000],
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=1' }, 30],
  [{ command: 'kubectl get rs' }, 30_000],
]

describe("a ReplicaSet's sync remembered after it wrote", () => {
  it('leaves the same documents and output as syncing again, over random lines', () => {
    expectSameOnAndOff(rememberAfterWrites, arbLines, playLines, { numRuns: 50, seed: 13 })
  })

  it("spares a scale's rerun", () => {
    const scales: [Line, number][] = [
      [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 250],
      [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=1' }, 30],
      [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 30],
    ]
    let at = planted.available
    const on = outcomes(scales, true)
    const withMemo = planted.available - at
    at = planted.available
    expect(on).toEqual(outcomes(scales, false))
    expect(withMemo).toBeLessThan(planted.available - at)
  })

  it('keeps counting pods as they become ready and available', () => {
    const out = outcomes(STARTING, true)
    expect(out).toEqual(outcomes(STARTING, false))
    const shown = out.map((o) => o.slice(0, o.indexOf('\n{')))
    expect(shown[4]).toMatch(/\nnginx-deployment-3-\w+ +2 +2 +2 /)
    expect(shown[4]).toMatch(/\nslow-\w+ +2 +2 +2 /)
  })

  it('readiness left out of what is counted is caught', () => {
    planted.fault = true
    expect(outcomes(STARTING, true)).not.toEqual(outcomes(STARTING, false))
  })
})
