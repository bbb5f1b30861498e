// How a command touches the stored cluster row (issue 11): a command that changes nothing in the
// document leaves its bytes alone yet still counts (version, progress, history) in one batch, and
// rows stored as text before the BLOB column still load.
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { Client } from './client'

const worker = exports as unknown as { default: Fetcher }
const client = () => new Client((req) => worker.default.fetch(req))

async function rowOf(id: string) {
  const row = await env.DB.prepare(
    // the document: its base and the delta over it
    `SELECT typeof(state) AS type, hex(state) || ' ' || coalesce(state_delta, '') AS state,
      version, commands, progress FROM clusters WHERE id = ?`,
  )
    .bind(id)
    .first<{ type: string; state: string; version: number; commands: number; progress: string }>()
  const history = await env.DB.prepare(
    'SELECT count(*) AS n FROM command_history WHERE cluster_id = ?',
  )
    .bind(id)
    .first<{ n: number }>()
  return { ...row!, history: history!.n }
}

describe('the stored cluster row', () => {
  it('keeps the document bytes when a command changed nothing, and still records the command', async () => {
    const c = client()
    await c.signup()
    const id = await c.openCluster()
    await c.run(id, 'kubectl get nodes')
    const before = await rowOf(id)
    expect(before.type).toBe('blob')
    const r = await c.run(id, 'kubectl get nodes')
    expect(r.body.exitCode).toBe(0)
    expect(r.headers.get('server-timing')).toMatch(/rows_written=2"/)
    const after = await rowOf(id)
    expect(after.state).toBe(before.state)
    expect(after.version).toBe(before.version + 1)
    expect(after.commands).toBe(before.commands + 1)
    expect(after.history).toBe(before.history + 1)
    const h = await c.run(id, 'history')
    expect(h.body.stdout).toContain('kubectl get nodes')

    await c.run(id, 'kubectl create deployment web --image=nginx')
    expect((await rowOf(id)).state).not.toBe(after.state)
  })

  it('a line typed in a browser terminal tab that changed nothing leaves the document bytes alone', async () => {
    const c = client()
    await c.signup()
    const id = await c.openCluster()
    // what the browser's terminal sends for every line: its tab and its size
    const type = (command: string) =>
      c.post(`/api/clusters/${id}/run`, { command, terminal: 'tab-1', columns: 120, rows: 30 })
    await type('kubectl get pods')
    const before = await rowOf(id)
    const r = await type('kubectl get pods')
    expect(r.status).toBe(200)
    expect(r.body.exitCode).toBe(0)
    expect(r.headers.get('server-timing')).toMatch(/statements=3 rows_read=\d+ rows_written=2"/)
    const after = await rowOf(id)
    expect(after.state).toBe(before.state)
    expect(after.version).toBe(before.version + 1)
    expect(after.commands).toBe(before.commands + 1)
    expect(after.history).toBe(before.history + 1)
    const history = (await c.get(`/api/clusters/${id}/history`)).body
    expect(history.history.map((h: { command: string }) => h.command)).toEqual([
      'kubectl get pods',
      'kubectl get pods',
    ])
    expect(history.recent).toEqual(['kubectl get pods', 'kubectl get pods'])

    // the tab's size is part of its record: a new size is stored, and the shell still works
    const wider = await c.post(`/api/clusters/${id}/run`, {
      command: 'kubectl get pods',
      terminal: 'tab-1',
      columns: 140,
      rows: 30,
    })
    expect(wider.status).toBe(200)
    expect((await rowOf(id)).state).not.toBe(after.state)
  })

  it('a terminal line that changed nothing still completes a task and records it', async () => {
    const c = client()
    await c.signup()
    const id = await c.openCluster('service-types')
    const type = (command: string, stdin?: string) =>
      c.post(`/api/clusters/${id}/run`, {
        command,
        stdin,
        terminal: 'tab-1',
        columns: 80,
        rows: 24,
      })
    await type('kubectl get services')
    const before = await rowOf(id)
    const refused = await type('kubectl apply -f -', NODE_PORT_80)
    expect(refused.body.stderr).toContain('provided port is not in the valid range')
    expect(refused.body.newlyCompleted).toEqual(['nodeport-out-of-range'])
    const after = await rowOf(id)
    expect(after.state).toBe(before.state)
    expect(after.version).toBe(before.version + 1)
    expect(JSON.parse(after.progress).tasks).toHaveProperty('nodeport-out-of-range')
    expect(after.history).toBe(before.history + 1)
  })

  it('loads a row stored as text before the BLOB column, and stores bytes at the next change', async () => {
    const c = client()
    await c.signup()
    const id = await c.openCluster()
    await c.run(id, 'kubectl create deployment web --image=nginx')
    const json = JSON.stringify(await legacyDocument(id))
    await env.DB.prepare(
      'UPDATE clusters SET state = ?, state_delta = NULL, version = version + 1 WHERE id = ?',
    )
      .bind(json, id)
      .run()
    expect((await rowOf(id)).type).toBe('text')
    const pods = await c.run(id, 'kubectl get deployments')
    expect(pods.body.stdout).toMatch(/^NAME +READY/)
    expect(pods.body.stdout).toContain('web')
    await c.run(id, 'kubectl scale deployment web --replicas=2')
    expect((await rowOf(id)).type).toBe('blob')
  })
})

const NODE_PORT_80 = `apiVersion: v1
kind: Service
metadata:
  name: my-nodeport-service
spec:
  type: NodePort
  selector:
    app: nginx
  ports:
  - port: 8080
    targetPort: 80
    nodePort: 80
`

/** The row's document as plain JSON text (the oldest stored form), read through the codec. */
async function legacyDocument(id: string) {
  const { decodeState } = await import('../../worker/db/state-codec')
  const row = await env.DB.prepare('SELECT state, state_delta FROM clusters WHERE id = ?')
    .bind(id)
    .first<{ state: number[]; state_delta: string | null }>()
  return decodeState({ state: new Uint8Array(row!.state), stateDelta: row!.state_delta })
}
