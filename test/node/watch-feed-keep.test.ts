// A watch's feed stores what the controllers did (db/keep-settled.ts) and then knows the row as it
// wrote it: its next poll is the one-row version read, not a read of its own document back.
import { beforeAll, expect, it } from 'vitest'
import { libsqlDatabase } from '../../worker/db/libsql'
import { newMetrics } from '../../worker/db/metrics'
import { ClusterFeed } from '../../worker/kube-api/watch/feed'
import { Client } from '../http/client'
import { nodeApp, nodeGzipCodec } from './node-app'

let now = Date.UTC(2026, 11, 1, 9)
const a = nodeApp({ now: () => now })
beforeAll(a.migrate)

it('after storing its settle, the next poll reads the version only and sees no change', async () => {
  const c = new Client(async (req) => a.app.fetch(req))
  await c.signup()
  const id = await c.openCluster()
  await c.run(id, 'kubectl create deployment web --image=nginx --replicas=2')
  const m = newMetrics()
  const feed = new ClusterFeed({
    db: libsqlDatabase(a.db, m),
    codec: nodeGzipCodec(),
    clusterId: id,
    now: () => now,
  })
  const version = async () =>
    (await a.db.execute({ sql: 'SELECT version FROM clusters WHERE id = ?', args: [id] })).rows[0]!
      .version as number
  const created = await version()
  // later, the pods have started: the view's settle moves them and stores that
  now += 30_000
  const first = await feed.current()
  expect(await version()).toBe(created + 1)

  const before = m.statements
  expect(await feed.poll()).toBe('unchanged')
  expect(m.statements - before).toBe(1)

  // what the feed showed is what was stored: a command finds the same pods
  const names = Object.values(first!.state.objects)
    .filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
    .map((o) => `pod/${o.metadata.name}`)
    .sort()
  const pods = (await c.run(id, 'kubectl get pods -o name')).body.stdout as string
  expect(names).toEqual(pods.trim().split('\n').sort())
})
