// A streamed line whose write lost a race keeps the other writer's progress and adds back its own
// (worker/terminal/progress-merge.ts).
import { describe, expect, it } from 'vitest'
import { parseProgress, type Progress } from '../../worker/labs/grade'
import { mergeProgress, progressBase } from '../../worker/terminal/progress-merge'

const lab = { tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } as Parameters<
  typeof mergeProgress
>[0]
const progress = (p: Partial<Progress>): Progress => ({ ...parseProgress(null), ...p })

describe('mergeProgress', () => {
  it("keeps the row's tasks and history and adds back the line's own task", () => {
    const base = progress({ tasks: { a: 1 }, recent: ['kubectl get pods -w'] })
    const mine = progressBase(base)
    mine.tasks.b = 5
    const current = progress({ tasks: { a: 1, c: 3 }, recent: ['kubectl get pods -w', 'ls'] })
    const merged = mergeProgress(lab, current, base, mine)
    expect(merged.tasks).toEqual({ a: 1, b: 5, c: 3 })
    expect(merged.recent).toEqual(['kubectl get pods -w', 'ls'])
    // every task is done now: the lab was completed when its last task was
    expect(merged.completedAt).toBe(5)
    // the inputs are left as they were
    expect(current.tasks).toEqual({ a: 1, c: 3 })
  })

  it("a task both writers completed keeps the row's time; the lab is not done early", () => {
    const base = progress({})
    const mine = progress({ tasks: { a: 9 } })
    const merged = mergeProgress(lab, progress({ tasks: { a: 4 } }), base, mine)
    expect(merged.tasks).toEqual({ a: 4 })
    expect(merged.completedAt).toBeNull()
  })

  it("joins notes both wrote, keeps the other's, and forgets only what the line forgot", () => {
    const base = progress({ memory: { routes: ['x'], stale: 'old', kept: 1 } })
    const mine = progress({ memory: { routes: ['x', 'mine'], kept: 1, first: 'ip' } })
    const current = progress({ memory: { routes: ['x', 'theirs'], stale: 'old', kept: 2 } })
    expect(mergeProgress(lab, current, base, mine).memory).toEqual({
      routes: ['x', 'theirs', 'mine'],
      kept: 2,
      first: 'ip',
    })
  })
})
