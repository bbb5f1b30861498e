// A cluster row keeps its size from one command to the next while its delta fits the room kept
// for it (worker/db/delta-room.ts): SQLite then rewrites the row's changed pages only, not the
// gzip base. The lines below differ in length, so the progress column (the recent lines) changes
// length on every command; the delta's padding makes up for it. The document reads back whole in a
// process that holds no copy of it.
import { beforeAll, describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import { Client } from '../http/client'
import { nodeApp, nodeGzipCodec } from './node-app'

const first = nodeApp()
beforeAll(first.migrate)

async function sizes(id: string) {
  const r = await first.db.execute({
    sql: `SELECT length(CAST(state AS BLOB)) AS base, length(CAST(state_delta AS BLOB)) AS delta,
      length(CAST(progress AS BLOB)) AS progress, state, state_delta AS text
      FROM clusters WHERE id = ?`,
    args: [id],
  })
  const row = r.rows[0]!
  const [base, delta, progress] = [row.base, row.delta, row.progress].map(Number) as number[]
  const stored = { state: Buffer.from(row.state as ArrayBuffer), stateDelta: String(row.text) }
  return { base, delta, progress, row: base! + delta! + progress!, text: stored.stateDelta, stored }
}

describe('a cluster row written at one size', () => {
  it('keeps its size over lines that change progress and the document, and reads back', async () => {
    const c = new Client(async (req) => first.app.fetch(req))
    await c.signup()
    const id = await c.openCluster()
    const tab = (command: string) =>
      c.post(`/api/clusters/${id}/run`, { command, terminal: 'tab-1', columns: 100, rows: 30 })
    // a row with no delta (a fresh base): the empty delta takes up the change in progress
    expect((await sizes(id)).delta).toBe(0)
    expect((await c.run(id, 'kubectl get pods')).status).toBe(200)
    const fresh = [await sizes(id)]
    for (const line of ['kubectl get nodes', 'kubectl get namespaces -o wide', 'pwd']) {
      expect((await c.run(id, line)).status, line).toBe(200)
      fresh.push(await sizes(id))
    }
    expect(new Set(fresh.map((s) => s.progress)).size).toBe(4)
    expect(new Set(fresh.map((s) => s.row)).size).toBe(1)
    // the delta's JSON keeps its place at the row's end (the padding leads): no page of it moves
    expect(new Set(fresh.map((s) => s.text.trimStart())).size).toBe(1)
    expect(fresh.filter((s) => !s.text.endsWith('}'))).toEqual([])
    const empty = await nodeGzipCodec().decode(fresh.at(-1)!.stored)
    expect(JSON.parse(fresh.at(-1)!.text).put).toEqual({})
    expect(empty.objects).toHaveProperty(['Node//lab-worker'])

    expect((await tab('kubectl create deployment web --image=nginx')).status).toBe(200)
    const start = await sizes(id)
    expect(start.delta).toBeGreaterThan(0)
    const lines = [
      'kubectl get pods',
      'kubectl get deployments -o wide',
      'kubectl label deployment web tier=frontend',
      'kubectl get pods --show-labels',
      'kubectl annotate deployment web note=x',
      'echo hi',
    ]
    const seen: ReturnType<typeof sizes> extends Promise<infer T> ? T[] : never = []
    for (const line of lines) {
      expect((await tab(line)).status, line).toBe(200)
      seen.push(await sizes(id))
    }
    // progress changed length on every line; the row's variable text kept its total
    expect(new Set(seen.map((s) => s.progress)).size).toBe(lines.length)
    expect(seen.map((s) => s.row)).toEqual(lines.map(() => start.row))
    expect(seen.map((s) => s.base)).toEqual(lines.map(() => start.base))
    // the padding is trailing whitespace: the column is still the delta's JSON
    expect(JSON.parse(seen.at(-1)!.text).put).toHaveProperty(['Deployment/default/web'])

    // a process that holds no copy reads the document as the last line left it
    const doc = await nodeGzipCodec().decode(seen.at(-1)!.stored)
    const web = doc.objects['Deployment/default/web']!
    expect(web.metadata.labels).toMatchObject({ tier: 'frontend' })
    expect(web.metadata.annotations).toMatchObject({ note: 'x' })
  })
})
