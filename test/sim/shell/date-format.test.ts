// date +FORMAT, -R and -I as GNU date and busybox print them in UTC and the C locale (the line's
// time is the cluster's clock).
import { describe, expect, it } from 'vitest'
import { run } from '../../../worker/sim/run'
import { scenario, T0 } from './fixture'

const s = scenario(7)
// 2026-11-26 06:02:10 UTC, a Thursday
const sh = (line: string) => run(s, line, { now: T0 + 130_000 })

describe('date', () => {
  it.each([
    ['date', 'Thu Nov 26 06:02:10 UTC 2026\n'],
    ['date -u +%Y', '2026\n'],
    ["date '+%F %T'", '2026-11-26 06:02:10\n'],
    ['date +%s', `${(T0 + 130_000) / 1000}\n`],
    ['date +%H:%M', '06:02\n'],
    ['date -R', 'Thu, 26 Nov 2026 06:02:10 +0000\n'],
    ['date -I', '2026-11-26\n'],
    ['date -Iseconds', '2026-11-26T06:02:10+00:00\n'],
    ["date '+%A %B %j %%'", 'Thursday November 330 %\n'],
  ])('%s', (line, want) => {
    expect(sh(line)).toMatchObject({ stdout: want, exitCode: 0 })
  })

  it('in a busybox pod too', () => {
    expect(sh(`kubectl exec bb -- date +%Y-%m`).stdout).toBe('2026-11\n')
  })
})
