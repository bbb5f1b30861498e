// Terminal tabs of a cluster: where each one's shell is (reload), its size, Ctrl+C.
import { Hono } from 'hono'
import * as z from 'zod/mini'
import { requireSession } from '../auth/session'
import { settle } from '../sim/controllers/settle'
import { sessionGone, terminalPrompt } from '../sim/session'
import type { Ctx } from '../sim/context'
import type { AppContext, AppEnv } from '../http/env'
import { invalidInput } from '../http/errors'
import { param, readJson } from '../http/validate'
import { loadCluster } from '../http/command-loop'
import { shellView } from './line'
import { putTerminal, TERMINAL_ID, terminalRecord } from './records'
import { updateClusterState } from '../db/clusters'
import { interruptStreams } from './streams-registry'

export const terminalRoutes = new Hono<AppEnv>()
// mounted beside clusterRoutes, whose own guard already ran for /api/clusters/*: no second read
const guard = requireSession()
terminalRoutes.use('*', (c, next) => (c.get('userId') ? next() : guard(c, next)))

function terminalParam(c: AppContext): string {
  const t = c.req.param('terminal') ?? ''
  if (!TERMINAL_ID.test(t))
    throw invalidInput('A terminal name is 1 to 40 letters, digits, "-" or "_".', 'terminal')
  return t
}

terminalRoutes.get('/:id/terminals/:terminal', async (c) => {
  const terminal = terminalParam(c)
  const { row } = await loadCluster(c.get('db'), param(c, 'id'), c.get('userId')!)
  const now = c.get('deps').now()
  const state = await c.get('codec').decode(row)
  settle(state, now)
  const rec = terminalRecord(state, terminal, now)
  const base = { terminal, columns: rec.columns, rows: rec.rows }
  const gone = rec.session && sessionGone({ s: state } as Ctx, rec.session)
  if (rec.session && gone)
    return c.json({
      ...base,
      prompt: terminalPrompt(null),
      shell: null,
      ended: `Your shell in pod ${rec.session.pod} ended: ${gone}.`,
    })
  return c.json({ ...base, prompt: terminalPrompt(rec.session), shell: shellView(rec.session) })
})

const sizeBody = z.object({
  columns: z.int().check(z.gte(20), z.lte(500)),
  rows: z.int().check(z.gte(5), z.lte(200)),
})

terminalRoutes.post('/:id/terminals/:terminal/resize', async (c) => {
  const terminal = terminalParam(c)
  const id = param(c, 'id')
  const size = await readJson(c, sizeBody)
  for (let attempt = 0; attempt < 10; attempt++) {
    const { row } = await loadCluster(c.get('db'), id, c.get('userId')!)
    const now = c.get('deps').now()
    // this isolate's copy when it holds the version, handed back after (a delta, not a new base)
    const key = { clusterId: id, version: row.version }
    const { state, stored } = (await c.get('codec').load(row, key))!
    const rec = terminalRecord(state, terminal, now)
    if (rec.columns === size.columns && rec.rows === size.rows) {
      c.get('codec').remember(key, stored, state)
      break
    }
    putTerminal(state, terminal, { ...rec, ...size, usedAt: now })
    const encoded = await c.get('codec').encodeChanged(state, stored)
    const w = { clusterId: id, expectedVersion: row.version, document: encoded.write, now }
    if (await updateClusterState(c.get('db'), w)) {
      c.get('codec').remember({ clusterId: id, version: row.version + 1 }, encoded.stored, state)
      break
    }
  }
  return c.body(null, 204)
})

terminalRoutes.post('/:id/terminals/:terminal/interrupt', async (c) => {
  const terminal = terminalParam(c)
  const id = param(c, 'id')
  await loadCluster(c.get('db'), id, c.get('userId')!)
  interruptStreams(c.get('userId')!, id, terminal)
  return c.body(null, 204)
})
