// documentChanged (worker/sim/document-changed.ts): false only when the document a command leaves
// is JSON-identical to the one it was given, so the platform may skip storing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'
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
