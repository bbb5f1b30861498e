// The endpoints controller skips a Service's sync while what it reads is as it was when the sync
// last wrote nothing (controllers/endpoints.ts serviceReads, key-memo.ts): the Service, the pods
// it selects (with an IP) and its Endpoints. A scale's new pod has no IP yet, so the sync its new
// resourceVersion used to cause is skipped. The skip on and off must leave the same documents and
// output: random lines, a hand edit of the Endpoints put back by the sync a new pod causes, and a
// planted fault (the Endpoints left out of what the sync reads) that those lines catch.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as KeyMemo from '../../../worker/sim/controllers/key-memo'
import { skipQuietControllers } from '../../../worker/sim/controllers/settle-memo'
import {
  arbLines,
  expectSameOnAndOff,
  playLines,
  switchedOutcomes,
  type Line,
} from './change-sequences'

const planted = vi.hoisted(() => ({ fault: false, skips: 0 }))

vi.mock('../../../worker/sim/controllers/key-memo', async (importOriginal) => {
  const real = await importOriginal<typeof KeyMemo>()
  // the fault: an Endpoints sync's inputs without the Endpoints (uid and version after the
  // Service's), so a hand edit is not seen; and a count of the skips taken
  function syncKey<A extends unknown[]>(
    ...[s, key, inputs, now, sync, ...args]: Parameters<typeof real.syncKey<A>>
  ): boolean {
    const endpoints = key.startsWith('endpoints:')
    const read =
      endpoints && planted.fault && inputs ? [...inputs.slice(0, 2), ...inputs.slice(4)] : inputs
    let ran = false
    const counted = ((...a: A) => {
      ran = true
      return sync(...a)
    }) as typeof sync
    const changed = real.syncKey(s, key, read, now, counted, ...args)
    if (endpoints && !ran) planted.skips += 1
    return changed
  }
  return { ...real, syncKey }
})

afterEach(() => {
  skipQuietControllers(true)
  planted.fault = false
})

const outcomes = (lines: [Line, number][], skip: boolean) =>
  switchedOutcomes(skipQuietControllers, skip, () => playLines(lines))

const HAND = `apiVersion: v1
kind: Endpoints
metadata:
  name: my-blue-service
subsets:
- addresses:
  - ip: 10.244.9.9
  ports:
  - port: 80
`

/** A hand edit, then a scale: its new pod (no IP yet) makes the Service sync, which puts it back. */
const HAND_EDIT: [Line, number][] = [
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 1_000],
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=1' }, 30],
  [{ command: 'kubectl apply -f -', stdin: HAND }, 1_000],
  [{ command: 'kubectl get endpoints my-blue-service' }, 1_000],
  [{ command: 'kubectl scale deployment nginx-deployment-3 --replicas=2' }, 1_000],
  [{ command: 'kubectl get endpoints my-blue-service' }, 1_000],
]

describe("the endpoints controller's per-Service skip", () => {
  it('leaves the same documents and output as syncing, over random lines', () => {
    expectSameOnAndOff(skipQuietControllers, arbLines, playLines, { numRuns: 50, seed: 7 })
  })

  it('is taken by a scale, and a hand edit is still put back by the next sync', () => {
    const skips = planted.skips
    const out = outcomes(HAND_EDIT, true)
    expect(out).toEqual(outcomes(HAND_EDIT, false))
    expect(planted.skips).toBeGreaterThan(skips)
    const shown = out.map((o) => o.slice(0, o.indexOf('\n{')))
    expect(shown[3]).toMatch(/\nmy-blue-service +10\.244\.9\.9:80 /)
    expect(shown[5]).toMatch(/\nmy-blue-service +10\.244\.\d+\.\d+:80,/)
    expect(shown[5]).not.toMatch(/10\.244\.9\.9/)
  })

  it('a sync that does not read the Endpoints is caught', () => {
    planted.fault = true
    expect(outcomes(HAND_EDIT, true)).not.toEqual(outcomes(HAND_EDIT, false))
  })
})
