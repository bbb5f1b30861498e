// documentChanged (worker/sim/document-changed.ts): false only when the document a command leaves
// is JSON-identical to the one it was given, so the platform may skip storing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkDocumentChanged, sameValues } from '../../../worker/sim/document-changed'
import { cloneJSON } from '../../../worker/sim/clone-json'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import {
  arbLines,
  arbShellLines,
  playLines,
  playTerminal,
  seededJSON,
  T0,
} from './change-sequences'

// the properties check the flag themselves, not through check mode's own throw
beforeAll(() => checkDocumentChanged(false))
afterAll(() => checkDocumentChanged(true))

describe('documentChanged', () => {
  it('is false only when the JSON is unchanged, over random command sequences', () => {
    let unchanged = 0
    fc.assert(
      fc.property(arbLines, (lines) => {
        for (const step of playLines(lines)) {
          expect(step.documentChanged).toBeTypeOf('boolean')
          if (step.documentChanged) continue
          unchanged += 1
          expect(JSON.stringify(step.after), step.line).toBe(step.before)
        }
      }),
      { numRuns: 60 },
    )
    // not vacuous: reads at a settled time are reported unchanged
    expect(unchanged).toBeGreaterThan(20)
  })

  it('is false only when the JSON is unchanged in terminal sessions (shells included)', () => {
    fc.assert(
      fc.property(arbShellLines, (lines) => {
        for (const step of playTerminal(lines))
          if (step.documentChanged === false)
            expect(JSON.stringify(step.after), step.line).toBe(step.before)
      }),
      { numRuns: 30 },
    )
  })

  it('says unchanged for the reads of the bench and changed for scale and curl', () => {
    const at = T0 + 120_000
    const fresh = () => {
      const s = JSON.parse(seededJSON()) as ClusterState
      run(s, 'kubectl get pods', { now: at, owned: true })
      return s
    }
    const flag = (line: string, now = at) =>
      run(fresh(), line, { now, owned: true }).documentChanged
    expect(flag('kubectl get pods')).toBe(false)
    expect(flag('kubectl describe service my-blue-service')).toBe(false)
    expect(flag('kubectl get pods', at + 5_000)).toBe(false)
    expect(flag('kubectl scale deployment nginx-deployment-3 --replicas=2')).toBe(true)
    // the nginx pod's access log gets a line
    expect(flag('kubectl exec access-pod -- curl -s my-blue-service:8080')).toBe(true)
  })
})

describe("the small parts' comparison (sameValues)", () => {
  const rows: { name: string; a: unknown; b: unknown; same: boolean }[] = [
    { name: 'equal records', a: { x: 1, y: [1, 'a'] }, b: { x: 1, y: [1, 'a'] }, same: true },
    {
      name: 'a number changed deep inside',
      a: { k: { until: 5 } },
      b: { k: { until: 6 } },
      same: false,
    },
    // the same keys in another order are another JSON text: a record deleted and made again
    { name: 'keys in another order', a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, same: false },
    { name: 'a key added', a: { x: 1 }, b: { x: 1, y: 2 }, same: false },
    { name: 'an array grown', a: ['a'], b: ['a', 'b'], same: false },
    { name: 'an array for an object', a: { 0: 'a' }, b: ['a'], same: false },
    { name: 'null for an object', a: null, b: {}, same: false },
    { name: "'1' for 1", a: ['1'], b: [1], same: false },
  ]
  for (const row of rows)
    it(`answers ${row.same} for ${row.name}`, () => {
      expect(sameValues(row.a, row.b)).toBe(row.same)
      expect(sameValues(row.b, row.a)).toBe(row.same)
    })

  it('answers true only for values of the same JSON, and for any value and its copy', () => {
    const arb = fc.jsonValue({ maxDepth: 3 })
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(sameValues(a, cloneJSON(a))).toBe(true)
        if (sameValues(a, b)) expect(JSON.stringify(a)).toBe(JSON.stringify(b))
      }),
      { numRuns: 2000 },
    )
  })
})
