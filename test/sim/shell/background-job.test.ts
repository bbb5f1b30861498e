// `cmd &` at an interactive prompt: bash prints `[1] PID` as it starts the job, before anything
// the job writes, and `$?` is 0 whatever the job does; `bash -c` announces nothing.
import { describe, expect, it } from 'vitest'
import { newCluster } from '../../../worker/sim/bootstrap'
import { run } from '../../../worker/sim/run'
import { T0 } from './fixture'

const s = newCluster(1, T0)
const sh = (line: string) => run(s, line, { now: T0 + 60_000, history: [] })

describe('background jobs', () => {
  it('the job notice comes first, then what the job wrote; the line exits 0', () => {
    const r = sh('kubectl port-forward svc/nope 8080:80 &')
    expect(r.output.map((o) => o.text).join('')).toMatch(
      /^\[1\] \d+\nError from server \(NotFound\): services "nope" not found\n$/,
    )
    expect(r.exitCode).toBe(0)
    expect(sh('false & echo $?').stdout).toBe('0\n')
  })

  it('bash -c runs the job without announcing it', () => {
    const r = sh(`bash -c 'true & echo after'`)
    expect(r.stdout).toBe('after\n')
    expect(r.stderr).toBe('')
  })
})
