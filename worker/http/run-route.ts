// `POST /api/clusters/:id/run`: a learner's line. Mounted before clusterRoutes (app.ts) so that
// the session and the cluster (and an authored lab's source) are read in one statement, one
// database round trip, instead of the session guard's read and then the cluster's.
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { requireSession, sessionTokenHash } from '../auth/session'
import { findSessionCluster } from '../db/command-read'
import { isTerminalRun, terminalRun, terminalRunFields } from '../terminal/run-route'
import type { LoadedCluster } from './command-loop'
import type { AppContext, AppEnv } from './env'
import { unauthenticated } from './errors'
import { labOfSource } from './lab-access'
import { runInCluster } from './run-command'
import { idParam, param, readJson } from './validate'

const runBody = z.object({
  command: z
    .string()
    .check(z.maxLength(10_000, { error: 'A command line may be at most 10,000 characters.' })),
  stdin: z.optional(
    z.string().check(z.maxLength(512 * 1024, { error: 'stdin may be at most 512 KiB.' })),
  ),
  // terminal tabs, shells inside pods and streams (worker/terminal, docs/api.md)
  ...terminalRunFields,
})

export const runRoutes = new Hono<AppEnv>()

runRoutes.post('/:id/run', async (c) => {
  const id = c.req.param('id')
  // an id of the wrong shape is a 404 as on every cluster route, once the session is known good
  if (!idParam.safeParse(id).success) return badId(c)
  const first = await readSessionAndCluster(c, id)
  const body = await readJson(c, runBody)
  if (isTerminalRun(body)) return terminalRun(c, id, body, first)
  const out = await runInCluster(
    c.get('db'),
    c.get('codec'),
    c.get('userId')!,
    id,
    body,
    c.get('deps').now,
    first,
  )
  return c.json(out)
})

/**
 * The session (401 without a live one) and the caller's cluster with its lab, in one statement.
 * Undefined when the cluster or its lab is missing: the line's loop reads again and answers 404
 * after the body's own errors, as before.
 */
async function readSessionAndCluster(c: AppContext, id: string) {
  const hash = await sessionTokenHash(c)
  if (!hash) throw unauthenticated()
  const held = c.get('codec').heldVersion(id)
  const read = await findSessionCluster(c.get('db'), hash, c.get('deps').now(), id, held)
  if (!read) throw unauthenticated()
  c.set('userId', read.userId)
  c.set('tokenHash', hash)
  if (!read.cluster) return undefined
  const lab = labOfSource(read.cluster.labId, read.labSource)
  return lab ? ({ row: read.cluster, lab } satisfies LoadedCluster) : undefined
}

async function badId(c: AppContext): Promise<Response> {
  await requireSession()(c, async () => undefined)
  return param(c, 'id') as never
}
