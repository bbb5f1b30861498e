// Proving a lab (its transcripts played in fresh clusters), publishing it to classes, and moving
// it as one YAML file.
import { stringify } from 'yaml'
import * as z from 'zod/mini'
import {
  findAuthoredLab,
  markVerified,
  ownedClassIds,
  publishLab,
  unpublishLab,
} from '../db/authored-labs'
import { compileLab } from '../labs/format/compile'
import { parseLabText } from '../labs/format/parse'
import { verifyLab } from '../labs/format/verify'
import {
  authoredLabRoutes,
  createLab,
  invalidLab,
  labView,
  ownLab,
  requireInstructor,
  viewableLab,
} from './authored-labs'
import { AppError, notFound } from './errors'
import { documentOf } from '../labs/format/compiled-labs'
import { readJson } from './validate'

authoredLabRoutes.post('/:id/verify', async (c) => {
  const row = await ownLab(c)
  const doc = documentOf(row.source)
  const verification = verifyLab(doc, compileLab(doc, row.id), c.get('deps').now())
  if (verification.ok) await markVerified(c.get('db'), row.id, row.version)
  const lab = await labView(c, (await findAuthoredLab(c.get('db'), row.id)) ?? row)
  return c.json({ verification: { version: row.version, ...verification }, lab })
})

const publishBody = z.object({
  classIds: z
    .array(z.string().check(z.maxLength(64)))
    .check(z.minLength(1, { error: 'Name at least one class to publish to.' }), z.maxLength(50)),
})

authoredLabRoutes.post('/:id/publish', async (c) => {
  const row = await ownLab(c)
  const { classIds } = await readJson(c, publishBody)
  const wanted = [...new Set(classIds)]
  const owned = await ownedClassIds(c.get('db'), row.ownerId, wanted)
  if (owned.length !== wanted.length) throw notFound('That class')
  if (row.verifiedVersion !== row.version)
    throw new AppError(
      409,
      'not_verified',
      `Version ${row.version} has not been checked with its solution yet: run "Check with solution" (POST /verify) until the solution completes every task and every near miss leaves its task undone.`,
    )
  await publishLab(c.get('db'), row, wanted, c.get('deps').now())
  return c.json({ lab: await labView(c, (await findAuthoredLab(c.get('db'), row.id))!) })
})

authoredLabRoutes.post('/:id/unpublish', async (c) => {
  const row = await ownLab(c)
  await unpublishLab(c.get('db'), row.id, c.get('deps').now())
  return c.json({ lab: await labView(c, (await findAuthoredLab(c.get('db'), row.id))!) })
})

authoredLabRoutes.get('/:id/export', async (c) => {
  const row = await viewableLab(c)
  const file = `${
    row.title
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'lab'
  }.yaml`
  const text = `# Service Lab lab file (format 1): docs/lab-format.md\n${stringify(documentOf(row.source), { lineWidth: 0, blockQuote: 'literal' })}`
  return c.body(text, 200, {
    'Content-Type': 'application/yaml; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file}"`,
  })
})

const importBody = z.object({
  yaml: z.string().check(z.maxLength(512 * 1024, { error: 'A lab file may be at most 512 KB.' })),
})

authoredLabRoutes.post('/import', async (c) => {
  await requireInstructor(c)
  const { yaml } = await readJson(c, importBody)
  const parsed = parseLabText(yaml, c.get('deps').now())
  if (!parsed.ok) throw invalidLab(parsed.problem)
  return createLab(c, parsed.lab)
})
