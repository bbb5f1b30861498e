// Strings a line builds are bounded like its loops and output: past 256 KB the line stops with
// the terminal's limit message (bash itself would grow until memory ran out).

import { describe, expect, it } from 'vitest'
import { newCluster } from '../../../worker/sim/bootstrap'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const s = newCluster(1, T0)
const sh = (line: string) => run(s, line, { now: T0 + 60_000 })
const STRING_STOP = 'service-lab: string limit (256 KB per string) reached; the line was stopped\n'

describe('string limit', () => {
  it.each([
    ['a variable doubled in a loop', 'x=a; for i in $(seq 1 30); do x=$x$x; done; echo ${#x}'],
    ['a word built from a long capture', 'x=$(seq 1 20000); echo $x$x$x$x$x$x$x$x$x$x$x$x$x$x$x'],
    ['a here-document', 'x=$(seq 1 20000); cat <<EOF\n$x$x$x$x$x$x$x$x$x$x$x$x$x$x$x\nEOF'],
    ['printf padding', "printf '%999999999s' a"],
    ['printf precision', "printf '%.999999999f' 1"],
    ['an awk string', `awk 'BEGIN{x="a"; for(i=0;i<40;i++) x=x x; print length(x)}'`],
  ])('%s stops the line', (_, line) => {
    const r = sh(`${line}; echo after`)
    expect(r.internalError).toBeUndefined()
    expect(r.stdout).not.toContain('after')
    expect(r.stderr).toBe(STRING_STOP)
    expect(r.exitCode).toBe(1)
  })

  it('inside a pod too', () => {
    const r = run(scenario(3), `kubectl exec bb -- sh -c 'x=a; while true; do x=$x$x; done'`, {
      now: T0 + 130_000,
    })
    expect(r.stderr).toBe(STRING_STOP)
  })

  it('a variable under the limit is kept whole', () => {
    expect(sh('x=a; for i in $(seq 1 17); do x=$x$x; done; echo ${#x}').stdout).toBe('131072\n')
  })
})

describe('awk loops', () => {
  it('a loop that never ends stops the line instead of ending quietly', () => {
    const r = sh(`awk 'BEGIN{while(1) i++; print i}'; echo after`)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'service-lab: awk loop limit (100000 iterations per program) reached; the line was stopped\n',
    )
  })
  it('nested loops share the one budget', () => {
    const r = sh(`awk 'BEGIN{for(i=0;i<1000;i++) for(j=0;j<1000;j++) s++; print s}'`)
    expect(r.stderr).toMatch(/^service-lab: awk loop limit/)
  })
  it('a loop within the budget runs to its end', () => {
    expect(sh(`awk 'BEGIN{for(i=0;i<300;i++) for(j=0;j<300;j++) s++; print s}'`).stdout).toBe(
      '90000\n',
    )
  })
})

describe('numbers with many decimals', () => {
  it('seq and printf past 100 decimals answer instead of failing', () => {
    const r = sh(`seq 0.${'0'.repeat(104)}5 1 1 | head -c 10; echo; printf '%.102f\\n' 2`)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(`0.00000000\n2.${'0'.repeat(102)}\n`)
  })
})
