// A learner's cluster: read it, reset it, run a terminal line in it, read its history.
import { Hono } from 'hono'
import { requireSession } from '../auth/session'
import { findCluster, listHistory, resetCluster } from '../db/clusters'
import { settleAndKeep } from '../db/keep-settled'
import { parseProgress } from '../labs/grade'
import type { ClusterState } from '../sim/state'
import { notFound } from './errors'
import type { AppContext, AppEnv } from './env'
import { labOfCluster } from './lab-access'
import { param } from './validate'

export const clusterRoutes = new Hono<AppEnv>()
clusterRoutes.use('*', requireSession())

async function loadOwn(c: AppContext) {
  const row = await findCluster(c.get('db'), param(c, 'id'), c.get('userId')!)
  if (!row) throw notFound('That cluster')
  return row
}

/** The objects a client draws: everything but Events (they are for `kubectl get events`). */
function visibleObjects(state: ClusterState) {
  return Object.values(state.objects).filter((o) => o.kind !== 'Event')
}

clusterRoutes.get('/:id', async (c) => {
  const row = await loadOwn(c)
  const now = c.get('deps').now()
  // a view as of now: pods may have started since the last command. What the controllers did to
  // get there is stored (db/keep-settled.ts): a rollout goes on while the learner watches the map
  const key = { clusterId: row.id, version: row.version }
  const { state, stored } = (await c.get('codec').load(row, key))!
  const kept = await settleAndKeep(state, now, {
    db: c.get('db'),
    codec: c.get('codec'),
    ...key,
    stored,
  })
  return c.json({
    cluster: {
      id: row.id,
      labId: row.labId,
      version: kept ? row.version + 1 : row.version,
      now,
      objects: visibleObjects(state),
    },
  })
})

clusterRoutes.post('/:id/reset', async (c) => {
  const row = await loadOwn(c)
  const lab = await labOfCluster(c.get('db'), row.labId, row.userId)
  if (!lab) throw notFound('That lab')
  const now = c.get('deps').now()
  const previous = await c.get('codec').decode(row)
  // a new seed (new pod names and IPs), but the lab may keep what it drew for this learner
  const state = lab.setup(previous.rng ^ 0x5bd1e995, now, previous)
  await resetCluster(c.get('db'), row.id, row.userId, await c.get('codec').encode(state), now)
  return c.json({
    cluster: {
      id: row.id,
      labId: row.labId,
      version: row.version + 1,
      now,
      objects: visibleObjects(state),
    },
  })
})

// POST /:id/run is served by ./run-route.ts (mounted first: its own one-statement session read)

clusterRoutes.get('/:id/history', async (c) => {
  const row = await loadOwn(c)
  const rows = await listHistory(c.get('db'), row.id)
  const progress = parseProgress(row.progress)
  return c.json({
    history: rows.map((h) => ({ at: h.at, command: h.command, exitCode: h.exitCode })),
    recent: progress.recent,
  })
})
