import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const sh = (line: string) => {
  const r = run(scenario(7), line, { now: T0 + 130_000, history: [] })
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
}

describe('aliases (each line is a fresh shell here)', () => {
  it('alias is a builtin, not "command not found", and says it will not last', () => {
    expect(sh('alias k=kubectl')).toEqual({
      stdout: '',
      stderr:
        'service-lab: aliases are not kept from one line to the next in this terminal; type the command in full\n',
      exitCode: 0,
    })
    expect(sh('alias')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
  })

  it('the usual k shorthand points to kubectl', () => {
    expect(sh('k get po')).toEqual({
      stdout: '',
      stderr:
        'service-lab: k is not available in this terminal; try kubectl (no alias k is set up here)\n',
      exitCode: 127,
    })
  })
})
