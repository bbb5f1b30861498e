// The class matrix as rows: per learner, per lab cell, plus the sort and filter the page offers.

import { isStuck } from './stuck'
import type { LabColumn, LabProgress, LearnerProgress } from './types'

export type SortKey = 'name' | 'progress' | 'last-active'

export interface Cell {
  labId: string
  done: number
  total: number
  completed: boolean
  started: boolean
  stuck: boolean
  lastActivityAt: number | null
}

export interface Row {
  id: string
  name: string
  email: string
  cells: Cell[]
  done: number
  lastActivityAt: number | null
  stuck: boolean
}

/** Times this page saw a cell's task count go up, keyed `learnerId/labId`. */
export type Observed = Map<string, { count: number; at?: number }>

/** Remembers when each cell's count rose since the previous poll (a stand-in for per-task times). */
export function observe(observed: Observed, learners: LearnerProgress[], now: number): void {
  for (const l of learners) {
    for (const [labId, p] of Object.entries(l.labs)) {
      if (!p) continue
      const key = `${l.id}/${labId}`
      const seen = observed.get(key)
      if (!seen) observed.set(key, { count: p.tasksDone.length })
      else if (p.tasksDone.length > seen.count)
        observed.set(key, { count: p.tasksDone.length, at: now })
    }
  }
}

function cellOf(l: LearnerProgress, lab: LabColumn, now: number, observed: Observed): Cell {
  const p: LabProgress | undefined = l.labs[lab.id]
  const total = lab.tasks.length
  const done = p ? p.tasksDone.filter((id) => lab.tasks.some((t) => t.id === id)).length : 0
  return {
    labId: lab.id,
    done,
    total,
    completed: Boolean(p?.completedAt) || (total > 0 && done >= total),
    started: Boolean(p),
    stuck: isStuck(p, total, now, observed.get(`${l.id}/${lab.id}`)?.at),
    lastActivityAt: p?.lastActivityAt ?? null,
  }
}

export function toRows(
  learners: LearnerProgress[],
  labs: LabColumn[],
  now: number,
  observed: Observed = new Map(),
): Row[] {
  return learners.map((l) => {
    const cells = labs.map((lab) => cellOf(l, lab, now, observed))
    const times = cells.map((c) => c.lastActivityAt ?? 0)
    const last = Math.max(0, ...times)
    return {
      id: l.id,
      name: l.name,
      email: l.email,
      cells,
      done: cells.reduce((n, c) => n + c.done, 0),
      lastActivityAt: last || null,
      stuck: cells.some((c) => c.stuck),
    }
  })
}

const byName = (a: Row, b: Row) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.email.localeCompare(b.email)

/** Name A-Z; progress and last active put the most first, ties by name. */
export function sortRows(rows: Row[], key: SortKey): Row[] {
  const copy = [...rows]
  if (key === 'name') return copy.sort(byName)
  if (key === 'progress') return copy.sort((a, b) => b.done - a.done || byName(a, b))
  return copy.sort((a, b) => (b.lastActivityAt ?? 0) - (a.lastActivityAt ?? 0) || byName(a, b))
}

export function filterRows(rows: Row[], text: string, onlyStuck: boolean): Row[] {
  const q = text.trim().toLowerCase()
  return rows.filter(
    (r) =>
      (!onlyStuck || r.stuck) &&
      (!q || r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q)),
  )
}
