// The one path every learner's line takes (worker/http/command-loop.ts), on the Node entry's app:
// a line the simulation reports as leaving the document unchanged is not serialised to find out,
// nor re-encoded, nor rewritten; one that changed it is stored, and the next line sees it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { StateCodec } from '../../worker/db/state-codec'
import { Client } from '../http/client'
import { nodeApp, nodeGzipCodec } from './node-app'

const calls = { encodeChanged: 0, encode: 0 }
const inner = nodeGzipCodec()
const counted: StateCodec = {
  ...inner,
  encode: (s) => ((calls.encode += 1), inner.encode(s)),
  encodeChanged: (s, before) => ((calls.encodeChanged += 1), inner.encodeChanged(s, before)),
}
const { app, db: client, migrate } = nodeApp({ stateCodec: counted })
beforeAll(migrate)

async function stored(id: string) {
  const r = await client.execute({
    sql: 'SELECT hex(state) AS s, version FROM clusters WHERE id = ?',
    args: [id],
  })
  return { state: String(r.rows[0]!.s), version: Number(r.rows[0]!.version) }
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
    expect((await stored(id)).state).not.toBe(after.state)
    const listed = await c.run(id, 'kubectl get deployments')
    expect(listed.body.stdout).toMatch(/\nweb +/)
  })
})
