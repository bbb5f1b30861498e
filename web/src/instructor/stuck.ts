// Who is stuck: active within the last 30 minutes, yet no new task completed in the last 10.

import type { LabProgress } from './types'

export const ACTIVE_WINDOW_MS = 30 * 60_000
export const STUCK_AFTER_MS = 10 * 60_000

/**
 * When the learner last completed a task in this lab: the API's per-task times when it sends them,
 * else the time this page saw the count go up (`observedAt`); undefined when nobody knows.
 */
export function lastTaskAt(p: LabProgress, observedAt?: number): number | undefined {
  const times = Object.values(p.tasksDoneAt ?? {}).filter((t) => typeof t === 'number')
  if (times.length) return Math.max(...times)
  if (observedAt !== undefined) return observedAt
  return p.completedAt ?? undefined
}

/**
 * Stuck in one lab. A learner who has completed nothing counts as stuck after 10 minutes spent in
 * the lab; a completed lab never is; without any completion time the answer is "not stuck".
 */
export function isStuck(
  p: LabProgress | undefined,
  totalTasks: number,
  now: number,
  observedAt?: number,
): boolean {
  if (!p || p.lastActivityAt === null || now - p.lastActivityAt > ACTIVE_WINDOW_MS) return false
  if (p.completedAt !== null || (totalTasks > 0 && p.tasksDone.length >= totalTasks)) return false
  if (p.tasksDone.length === 0) return p.timeSpentSeconds * 1000 >= STUCK_AFTER_MS
  const last = lastTaskAt(p, observedAt)
  return last !== undefined && now - last >= STUCK_AFTER_MS
}

/** "just now", "4 min ago", "2 h ago", or the date for anything older than a day. */
export function relativeTime(ms: number | null | undefined, now: number): string {
  if (!ms) return 'never'
  const s = Math.max(0, Math.round((now - ms) / 1000))
  if (s < 45) return 'just now'
  const m = Math.round(s / 60)
  if (m < 60) return `${m} min ago`
  const h = Math.round(m / 60)
  if (h < 24) return `${h} h ago`
  return new Date(ms).toISOString().slice(0, 10)
}
