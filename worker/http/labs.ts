// The lab catalogue with the caller's progress, and opening the caller's cluster for a lab.
import { Hono } from 'hono'
import { requireSession } from '../auth/session'
import { newId } from '../auth/crypto'
import { findClusterForLab, insertCluster, listClustersOfUser } from '../db/clusters'
import { labsForLearner } from '../db/authored-labs'
import { LABS } from '../labs'
import { compiledLab } from '../labs/format/compiled-labs'
import { completionOf, parseProgress, taskList, type Progress } from '../labs/grade'
import type { Lab } from '../labs/types'
import { notFound } from './errors'
import type { AppContext, AppEnv } from './env'
import { labToOpen } from './lab-access'
import { param } from './validate'

export const labRoutes = new Hono<AppEnv>()
labRoutes.use('*', requireSession())

function labSummary(lab: Lab, progress: Progress) {
  return {
    id: lab.id,
    title: lab.title,
    summary: lab.summary,
    estimatedMinutes: lab.estimatedMinutes,
    tasks: taskList(lab, progress),
    completedAt: completionOf(lab, progress),
  }
}

labRoutes.get('/', async (c) => {
  const rows = await listClustersOfUser(c.get('db'), c.get('userId')!)
  const byLab = new Map(rows.map((r) => [r.labId, parseProgress(r.progress)]))
  const authored = (await labsForLearner(c.get('db'), c.get('userId')!)).flatMap((r) =>
    r.publishedSource === null ? [] : [compiledLab(r.publishedSource, r.id)],
  )
  // built-in labs first, the class's own labs before the free playground
  const all = [...LABS.slice(0, -1), ...authored, ...LABS.slice(-1)]
  const labs = all.map((lab) => labSummary(lab, byLab.get(lab.id) ?? parseProgress(null)))
  return c.json({ labs })
})

async function findLabOr404(c: AppContext, id: string): Promise<Lab> {
  const lab = await labToOpen(c.get('db'), id, c.get('userId')!)
  if (!lab) throw notFound('That lab')
  return lab
}

labRoutes.get('/:labId', async (c) => {
  const lab = await findLabOr404(c, param(c, 'labId'))
  const row = await findClusterForLab(c.get('db'), c.get('userId')!, lab.id)
  const progress = parseProgress(row?.progress)
  const tasks = lab.tasks.map((t) => ({
    id: t.id,
    title: t.title,
    done: progress.tasks[t.id] !== undefined,
    hints: t.hints,
  }))
  return c.json({
    lab: {
      ...labSummary(lab, progress),
      instructions: lab.instructions,
      explanation: lab.explanation,
      tasks,
    },
  })
})

/** A random 32-bit seed for a new cluster's PRNG (the one place randomness enters the core). */
function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! | 0
}

labRoutes.post('/:labId/cluster', async (c) => {
  const lab = await findLabOr404(c, param(c, 'labId'))
  const { db, deps } = c.var
  const userId = c.get('userId')!
  const existing = await findClusterForLab(db, userId, lab.id)
  if (existing) return c.json({ cluster: { id: existing.id, labId: lab.id } })
  const now = deps.now()
  const id = newId()
  const state = lab.setup(newSeed(), now)
  await insertCluster(db, {
    id,
    userId,
    labId: lab.id,
    ...(await c.get('codec').encode(state)),
    version: 1,
    progress: JSON.stringify(parseProgress(null)),
    commands: 0,
    timeSpentSeconds: 0,
    lastActivityAt: null,
    createdAt: now,
    updatedAt: now,
  })
  // two tabs may open the cluster at once: whichever insert won is the cluster
  const row = await findClusterForLab(db, userId, lab.id)
  if (!row) throw notFound('That cluster')
  return c.json({ cluster: { id: row.id, labId: lab.id } })
})
