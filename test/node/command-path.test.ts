// The one path every learner's line takes (worker/http/command-loop.ts), on the Node entry's app:
// a line the simulation reports as leaving the document unchanged is not serialised to find out,
// nor re-encoded, nor rewritten; one that changed it is stored, and the next line sees it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { StateCodec } from '../../worker/db/state-codec'
import { Client } from '../http/client'
import { nodeApp, nodeGzipCodec } from './node-app'

const calls = { encodeChanged: 0, encode: 0 }
/** rows a command read without their document (the process held that version) */
let readWithout = 0
const inner = nodeGzipCodec()
/** set: the isolate's copy is lost between the read and the load (evicted, or taken) */
let loseCopy = false
const counted: StateCodec = {
  ...inner,
  encode: (s) => ((calls.encode += 1), inner.encode(s)),
  encodeChanged: (s, before, fit) => (
    (calls.encodeChanged += 1),
    inner.encodeChanged(s, before, fit)
  ),
  load: (stored, key) => {
    if (stored.state === null) readWithout += 1
    const lost = loseCopy && stored.state === null && key
    return inner.load(stored, lost ? { ...key, version: -1 } : key)
  },
}
const { app, db: client, migrate } = nodeApp({ stateCodec: counted })
beforeAll(migrate)

async function stored(id: string) {
  const r = await client.execute({
    sql: 'SELECT hex(state) AS s, state_delta AS d, version FROM clusters WHERE id = ?',
    args: [id],
  })
  const row = r.rows[0]!
  return { state: String(row.s), delta: row.d as string | null, version: Number(row.version) }
}

describe('the command path', () => {
  it('skips serialising a document the line left unchanged, in a browser tab and in a one-shot run', async () => {
    const c = new Client(async (req) => app.fetch(req))
    await c.signup()
    const id = await c.openCluster()
    const type = (command: string) =>
      c.post(`/api/clusters/${id}/run`, { command, terminal: 'tab-1', columns: 100, rows: 30 })
    await type('kubectl get pods')
    const before = await stored(id)
    const encodes = { ...calls }
    const tab = await type('kubectl get pods -A')
    expect(tab.body.stdout).toContain('kube-system')
    const oneShot = await c.run(id, 'kubectl describe service kubernetes')
    expect(oneShot.body.stdout).toMatch(/^Name: +kubernetes/)
    expect(calls).toEqual(encodes)
    const after = await stored(id)
    expect(after.state).toBe(before.state)
    expect(after.version).toBe(before.version + 2)

    const created = await type('kubectl create deployment web --image=nginx')
    expect(created.body.stdout).toBe('deployment.apps/web created\n')
    expect(calls.encodeChanged).toBe(encodes.encodeChanged + 1)
    // a few changed objects: a delta over the stored base, not a new base
    const changed = await stored(id)
    expect(changed.state).toBe(after.state)
    expect(JSON.parse(changed.delta!).put).toHaveProperty(['Deployment/default/web'])
    const listed = await c.run(id, 'kubectl get deployments')
    expect(listed.body.stdout).toMatch(/\nweb +/)
  })

  it('stores the later steps of a streamed line as deltas over the stored base', async () => {
    const c = new Client(async (req) => app.fetch(req))
    await c.signup()
    const id = await c.openCluster()
    await c.run(id, 'kubectl get pods')
    const before = await stored(id)
    const streamed = await c.post(`/api/clusters/${id}/run`, {
      command: 'sleep 1; kubectl create deployment later --image=nginx',
      terminal: 'tab-1',
      columns: 100,
      rows: 30,
      stream: true,
    })
    expect(String(streamed.body)).toContain('deployment.apps/later created')
    const after = await stored(id)
    expect(after.state).toBe(before.state)
    expect(JSON.parse(after.delta!).put).toHaveProperty(['Deployment/default/later'])
    // and the next line, served from this process's copy, sees it
    const listed = await c.run(id, 'kubectl get deployment later')
    expect(listed.body.stdout).toMatch(/\nlater +/)
  })

  it('does not read the stored document again while this process holds its version', async () => {
    const c = new Client(async (req) => app.fetch(req))
    await c.signup()
    const id = await c.openCluster()
    await c.run(id, 'kubectl create deployment web --image=nginx')
    // the stored document is spoiled behind the process's back, at the same version
    await client.execute({
      sql: `UPDATE clusters SET state = x'00', state_delta = '{' WHERE id = ?`,
      args: [id],
    })
    const without = readWithout
    const listed = await c.run(id, 'kubectl get deployments')
    expect(listed.body.stdout).toMatch(/\nweb +/)
    expect(readWithout).toBe(without + 1)
  })

  it('reads the row again, whole, when its copy went between the read and the load', async () => {
    const c = new Client(async (req) => app.fetch(req))
    await c.signup()
    const id = await c.openCluster()
    await c.run(id, 'kubectl create deployment web --image=nginx')
    loseCopy = true
    try {
      const scaled = await c.run(id, 'kubectl scale deployment web --replicas=2')
      expect(scaled.body.stdout).toBe('deployment.apps/web scaled\n')
    } finally {
      loseCopy = false
    }
    const listed = await c.run(id, 'kubectl get deployment web')
    expect(listed.body.stdout).toMatch(/\nweb +\d\/2 /)
  })
})
