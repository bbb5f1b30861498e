// Grading: after every command, each task not yet done is checked; a done task stays done.
import { route } from '../sim/net/route'
import type { ClusterState } from '../sim/state'
import type { CheckedCommand, Lab } from './types'

export interface Progress {
  /** task id -> first completion time (ms) */
  tasks: Record<string, number>
  completedAt: number | null
  /** the checks' own notes (see CheckContext.memory) */
  memory: Record<string, unknown>
  /** the latest command lines, oldest first, for the terminal's `history` */
  recent: string[]
}

export const RECENT_MAX = 100

export function parseProgress(text: string | null | undefined): Progress {
  let raw: Partial<Progress> = {}
  try {
    raw = JSON.parse(text ?? '{}') as Partial<Progress>
  } catch {
    raw = {}
  }
  return {
    tasks: raw.tasks ?? {},
    completedAt: raw.completedAt ?? null,
    memory: raw.memory ?? {},
    recent: raw.recent ?? [],
  }
}

/** Checks the lab's open tasks against the cluster after `last`; answers the tasks it newly completed. */
export function gradeCommand(
  lab: Lab,
  state: ClusterState,
  last: CheckedCommand,
  progress: Progress,
  now: number,
): string[] {
  const done: string[] = []
  const probe = probeOf(state, now)
  for (const task of lab.tasks) {
    if (progress.tasks[task.id] !== undefined) continue
    let passed = false
    try {
      passed = task.check({ state, now, last, memory: progress.memory, probe })
    } catch {
      passed = false
    }
    if (passed) {
      progress.tasks[task.id] = now
      done.push(task.id)
    }
  }
  if (progress.completedAt === null && allTasksDone(lab, progress)) progress.completedAt = now
  return done
}

/** A lab is completed once each of its tasks is (a lab without tasks never is). */
export function allTasksDone(lab: Pick<Lab, 'tasks'>, p: Pick<Progress, 'tasks'>): boolean {
  return lab.tasks.length > 0 && lab.tasks.every((t) => p.tasks[t.id] !== undefined)
}

/**
 * When the lab as it is now was completed: when the last of its tasks was, or null while one is
 * undone. An authored lab's new version can add a task after the learner finished the old one: the
 * stored completedAt then stays as a record, but the lab is not complete until the new task is.
 */
export function completionOf(lab: Pick<Lab, 'tasks'>, p: Pick<Progress, 'tasks'>): number | null {
  if (!allTasksDone(lab, p)) return null
  return Math.max(...lab.tasks.map((t) => p.tasks[t.id]!))
}

type Probe = Parameters<Lab['tasks'][number]['check']>[0]['probe']

/** A check's probe: one request routed now (made here, unnamed: a named closure costs when bundled). */
function probeOf(state: ClusterState, now: number): Probe {
  return (origin, req) =>
    route(state, origin, { method: 'GET', path: '/', headers: {}, ...req }, { now, probe: true })
}

export function taskList(lab: Lab, progress: Progress) {
  return lab.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    done: progress.tasks[t.id] !== undefined,
  }))
}
