// Document deltas (worker/sim/document-delta.ts) taken as the platform takes them: one after each
// line of a random sequence, over a base taken at the start or again at random points, so what
// deltas keep between lines (the JSON of the log lines appended since the base) is exercised.
import fc from 'fast-check'
import { applyDelta, deltaBase, deltaJSON, topJSON } from '../../../worker/sim/document-delta'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { LINES, seededJSON, T0, type Line } from './change-sequences'

const CURL = { command: 'kubectl exec access-pod -- curl -s my-blue-service:8080' }

/** Lines (curl weighted up: it appends to the nginx logs), gaps, and whether to rebase after. */
export const arbDeltaLines = fc.array(
  fc.tuple(
    fc.oneof(fc.constantFrom(...LINES), fc.constant(CURL)),
    fc.constantFrom(0, 1_000, 15_000, 120_000),
    fc.boolean(),
  ),
  { minLength: 1, maxLength: 16 },
)

/** After a line: the document, and what its base plus its delta give back (both as JSON). */
export interface DeltaStep {
  line: string
  live: string
  rebuilt: string
}

/** Plays `lines` on a fresh parse of the seeded document, taking a delta after each. */
export function* playDeltas(lines: [Line, number, boolean][]): Generator<DeltaStep> {
  let s = JSON.parse(seededJSON()) as ClusterState
  let now = T0 + 120_000
  let { base, baseJSON, baseTop } = takeBase(s, 0)
  for (const [i, [line, gap, rebase]] of lines.entries()) {
    now += gap
    s = run(s, line.command, { now, stdin: line.stdin, owned: true }).state
    const delta = deltaJSON(s, base, baseTop)
    const parsed = JSON.parse(baseJSON) as ClusterState
    const rebuilt = delta === null ? parsed : applyDelta(parsed, delta, base.id)
    yield { line: line.command, live: JSON.stringify(s), rebuilt: JSON.stringify(rebuilt) }
    if (rebase) ({ base, baseJSON, baseTop } = takeBase(s, i + 1))
  }
}

function takeBase(s: ClusterState, n: number) {
  const base = deltaBase(s, `base-${n}`)
  return { base, baseJSON: JSON.stringify(s), baseTop: topJSON(s, base) }
}
