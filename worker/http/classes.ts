// Classes: instructors create them and follow their learners; learners join with a code.
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { newId } from '../auth/crypto'
import { requireSession } from '../auth/session'
import {
  addMember,
  findClassByCode,
  findOwnedClass,
  insertClass,
  isMember,
  listClassifiedHistory,
  listClustersOf,
  listJoinedClasses,
  listMembers,
  listOwnedClasses,
  removeMember,
  setJoinCode,
} from '../db/classes'
import { findClusterForLab, listHistory } from '../db/clusters'
import { recordFailure, clearFailures } from '../db/throttle'
import { refuseWhileLocked } from './attempt-limits'
import { findUser } from '../db/users'
import { labsOfClass } from '../db/authored-labs'
import { findLab } from '../labs'
import { compiledLab } from '../labs/format/compiled-labs'
import type { Lab } from '../labs/types'
import { insights, progressCsv, progressMatrix } from './class-views'
import { AppError, forbidden, notFound } from './errors'
import type { AppContext, AppEnv } from './env'
import { newJoinCode, normaliseJoinCode } from './join-code'
import { isAuthoredId } from './lab-access'
import { makeResetCode } from './password'
import { param, readJson } from './validate'

export const classRoutes = new Hono<AppEnv>()
classRoutes.use('*', requireSession())

async function currentUser(c: AppContext) {
  const user = await findUser(c.get('db'), c.get('userId')!)
  if (!user) throw notFound('That account')
  return user
}

async function requireInstructor(c: AppContext) {
  const user = await currentUser(c)
  if (user.role !== 'instructor') throw forbidden('Only instructors can do that.')
  return user
}

/** The class, if the caller owns it; anyone else gets the same 404 as for a missing class. */
async function ownedClass(c: AppContext) {
  const cls = await findOwnedClass(c.get('db'), param(c, 'id'), c.get('userId')!)
  if (!cls) throw notFound('That class')
  return cls
}

const nameBody = z.object({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'Give the class a name.' }), z.maxLength(100)),
})
const joinBody = z.object({
  joinCode: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'Enter the join code.' }), z.maxLength(40)),
})

async function uniqueCode(
  c: AppContext,
  attempt: (code: string) => Promise<boolean>,
): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = newJoinCode()
    if (await attempt(code)) return code
  }
  throw new AppError(409, 'conflict', 'Could not find a free join code; please try again.')
}

classRoutes.post('/', async (c) => {
  const user = await requireInstructor(c)
  const body = await readJson(c, nameBody)
  const id = newId()
  const now = c.get('deps').now()
  const joinCode = await uniqueCode(c, (code) =>
    insertClass(c.get('db'), {
      id,
      ownerId: user.id,
      name: body.name,
      joinCode: code,
      createdAt: now,
    }),
  )
  return c.json({ class: { id, name: body.name, joinCode } }, 201)
})

classRoutes.get('/', async (c) => {
  const user = await currentUser(c)
  if (user.role === 'instructor') {
    const rows = await listOwnedClasses(c.get('db'), user.id)
    return c.json({ classes: rows.map((r) => ({ id: r.id, name: r.name, joinCode: r.joinCode })) })
  }
  return c.json({ classes: await listJoinedClasses(c.get('db'), user.id) })
})

const JOIN_POLICY = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 }

classRoutes.post('/join', async (c) => {
  const user = await currentUser(c)
  if (user.role === 'instructor')
    throw forbidden('Instructors own classes; join one with a learner account.')
  const body = await readJson(c, joinBody)
  const now = c.get('deps').now()
  const key = `join:${user.id}`
  await refuseWhileLocked(c.get('db'), [key], now, 'wrong join codes')
  const cls = await findClassByCode(c.get('db'), normaliseJoinCode(body.joinCode))
  if (!cls) {
    await recordFailure(c.get('db'), [key], now, JOIN_POLICY)
    throw new AppError(
      404,
      'not_found',
      'No class has that join code. Check it with your instructor: it may have been replaced by a new one.',
    )
  }
  await clearFailures(c.get('db'), key)
  await addMember(c.get('db'), cls.id, user.id, now)
  return c.json({ class: { id: cls.id, name: cls.name } })
})

