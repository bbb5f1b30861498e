// The endpoints controller's parts computed without building strings: compareIP orders as the
// dotted parts do, and the stored memory of each Service (state.runtime.endpointsSyncedFrom) is
// fnv32a of its inputs joined by `|`, as before (a changed value would make every stored document
// sync its Services again and store other bytes).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareIP } from '../../../worker/sim/controllers/service-ports'
import { FNV32A_OFFSET, fnv32a, fnv32aAppend } from '../../../worker/sim/controllers/hash'
import { matchesLabels } from '../../../worker/sim/controllers/util'
import type { Pod, Service } from '../../../worker/sim/objects/types'
import { objectsOfKind } from '../../../worker/sim/state'
import { arbLines, playLines } from '../state/change-sequences'

/** compareIP as it was: the parts split and compared one by one. */
function splitCompare(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0)
  return 0
}

const part = fc.oneof(fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('', 'x', '01'))
const ip = fc.oneof(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.')),
  fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join('.')),
)

describe("the endpoints controller's hashing", () => {
  it('compareIP has the sign of the part-by-part comparison', () => {
    fc.assert(
      fc.property(ip, ip, (a, b) => {
        expect(Math.sign(compareIP(a, b))).toBe(Math.sign(splitCompare(a, b)))
      }),
      { numRuns: 2000, seed: 3 },
    )
    expect(compareIP('10.244.1.9', '10.244.1.10')).toBeLessThan(0)
    expect(compareIP('10.244.2.1', '10.244.10.1')).toBeLessThan(0)
  })

  it('fnv32aAppend continues fnv32a', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(fnv32aAppend(fnv32a(a), b)).toBe(fnv32a(a + b))
        expect(fnv32aAppend(FNV32A_OFFSET, a)).toBe(fnv32a(a))
      }),
      { numRuns: 500, seed: 3 },
    )
  })

  it("keeps each Service's memory as fnv32a of its inputs joined, over random lines", () => {
    fc.assert(
      fc.property(arbLines, (lines) => {
        for (const step of playLines(lines)) {
          const s = step.after
          const pods = objectsOfKind<Pod>(s, 'Pod')
          for (const [key, stored] of Object.entries(s.runtime.endpointsSyncedFrom ?? {})) {
            const svc = objectsOfKind<Service>(s, 'Service').find(
              (v) => `${v.metadata.namespace}/${v.metadata.name}` === key,
            )
            if (!svc) continue
            const parts = [svc.metadata.uid, svc.metadata.resourceVersion]
            for (const p of pods)
              if (
                p.metadata.namespace === svc.metadata.namespace &&
                matchesLabels(svc.spec.selector, p.metadata.labels)
              )
                parts.push(p.metadata.uid, p.metadata.resourceVersion)
            expect(stored).toBe(fnv32a(parts.join('|')))
          }
        }
      }),
      { numRuns: 25, seed: 3 },
    )
  })
})
