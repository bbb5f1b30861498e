// A cluster row's lab progress (labs/grade.ts), kept parsed by this isolate from the command that
// stored it to the next one, and written as JSON without serialising its recent lines again. The
// recent lines (up to 100: the terminal's history) are most of its ~6 KB, and every command parsed
// and serialised them all (~25 us of CPU on Node, any command kind). Kept by the exact text stored:
// a row another writer changed since (a stream, another tab, the Kubernetes API) is parsed anew.
import { cloneJSON } from '../sim/clone-json'
import { checkingDocuments, sameValues } from '../sim/document-changed'
import { parseProgress, RECENT_MAX, type Progress } from '../labs/grade'

/** clusters whose progress is kept (a few KB each) */
const MAX_KEPT = 256

/** cluster id -> the progress text stored by this isolate, and that progress (never changed) */
const KEPT = new Map<string, { text: string; progress: Progress }>()

/** progressJSON's answers written by its plain path (the four keys), by progress */
const PLAIN_JSON = new WeakMap<Progress, string>()

/** Each recent line's JSON, by the list (a list is replaced by a new one, never changed). */
const RECENT_JSON = new WeakMap<readonly string[], string[]>()

/** The progress stored as `text`: a copy of the one kept, or parsed (labs/grade.ts). */
export function readProgress(clusterId: string, text: string | null | undefined): Progress {
  const kept = KEPT.get(clusterId)
  if (kept === undefined || kept.text !== text) return parseProgress(text)
  const p = kept.progress
  // the recent lines are shared: frozen, and replaced (appendRecent), never changed in place
  const copy = {
    tasks: cloneJSON(p.tasks),
    completedAt: p.completedAt,
    memory: cloneJSON(p.memory),
    recent: p.recent,
  }
  if (checkingDocuments() && !sameValues(copy, parseProgress(text)))
    throw new Error('readProgress: the kept progress is not what the row holds')
  return copy
}

/**
 * Notes the progress now stored for the cluster (`text`: progressJSON's), as parseProgress would
 * read it back: its parts through JSON (a note holding undefined loses its key), and only when
 * that is all a parse would do (no part it would default).
 */
export function keepProgress(clusterId: string, text: string, p: Progress): void {
  KEPT.delete(clusterId)
  const tasks = throughJSON(p.tasks)
  const memory = throughJSON(p.memory)
  const completedAt = p.completedAt
  if (!isRecord(tasks) || !isRecord(memory) || PLAIN_JSON.get(p) !== text) return
  if (completedAt !== null && typeof completedAt !== 'number') return
  const recent = Object.freeze(p.recent) as string[]
  KEPT.set(clusterId, { text, progress: { tasks, completedAt, memory, recent } })
  if (KEPT.size > MAX_KEPT) KEPT.delete(KEPT.keys().next().value as string)
}

const throughJSON = (v: unknown): unknown => {
  const json = JSON.stringify(v) as string | undefined
  return json === undefined ? undefined : JSON.parse(json)
}

const isRecord = (v: unknown): v is Record<string, never> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** `recent` with `line` added and the oldest past RECENT_MAX dropped; the lines' JSON carried on. */
export function appendRecent(recent: readonly string[], line: string): string[] {
  const next = [...recent, line].slice(-RECENT_MAX)
  const parts = RECENT_JSON.get(recent)
  if (parts) RECENT_JSON.set(next, [...parts, JSON.stringify(line)].slice(-RECENT_MAX))
  return next
}

/** JSON.stringify(p), byte for byte, the recent lines' JSON reused; in check mode compared with it. */
export function progressJSON(p: Progress): string {
  const plain = plainProgressJSON(p)
  if (plain !== undefined) PLAIN_JSON.set(p, plain)
  const json = plain ?? JSON.stringify(p)
  if (checkingDocuments() && json !== JSON.stringify(p))
    throw new Error('progressJSON: not the JSON of the progress')
  return json
}

/** Progress's four keys in parseProgress's order, each with a JSON value; else undefined. */
function plainProgressJSON(p: Progress): string | undefined {
  const keys = Object.keys(p)
  if (keys.length !== 4 || !Array.isArray(p.recent)) return undefined
  if (keys[0] !== 'tasks' || keys[1] !== 'completedAt' || keys[2] !== 'memory') return undefined
  if (keys[3] !== 'recent') return undefined
  // JSON.stringify leaves out a key whose value has no JSON (undefined)
  const tasks = JSON.stringify(p.tasks) as string | undefined
  const completedAt = JSON.stringify(p.completedAt) as string | undefined
  const memory = JSON.stringify(p.memory) as string | undefined
  if (tasks === undefined || completedAt === undefined || memory === undefined) return undefined
  const recent = recentJSON(p.recent).join(',')
  return `{"tasks":${tasks},"completedAt":${completedAt},"memory":${memory},"recent":[${recent}]}`
}

function recentJSON(recent: readonly string[]): string[] {
  let parts = RECENT_JSON.get(recent)
  if (parts === undefined) {
    // a line that is not a string (a hand-edited row) is written as JSON.stringify writes it
    parts = recent.map((line) => (JSON.stringify(line) as string | undefined) ?? 'null')
    RECENT_JSON.set(recent, parts)
  }
  return parts
}
