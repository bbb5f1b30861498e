// The lab progress kept parsed between a cluster's commands (worker/http/kept-progress.ts): what
// each command reads must be what parsing the row gives, and what it writes must be
// JSON.stringify's bytes, whatever came before: lines past the 100 kept, `history -c`, tasks, notes
// holding undefined, a command whose write lost its race, another writer changing the row.
// Check mode (which verifies both on every command of every Node test) is off here, so that the
// path itself is what is compared.
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import {
  appendRecent,
  keepProgress,
  progressJSON,
  readProgress,
} from '../../worker/http/kept-progress'
import { parseProgress, RECENT_MAX, type Progress } from '../../worker/labs/grade'
import { checkDocumentChanged } from '../../worker/sim/document-changed'

afterEach(() => checkDocumentChanged(true))

type Step =
  | { kind: 'line'; line: string; task?: string; note?: [string, unknown]; clear?: string[] | null }
  | { kind: 'lost'; line: string; task: string }
  | { kind: 'other'; task: string }

const note = fc.tuple(
  fc.constantFrom('seen', 'ips', 'x'),
  fc.oneof(
    fc.array(fc.string(), { maxLength: 3 }),
    fc.record({ a: fc.constant(undefined), b: fc.integer() }),
    fc.constant(undefined),
  ),
)

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record(
      {
        kind: fc.constant('line' as const),
        line: fc.oneof(fc.constantFrom('kubectl get pods', 'echo "é ✓"'), fc.string()),
        task: fc.constantFrom('t1', 't2', 't3'),
        note,
        // `history -c` now and then: the list starts afresh
        clear: fc.option(fc.array(fc.string(), { maxLength: 3 }), { freq: 6 }),
      },
      { requiredKeys: ['kind', 'line'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lost' as const),
      line: fc.string(),
      task: fc.constantFrom('t1', 't4'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('other' as const),
      task: fc.constantFrom('t5', 't6'),
    }),
  },
)

/** What grading does to a line's progress (http/graded-line.ts), with either way of appending. */
function grade(p: Progress, s: Step & { kind: 'line' | 'lost' }, now: number, kept: boolean) {
  if (s.task !== undefined && p.tasks[s.task] === undefined) p.tasks[s.task] = now
  if (s.kind === 'line' && s.note) p.memory[s.note[0]] = s.note[1]
  if (s.kind === 'line' && s.clear) p.recent = s.clear.slice(-RECENT_MAX)
  else if (kept) p.recent = appendRecent(p.recent, s.line)
  else p.recent = [...p.recent, s.line].slice(-RECENT_MAX)
}

describe('the lab progress kept between commands', () => {
  it('reads what the row holds and writes JSON.stringify of it, over random commands', () => {
    checkDocumentChanged(false)
    let cluster = 0
    fc.assert(
      fc.property(
        // lines already kept before the first command: past the 100 soon, or not
        fc.constantFrom(0, 3, RECENT_MAX - 2, RECENT_MAX, RECENT_MAX + 1),
        fc.array(step, { maxLength: 40 }),
        (full, steps) => {
          const id = `c${cluster++}`
          const start: Progress = { tasks: {}, completedAt: null, memory: {}, recent: [] }
          start.recent = Array.from({ length: full }, (_, i) => `line ${i}`)
          let row: string = JSON.stringify(start)
          for (const [i, s] of steps.entries()) {
            const now = 1000 + i
            const read = readProgress(id, row)
            expect(read).toStrictEqual(parseProgress(row))
            if (s.kind === 'other') {
              // another writer (a stream, the Kubernetes API) stores its own progress
              const theirs = parseProgress(row)
              theirs.tasks[s.task] = now
              row = JSON.stringify(theirs)
              continue
            }
            grade(read, s, now, true)
            const text = progressJSON(read)
            const want = parseProgress(row)
            grade(want, s, now, false)
            expect(text).toBe(JSON.stringify(want))
            // a lost race: the line runs again on the row, which it did not change
            if (s.kind === 'lost') continue
            keepProgress(id, text, read)
            row = text
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    )
  })

  it('answers a parse for a row this isolate did not write', () => {
    keepProgress(
      'c',
      '{"tasks":{},"completedAt":null,"memory":{},"recent":[]}',
      parseProgress(null),
    )
    const other = '{"tasks":{"a":1},"completedAt":null,"memory":{},"recent":["ls"]}'
    expect(readProgress('c', other)).toStrictEqual(parseProgress(other))
  })
})
