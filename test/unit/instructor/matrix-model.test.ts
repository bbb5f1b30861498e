// The class matrix's logic: who counts as stuck, and how sort and filter order the learners.
import { describe, expect, it } from 'vitest'
import {
  filterRows,
  observe,
  sortRows,
  toRows,
  type Observed,
} from '../../../web/src/instructor/matrix-model'
import { instructorRoute } from '../../../web/src/instructor/routes'
import { isStuck, relativeTime } from '../../../web/src/instructor/stuck'
import type { LabColumn, LabProgress, LearnerProgress } from '../../../web/src/instructor/types'

const MIN = 60_000
const NOW = Date.UTC(2026, 10, 26, 9, 0, 0)
const LAB: LabColumn = {
  id: 'pod-ips',
  title: 'Every pod has its own IP',
  tasks: [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B' },
    { id: 'c', title: 'C' },
  ],
}

function progress(p: Partial<LabProgress>): LabProgress {
  return {
    tasksDone: [],
    completedAt: null,
    lastActivityAt: NOW - MIN,
    commands: 3,
    timeSpentSeconds: 60,
    ...p,
  }
}

function learner(id: string, name: string, p?: Partial<LabProgress>): LearnerProgress {
  return { id, name, email: `${id}@example.com`, labs: p ? { 'pod-ips': progress(p) } : {} }
}

describe('isStuck', () => {
  it('is stuck when active recently but the last task was 10 minutes ago', () => {
    const p = progress({ tasksDone: ['a'], tasksDoneAt: { a: NOW - 11 * MIN } })
    expect(isStuck(p, 3, NOW)).toBe(true)
    expect(isStuck({ ...p, tasksDoneAt: { a: NOW - 9 * MIN } }, 3, NOW)).toBe(false)
  })

  it('is not stuck when inactive for more than 30 minutes, or when the lab is complete', () => {
    const old = progress({
      tasksDone: ['a'],
      tasksDoneAt: { a: NOW - 60 * MIN },
      lastActivityAt: NOW - 31 * MIN,
    })
    expect(isStuck(old, 3, NOW)).toBe(false)
    const done = progress({
      tasksDone: ['a', 'b', 'c'],
      tasksDoneAt: { a: NOW - 60 * MIN },
      completedAt: NOW - 20 * MIN,
    })
    expect(isStuck(done, 3, NOW)).toBe(false)
  })

  it('counts 10 minutes in a lab with no task done as stuck', () => {
    expect(isStuck(progress({ timeSpentSeconds: 600 }), 3, NOW)).toBe(true)
    expect(isStuck(progress({ timeSpentSeconds: 599 }), 3, NOW)).toBe(false)
  })

  it('without per-task times, uses when the page saw the count rise', () => {
    const p = progress({ tasksDone: ['a'] })
    expect(isStuck(p, 3, NOW)).toBe(false)
    expect(isStuck(p, 3, NOW, NOW - 12 * MIN)).toBe(true)
  })
})

describe('observe', () => {
  it('records the time only when a count goes up after the first sighting', () => {
    const seen: Observed = new Map()
    observe(seen, [learner('u1', 'Ann', { tasksDone: ['a'] })], NOW - 20 * MIN)
    expect(seen.get('u1/pod-ips')).toEqual({ count: 1 })
    observe(seen, [learner('u1', 'Ann', { tasksDone: ['a', 'b'] })], NOW - 15 * MIN)
    expect(seen.get('u1/pod-ips')).toEqual({ count: 2, at: NOW - 15 * MIN })
    const [row] = toRows([learner('u1', 'Ann', { tasksDone: ['a', 'b'] })], [LAB], NOW, seen)
    expect(row?.stuck).toBe(true)
  })
})

describe('sort and filter', () => {
  const rows = toRows(
    [
      learner('u1', 'bob', { tasksDone: ['a'], lastActivityAt: NOW - 5 * MIN }),
      learner('u2', 'Alice', { tasksDone: ['a', 'b'], lastActivityAt: NOW - 50 * MIN }),
      learner('u3', 'Carol'),
    ],
    [LAB],
    NOW,
  )
  const names = (rs: { name: string }[]) => rs.map((r) => r.name)

  it('sorts by name ignoring case, by progress and by last activity', () => {
    expect(names(sortRows(rows, 'name'))).toEqual(['Alice', 'bob', 'Carol'])
    expect(names(sortRows(rows, 'progress'))).toEqual(['Alice', 'bob', 'Carol'])
    expect(names(sortRows(rows, 'last-active'))).toEqual(['bob', 'Alice', 'Carol'])
  })

  it('filters on name or email, and on stuck', () => {
    expect(names(filterRows(rows, 'u3@', false))).toEqual(['Carol'])
    expect(names(filterRows(rows, 'ALI', false))).toEqual(['Alice'])
    expect(filterRows(rows, '', true)).toEqual([])
  })

  it('shows cells as done of total, and an untouched lab as not started', () => {
    const alice = rows.find((r) => r.name === 'Alice')
    expect(alice?.cells[0]).toMatchObject({ done: 2, total: 3, completed: false, started: true })
    expect(rows.find((r) => r.name === 'Carol')?.cells[0]).toMatchObject({
      done: 0,
      started: false,
    })
  })
})

describe('relativeTime', () => {
  it('says how long ago in words', () => {
    expect(relativeTime(null, NOW)).toBe('never')
    expect(relativeTime(NOW - 10_000, NOW)).toBe('just now')
    expect(relativeTime(NOW - 4 * MIN, NOW)).toBe('4 min ago')
    expect(relativeTime(NOW - 3 * 60 * MIN, NOW)).toBe('3 h ago')
    expect(relativeTime(NOW - 3 * 24 * 60 * MIN, NOW)).toBe('2026-11-23')
  })
})

describe('instructorRoute', () => {
  it('names each instructor page, decoding the ids', () => {
    expect(instructorRoute('/instructor')).toEqual({ page: 'dashboard' })
    expect(instructorRoute('/instructor/classes/abc_1/')).toEqual({
      page: 'class',
      classId: 'abc_1',
    })
    expect(instructorRoute('/instructor/classes/abc/insights')).toEqual({
      page: 'insights',
      classId: 'abc',
    })
    expect(instructorRoute('/instructor/classes/c/learners/u%2D1/labs/pod-ips')).toEqual({
      page: 'timeline',
      classId: 'c',
      userId: 'u-1',
      labId: 'pod-ips',
    })
    expect(instructorRoute('/instructor/classes')).toEqual({ page: 'not-found' })
    expect(instructorRoute('/instructor/classes/a/b')).toEqual({ page: 'not-found' })
  })
})
