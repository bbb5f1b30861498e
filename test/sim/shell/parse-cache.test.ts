// Parsed lines are kept by their text (shell/parse-cache.ts). A kept tree is shared by every later
// run of the same text, so the interpreter must never write to it and a kept parse must answer
// exactly as a fresh one: with kept trees deep-frozen (a write throws, and shows as an internal
// error), each random line run twice gives the same output and document as with no cache.
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cacheParsedLines, parseLineCached } from '../../../worker/sim/shell/parse-cache'
import { run } from '../../../worker/sim/run'
import type { ClusterState } from '../../../worker/sim/state'
import { scenario, T0 } from './fixture'
import { arbShellLine } from './line-grammar'

afterEach(() => cacheParsedLines('frozen'))

const TYPED = fc.constantFrom(
  'kubectl get pods',
  'kubectl exec access-pod -- curl -s my-blue-service',
  'for i in 1 2 3; do kubectl exec access-pod -- curl -s my-blue-service; done | sort | uniq -c',
  `kubectl exec bb -- sh -c 'for i in 1 2; do echo $i; done'`,
  'x=1; echo $((x + 1)) ${x:-d} "$(echo hi)" `echo back`',
  'cat <<EOF\n$HOSTNAME ${#PATH}\nEOF',
  'echo "unterminated',
  'if true; then echo yes; fi; (echo sub) | wc -c',
)

const lines = fc.array(fc.oneof(arbShellLine, TYPED), { minLength: 1, maxLength: 3 })

function outcomes(start: string, texts: string[], mode: 'off' | 'frozen'): string[] {
  cacheParsedLines(mode)
  let s = JSON.parse(start) as ClusterState
  const out: string[] = []
  let now = T0 + 130_000
  // every line twice: the second run of a text takes the kept tree
  for (const text of [...texts, ...texts]) {
    now += 1_000
    const r = run(s, text, { now, owned: true })
    out.push(`${r.exitCode}\n${r.stdout}\n${r.stderr}\n${r.internalError ?? ''}`)
    s = r.state
  }
  out.push(JSON.stringify(s))
  return out
}

describe('the parsed-line cache', () => {
  const start = JSON.stringify(scenario(13))

  it('answers as a fresh parse, and nothing writes to a kept tree', () => {
    fc.assert(
      fc.property(lines, (texts) => {
        expect(outcomes(start, texts, 'frozen')).toEqual(outcomes(start, texts, 'off'))
      }),
      { numRuns: 60, interruptAfterTimeLimit: 15_000 },
    )
  }, 40_000)

  it('keeps trees frozen in that mode, so a write to one throws', () => {
    cacheParsedLines('frozen')
    const p = parseLineCached('echo hi; echo there')
    if (!p.ok) throw new Error('parse failed')
    expect(() => p.script.items.pop()).toThrow(TypeError)
    expect(parseLineCached('echo hi; echo there')).toBe(p)
  })
})
