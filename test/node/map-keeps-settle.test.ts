// The lab page's map (GET /api/clusters/:id) shows the cluster as of now, and keeps what the
// controllers did to get there (worker/db/keep-settled.ts), as the Kubernetes API's reads do: a
// rollout goes on while the learner only watches the map.
import { beforeAll, expect, it } from 'vitest'
import { Client } from '../http/client'
import { nodeApp } from './node-app'

let now = Date.UTC(2026, 11, 1, 9)
const { app, migrate } = nodeApp({ now: () => now })
beforeAll(migrate)

interface MapObject {
  kind: string
  metadata: { name: string }
  spec?: { containers?: { image: string }[] }
  status?: { phase?: string; conditions?: { type: string; status: string }[] }
}

it('a rollout started in the terminal finishes while only the map is watched', async () => {
  const c = new Client(async (req) => app.fetch(req))
  await c.signup()
  const id = await c.openCluster()
  await c.run(id, 'kubectl create deployment web --image=nginx:1.26 --replicas=3')
  now += 120_000
  expect((await c.run(id, 'kubectl set image deployment/web nginx=nginx:1.27')).body.exitCode).toBe(
    0,
  )

  // the map polls every 2 s for a few minutes; no command is typed meanwhile
  let objects: MapObject[] = []
  for (let i = 0; i < 90; i++) {
    now += 2000
    const r = await c.get(`/api/clusters/${id}`)
    expect(r.status).toBe(200)
    objects = r.body.cluster.objects
  }
  const pods = objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('web-'))
  const ready = (p: MapObject) =>
    p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false
  expect(pods.map((p) => [p.spec?.containers?.[0]?.image, ready(p)])).toEqual([
    ['nginx:1.27', true],
    ['nginx:1.27', true],
    ['nginx:1.27', true],
  ])
  // and the terminal finds it as the map showed it
  const status = await c.run(id, 'kubectl rollout status deployment/web')
  expect(status.body.stdout).toBe('deployment "web" successfully rolled out\n')
})
