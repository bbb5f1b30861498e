// A streamed line writes its progress long after it read it: another tab (or the Kubernetes API)
// may have completed a task or noted something meanwhile. When the line's write finds the row
// changed, it takes the row's progress as it stands now and adds back only what the line itself
// did since it last read or stored it: never a copy of its own stale view.
import { completionOf, type Progress } from '../labs/grade'
import type { Lab } from '../labs/types'

const copy = (p: Progress): Progress => structuredClone(p)

/** A copy of `p` to diff later changes against (the progress as stored or read). */
export const progressBase = copy

/**
 * `current` (the row now) plus what `mine` changed since `base`: tasks it completed (a task both
 * completed keeps the row's time), memory notes it added or changed (string lists are joined,
 * first-seen order). `recent` is the row's: a streamed line entered its command there in its
 * first step, stored before it streamed.
 */
export function mergeProgress(
  lab: Pick<Lab, 'tasks'>,
  current: Progress,
  base: Progress,
  mine: Progress,
): Progress {
  const merged = copy(current)
  for (const [id, at] of Object.entries(mine.tasks))
    if (base.tasks[id] === undefined && merged.tasks[id] === undefined) merged.tasks[id] = at
  mergeMemory(merged.memory, base.memory, mine.memory)
  if (merged.completedAt === null) merged.completedAt = completionOf(lab, merged)
  return merged
}

function mergeMemory(
  into: Record<string, unknown>,
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
): void {
  const keys = new Set([...Object.keys(base), ...Object.keys(mine)])
  for (const k of keys) {
    if (JSON.stringify(base[k]) === JSON.stringify(mine[k])) continue
    if (!(k in mine)) {
      // the line forgot a note (a reset cluster's): forget it unless the other writer changed it
      if (JSON.stringify(into[k]) === JSON.stringify(base[k])) delete into[k]
    } else if (isStringList(into[k]) && isStringList(mine[k])) {
      into[k] = [...new Set([...(into[k] as string[]), ...(mine[k] as string[])])]
    } else {
      into[k] = structuredClone(mine[k])
    }
  }
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')
