// Random shell lines built from a grammar of what people type (variables that grow, loops, printf
// formats, awk programs, here-documents, substitutions, arithmetic, text tools): every line gets an
// answer of its own or a limit message, never the core's internal error.

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'
import { arbShellLine as line } from './line-grammar'

describe('random shell lines from a grammar', () => {
  const s = scenario(13)
  it('answer cleanly: a result or a limit message, never an internal error', () => {
    fc.assert(
      fc.property(line, (text) => {
        const r = run(s, text, { now: T0 + 130_000 })
        expect(r.internalError).toBeUndefined()
        expect(r.stderr).not.toContain('internal simulator error')
        expect(r.stdout.length + r.stderr.length).toBeLessThanOrEqual(256 * 1024 + 200)
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 200),
        seed: Number(process.env.FUZZ_SEED ?? 20261206),
        // bounded in time on a busy machine; FUZZ_RUNS with a fresh FUZZ_SEED digs deeper
        interruptAfterTimeLimit: 5000,
      },
    )
  }, 20_000)
})
