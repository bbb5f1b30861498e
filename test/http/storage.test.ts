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
    'SELECT typeof(state) AS type, hex(state) AS state, version, commands FROM clusters WHERE id = ?',
  )
    .bind(id)
    .first<{ type: string; state: string; version: number; commands: number }>()
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

  it('loads a row stored as text before the BLOB column, and stores bytes at the next change', async () => {
    const c = client()
    await c.signup()
    const id = await c.openCluster()
    await c.run(id, 'kubectl create deployment web --image=nginx')
    const json = JSON.stringify(await legacyDocument(id))
    await env.DB.prepare('UPDATE clusters SET state = ?, version = version + 1 WHERE id = ?')
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

/** The row's document as plain JSON text (the oldest stored form), read through the codec. */
async function legacyDocument(id: string) {
  const { decodeState } = await import('../../worker/db/state-codec')
  const row = await env.DB.prepare('SELECT state FROM clusters WHERE id = ?')
    .bind(id)
    .first<{ state: number[] }>()
  return decodeState(new Uint8Array(row!.state))
}
