// Labs instructors write: create, read, edit (a new version), delete, list their own. Proving,
// publishing and moving them as files are in authored-publish.ts.
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { newId } from '../auth/crypto'
import { requireSession } from '../auth/session'
import {
  classIdsOf,
  deleteAuthoredLab,
  findAuthoredLab,
  insertAuthoredLab,
  listOwnLabs,
  teachesLab,
  updateSource,
  type AuthoredLabRow,
} from '../db/authored-labs'
import { findUser } from '../db/users'
import { parseLabDocument } from '../labs/format/parse'
import type { LabDocument } from '../labs/format/lab-schema'
import { AppError, forbidden, invalidInput, notFound } from './errors'
import type { AppContext, AppEnv } from './env'
import { documentOf } from '../labs/format/compiled-labs'
import { AUTHORED_PREFIX } from './lab-access'
import { param, readJson } from './validate'

export const authoredLabRoutes = new Hono<AppEnv>()
authoredLabRoutes.use('*', requireSession())

export async function requireInstructor(c: AppContext) {
  const user = await findUser(c.get('db'), c.get('userId')!)
  if (!user) throw notFound('That account')
  if (user.role !== 'instructor') throw forbidden('Only instructors can write labs.')
  return user
}

/** The lab, if the caller wrote it; anyone else gets the same 404 as for a missing lab. */
export async function ownLab(c: AppContext): Promise<AuthoredLabRow> {
  const row = await findAuthoredLab(c.get('db'), param(c, 'id'))
  if (!row || row.ownerId !== c.get('userId')) throw notFound('That lab')
  return row
}

/** The author, or an instructor of a class it is published to (read only). */
export async function viewableLab(c: AppContext): Promise<AuthoredLabRow> {
  const row = await findAuthoredLab(c.get('db'), param(c, 'id'))
  if (
    row &&
    (row.ownerId === c.get('userId') || (await teachesLab(c.get('db'), row.id, c.get('userId')!)))
  )
    return row
  throw notFound('That lab')
}

export function invalidLab(problem: { path: string; message: string }) {
  return new AppError(400, 'invalid_lab', `${problem.path}: ${problem.message}`, {
    field: problem.path,
  })
}

/** Validates a lab document (schema, limits, starting state through the API server). */
export function checkedDocument(c: AppContext, value: unknown): LabDocument {
  const parsed = parseLabDocument(value, c.get('deps').now())
  if (!parsed.ok) throw invalidLab(parsed.problem)
  return parsed.lab
}

export async function labView(c: AppContext, row: AuthoredLabRow) {
  return {
    id: row.id,
    title: row.title,
    version: row.version,
    verifiedVersion: row.verifiedVersion,
    publishedVersion: row.publishedVersion,
    published: row.published,
    classIds: await classIdsOf(c.get('db'), row.id),
    source: documentOf(row.source),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export async function createLab(c: AppContext, doc: LabDocument) {
  const user = await requireInstructor(c)
  const now = c.get('deps').now()
  const row: AuthoredLabRow = {
    id: AUTHORED_PREFIX + newId(),
    ownerId: user.id,
    title: doc.title,
    source: JSON.stringify({ ...doc, id: undefined }),
    version: 1,
    verifiedVersion: null,
    publishedSource: null,
    publishedVersion: null,
    published: false,
    createdAt: now,
    updatedAt: now,
  }
  await insertAuthoredLab(c.get('db'), row)
  return c.json({ lab: await labView(c, row) }, 201)
}

const anyJson = z.unknown()

authoredLabRoutes.get('/', async (c) => {
  await requireInstructor(c)
  return c.json({ labs: await listOwnLabs(c.get('db'), c.get('userId')!) })
})

authoredLabRoutes.post('/', async (c) => {
  await requireInstructor(c)
  return createLab(c, checkedDocument(c, await readJson(c, anyJson)))
})

authoredLabRoutes.get('/:id', async (c) => c.json({ lab: await labView(c, await viewableLab(c)) }))

const changedMeanwhile = () =>
  new AppError(
    409,
    'conflict',
    'The lab was changed by another tab meanwhile; reload it and try again.',
  )

/** `?version=N`: the version the edit started from; a save on top of a newer one is refused. */
function baseVersion(c: AppContext, current: number): number {
  const given = c.req.query('version')
  if (given === undefined) return current
  if (!/^[1-9]\d{0,8}$/.test(given))
    throw invalidInput('version: The version an edit started from is a whole number.', 'version')
  if (Number(given) !== current) throw changedMeanwhile()
  return current
}

authoredLabRoutes.put('/:id', async (c) => {
  const row = await ownLab(c)
  const version = baseVersion(c, row.version)
  const doc = checkedDocument(c, await readJson(c, anyJson))
  const source = JSON.stringify({ ...doc, id: undefined })
  if (
    !(await updateSource(c.get('db'), row.id, version, {
      title: doc.title,
      source,
      now: c.get('deps').now(),
    }))
  )
    throw changedMeanwhile()
  return c.json({ lab: await labView(c, (await findAuthoredLab(c.get('db'), row.id))!) })
})

authoredLabRoutes.delete('/:id', async (c) => {
  const row = await ownLab(c)
  // learners' progress and the class matrix refer to a lab once published: it stays
  if (row.publishedSource !== null)
    throw new AppError(
      409,
      'published',
      'A lab that was published stays, for the progress learners made in it; unpublish it instead.',
    )
  await deleteAuthoredLab(c.get('db'), row)
  return c.body(null, 204)
})
