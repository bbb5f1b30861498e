// What an instructor sees of a class: the progress matrix, its CSV, and the misconceptions.
import type { ClassRow } from '../db/classes'
import { LABS } from '../labs'
import { completionOf, parseProgress } from '../labs/grade'
import { MISCONCEPTIONS } from '../labs/misconceptions'
import type { Lab } from '../labs/types'

export interface MemberRow {
  id: string
  name: string
  email: string
}

export interface ClusterSummary {
  id: string
  userId: string
  labId: string
  progress: string
  commands: number
  timeSpentSeconds: number
  lastActivityAt: number | null
}

/** The built-in labs with tasks, then the class's own (authored) labs. */
export function labCatalogue(classLabs: Lab[] = []) {
  return [...LABS, ...classLabs].filter((l) => l.tasks.length > 0).map((l) => ({
    id: l.id,
    title: l.title,
    tasks: l.tasks.map((t) => ({ id: t.id, title: t.title })),
  }))
}

export function progressMatrix(cls: ClassRow, members: MemberRow[], clusters: ClusterSummary[], classLabs: Lab[] = []) {
  const known = new Map([...LABS, ...classLabs].map((l) => [l.id, l]))
  const learners = members.map((m) => {
    const labs: Record<string, unknown> = {}
    for (const c of clusters) {
      if (c.userId !== m.id) continue
      const p = parseProgress(c.progress)
      const lab = known.get(c.labId)
      labs[c.labId] = {
        // the tasks of the lab as published now (a new version may have dropped or added some)
        tasksDone: lab ? lab.tasks.filter((t) => p.tasks[t.id] !== undefined).map((t) => t.id) : Object.keys(p.tasks),
        /** when each task was first done (ms), for "stuck" (no new task for a while) */
        tasksDoneAt: p.tasks,
        completedAt: lab ? completionOf(lab, p) : p.completedAt,
        lastActivityAt: c.lastActivityAt,
        commands: c.commands,
        timeSpentSeconds: c.timeSpentSeconds,
      }
    }
    return { id: m.id, name: m.name, email: m.email, labs }
  })
  return { class: { id: cls.id, name: cls.name, joinCode: cls.joinCode }, labs: labCatalogue(classLabs), learners }
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : '')

export function progressCsv(matrix: ReturnType<typeof progressMatrix>): string {
  const header = ['learner', 'email', 'lab', 'tasks_done', 'tasks_total', 'completed_at', 'last_activity_at', 'commands', 'time_spent_seconds']
  const lines = [header.join(',')]
  for (const l of matrix.learners) {
    for (const lab of matrix.labs) {
      const p = l.labs[lab.id] as
        | { tasksDone: string[]; completedAt: number | null; lastActivityAt: number | null; commands: number; timeSpentSeconds: number }
        | undefined
      const row = [l.name, l.email, lab.id, p?.tasksDone.length ?? 0, lab.tasks.length, iso(p?.completedAt), iso(p?.lastActivityAt), p?.commands ?? 0, p?.timeSpentSeconds ?? 0]
      lines.push(row.map(csvCell).join(','))
    }
  }
  return lines.join('\r\n') + '\r\n'
}

export interface ClassifiedCommand {
  clusterId: string
  command: string
  stderr: string
  stdout: string
  causes: string
}

/** Misconceptions across the class, largest first: how many learners, how often, one example. */
export function insights(rows: ClassifiedCommand[], clusterOwner: Map<string, string>) {
  const byId = new Map<string, { learners: Set<string>; occurrences: number; example?: { command: string; output: string } }>()
  for (const r of rows) {
    let ids: string[] = []
    try {
      ids = JSON.parse(r.causes) as string[]
    } catch {
      continue
    }
    for (const id of ids) {
      const agg = byId.get(id) ?? { learners: new Set<string>(), occurrences: 0 }
      agg.learners.add(clusterOwner.get(r.clusterId) ?? '')
      agg.occurrences += 1
      agg.example ??= { command: r.command, output: (r.stderr || r.stdout).slice(0, 500) }
      byId.set(id, agg)
    }
  }
  const misconceptions = MISCONCEPTIONS.filter((m) => byId.has(m.id)).map((m) => {
    const agg = byId.get(m.id)!
    return { id: m.id, title: m.title, learners: agg.learners.size, occurrences: agg.occurrences, example: agg.example }
  })
  return misconceptions.sort((a, b) => b.learners - a.learners || b.occurrences - a.occurrences)
}