classRoutes.post('/:id/join-code', async (c) => {
  const cls = await ownedClass(c)
  const joinCode = await uniqueCode(c, (code) => setJoinCode(c.get('db'), cls.id, code))
  return c.json({ class: { id: cls.id, name: cls.name, joinCode } })
})

/** Labs the class's instructor published to it (as learners see them), for the matrix and timelines. */
async function classLabs(c: AppContext, classId: string): Promise<Lab[]> {
  const rows = await labsOfClass(c.get('db'), classId)
  return rows.flatMap((r) =>
    r.publishedSource === null ? [] : [compiledLab(r.publishedSource, r.id)],
  )
}

async function matrixOf(c: AppContext) {
  const cls = await ownedClass(c)
  const members = await listMembers(c.get('db'), cls.id)
  const labs = await classLabs(c, cls.id)
  // a member's clusters of labs another instructor published to another class are not this class's
  const own = new Set(labs.map((l) => l.id))
  const clusters = (
    await listClustersOf(
      c.get('db'),
      members.map((m) => m.id),
    )
  ).filter((x) => !isAuthoredId(x.labId) || own.has(x.labId))
  return { cls, members, clusters, matrix: progressMatrix(cls, members, clusters, labs) }
}

classRoutes.get('/:id/progress', async (c) => c.json((await matrixOf(c)).matrix))

classRoutes.get('/:id/progress.csv', async (c) => {
  const { cls, matrix } = await matrixOf(c)
  const file = `${cls.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 50) || 'class'}-progress.csv`
  return c.body(progressCsv(matrix), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file}"`,
  })
})

classRoutes.get('/:id/insights', async (c) => {
  const { clusters } = await matrixOf(c)
  const rows = await listClassifiedHistory(
    c.get('db'),
    clusters.map((x) => x.id),
  )
  const owner = new Map(clusters.map((x) => [x.id, x.userId]))
  return c.json({ misconceptions: insights(rows, owner) })
})

classRoutes.get('/:id/learners/:userId/labs/:labId/history', async (c) => {
  const cls = await ownedClass(c)
  const userId = param(c, 'userId')
  const labId = param(c, 'labId')
  const lab = findLab(labId) ?? (await classLabs(c, cls.id)).find((l) => l.id === labId)
  if (!lab || !(await isMember(c.get('db'), cls.id, userId))) throw notFound('That learner or lab')
  const cluster = await findClusterForLab(c.get('db'), userId, lab.id)
  const rows = cluster ? await listHistory(c.get('db'), cluster.id, 2000) : []
  const history = rows.map((h) => ({
    at: h.at,
    command: h.command,
    stdin: h.stdin,
    exitCode: h.exitCode,
    stdout: h.stdout,
    stderr: h.stderr,
    tasksCompleted: JSON.parse(h.tasksCompleted) as string[],
  }))
  return c.json({ history })
})

// a learner who forgot their password gets a one-time code from their class's instructor
classRoutes.post('/:id/members/:userId/reset-code', async (c) => {
  const cls = await ownedClass(c)
  const db = c.get('db')
  const userId = param(c, 'userId')
  const learner = (await isMember(db, cls.id, userId)) ? await findUser(db, userId) : undefined
  if (!learner) throw notFound('That member')
  return c.json(await makeResetCode(db, learner, c.get('userId')!, c.get('deps').now()), 201)
})

classRoutes.delete('/:id/members/:userId', async (c) => {
  const userId = param(c, 'userId')
  // a learner leaves a class by removing themself; a class they are not in is a 404 as for others
  if (userId === c.get('userId')) {
    if (!(await removeMember(c.get('db'), param(c, 'id'), userId))) throw notFound('That class')
    return c.body(null, 204)
  }
  const cls = await ownedClass(c)
  if (!(await removeMember(c.get('db'), cls.id, userId))) throw notFound('That member')
  return c.body(null, 204)
})
