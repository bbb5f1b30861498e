// The net under documentChanged catches a write path that bypasses putObject and forgets to mark:
// here listing pods (what `kubectl get pods` and the controllers do) is made to edit the first pod
// in place, as a careless future "last seen" note would.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { checkDocumentChanged } from '../../../worker/sim/document-changed'
import type * as ObjectIndex from '../../../worker/sim/object-index'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { arbLines, playLines, seededJSON, T0 } from './change-sequences'

vi.mock('../../../worker/sim/object-index', async (importOriginal) => {
  const real = await importOriginal<typeof ObjectIndex>()
  let seen = 0
  const listObjects = ((s, kind, namespace) => {
    const out = real.listObjects(s, kind, namespace)
    const first = out[0]
    if (kind === 'Pod' && first) (first.metadata.annotations ??= {}).seen = String((seen += 1))
    return out
  }) as typeof real.listObjects
  return { ...real, listObjects }
})

describe('a planted missed write', () => {
  beforeAll(() => checkDocumentChanged(false))
  afterAll(() => checkDocumentChanged(true))

  it('is found by the property over random command sequences', () => {
    expect(() =>
      fc.assert(
        fc.property(arbLines, (lines) => {
          for (const step of playLines(lines))
            if (step.documentChanged === false) expect(JSON.stringify(step.after)).toBe(step.before)
        }),
        { numRuns: 60, seed: 42 },
      ),
    ).toThrow(/Property failed/)
  })

  it('is reported by check mode, naming the line', () => {
    const s = JSON.parse(seededJSON()) as ClusterState
    const at = T0 + 120_000
    run(s, 'kubectl get pods', { now: at, owned: true })
    checkDocumentChanged(true)
    try {
      // the object's JSON kept from before the command no longer matches it, or the document
      // differs although the result says unchanged: either way the line is named
      expect(() => run(s, 'kubectl get pods', { now: at, owned: true })).toThrow(
        /(a write was not marked|an object changed without a new resourceVersion) \(run: kubectl get pods\)/,
      )
    } finally {
      checkDocumentChanged(false)
    }
  })
})
