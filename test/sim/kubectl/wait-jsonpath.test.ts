// kubectl wait --for=jsonpath (kubectl v0.32 pkg/cmd/wait/json.go): an expression that matches
// several values is an error at once, not a timeout; without `=value` the field only has to be
// there, whatever it holds; a compared value is trimmed.
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from '../shell/fixture'

const s = scenario(7)
const sh = (line: string) => run(s, line, { now: T0 + 130_000 })

describe('kubectl wait --for=jsonpath', () => {
  it('several values: "matches more than one value"', () => {
    const r = sh(
      `kubectl wait --for=jsonpath='{.status.conditions[*].status}'=True pod/bb --timeout=1s`,
    )
    expect(r.stderr).toBe('error: given jsonpath expression matches more than one value\n')
    expect(r.exitCode).toBe(1)
  })

  it('one value compares; a map or list with a value to compare is not supported', () => {
    expect(sh(`kubectl wait --for=jsonpath='{.status.phase}'=Running pod/bb`).stdout).toBe(
      'pod/bb condition met\n',
    )
    expect(sh(`kubectl wait --for=jsonpath='{.status.conditions}'=x pod/bb`).stderr).toBe(
      'error: jsonpath leads to a nested object or list which is not supported\n',
    )
  })

  it('without a value, a map that is there is enough', () => {
    expect(sh(`kubectl wait --for=jsonpath='{.status.podIP}' pod/bb`).stdout).toBe(
      'pod/bb condition met\n',
    )
    expect(sh(`kubectl wait --for=jsonpath='{.spec.containers[0]}' pod/bb`).exitCode).toBe(0)
  })
})
