import { describe, expect, it } from 'vitest'
import { newCluster, run } from '../../worker/sim'

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0)
const LINE = 'kubectl create deployment web --image=nginx:1.27 --replicas=2'

describe('run(..., { owned })', () => {
  it('leaves the input alone by default', () => {
    const s = newCluster(5, T0)
    const before = JSON.stringify(s)
    run(s, LINE, { now: T0 })
    expect(JSON.stringify(s)).toBe(before)
  })

  it('gives the same result when the caller hands the document over', () => {
    const copied = run(newCluster(5, T0), LINE, { now: T0 })
    const handed = newCluster(5, T0)
    const owned = run(handed, LINE, { now: T0, owned: true })
    expect(owned.stdout).toBe(copied.stdout)
    expect(JSON.stringify(owned.state)).toBe(JSON.stringify(copied.state))
    expect(owned.state).toBe(handed)
  })
})
