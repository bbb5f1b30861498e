// Terminal figures (issue 12): npx tsx bench/terminal.ts [--json]
// - CPU of one line typed inside a container shell, beside the same command as `kubectl exec`
//   (both with JSON parse + serialise of the document, as the platform does);
// - a stream's CPU per second (a watch resumed each second);
// - a stream's database cost while it runs, through the Node app over libSQL: statements and rows
//   per second of `kubectl get pods -w` (nothing changes) and of a curl loop with `sleep 1`.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { createApp } from '../worker/app'
import { libsqlDatabase } from '../worker/db/libsql'
import { newMetrics, type DbMetrics } from '../worker/db/metrics'
import { stateCodec } from '../worker/db/state-codec'
import { runInTerminal, type ShellSession } from '../worker/sim/session'
import { advanceStream, startStream } from '../worker/sim/stream'
import type { ClusterState } from '../worker/sim/state'
import { seededCluster, T0 } from './core'
import { fmt, summarise, timeIt } from './stats'

const json = process.argv.includes('--json')

function cpuFigures(n = 300) {
  const s = seededCluster()
  const text = JSON.stringify(s)
  const now = T0 + 61_000
  const opened = runInTerminal(
    JSON.parse(text) as ClusterState,
    null,
    'kubectl exec -it access-pod -- bash',
    { now },
  )
  const session = opened.session as ShellSession
  const inShell = timeIt(() => {
    const r = runInTerminal(
      JSON.parse(text) as ClusterState,
      session,
      'curl -s my-blue-service:8080',
      { now, owned: true },
    )
    JSON.stringify(r.state)
  }, n)
  const execLine = timeIt(() => {
    const r = runInTerminal(
      JSON.parse(text) as ClusterState,
      null,
      'kubectl exec access-pod -- curl -s my-blue-service:8080',
      { now, owned: true },
    )
    JSON.stringify(r.state)
  }, n)
  // a watch resumed once a second for a minute, the document settled further each time
  const watchSecond: number[] = []
  for (let round = 0; round < 5; round++) {
    const st = startStream(JSON.parse(text) as ClusterState, null, 'kubectl get pods -w', {
      now,
      owned: true,
    })
    for (let sec = 1; sec <= 60; sec++) {
      const t = performance.now()
      advanceStream(st.stream!, st.stream!.ctx.s, now + sec * 1000, false)
      watchSecond.push(performance.now() - t)
    }
  }
  return {
    inShell: summarise(inShell),
    execLine: summarise(execLine),
    watchSecond: summarise(watchSecond),
  }
}

async function dbFigures(seconds = 6) {
  const client = createClient({
    url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-bench-term-')), 'b.db')}`,
  })
  await migrate(drizzle(client), { migrationsFolder: 'migrations' })
  let last: DbMetrics = newMetrics()
  const app = createApp({
    openDb: (m) => {
      last = m
      return libsqlDatabase(client, m)
    },
    stateCodec: stateCodec({ gzip: (b) => gzipSync(b), gunzip: (b) => gunzipSync(b) }),
    clientAddress: () => '127.0.0.1',
    now: () => Date.now(),
  })
  let cookie = ''
  const call = async (path: string, body: unknown, signal?: AbortSignal) => {
    const res = await app.fetch(
      new Request(`http://lab.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
        signal,
      }),
    )
    cookie = (res.headers.get('set-cookie') ?? cookie).split(';')[0] ?? cookie
    return res
  }
  await call('/api/auth/signup', {
    email: `b-${Date.now()}@example.com`,
    password: 'correct horse battery',
    name: 'Bench',
  })
  const id = (
    (await (await call('/api/labs/clusterip-endpoints/cluster', {})).json()) as {
      cluster: { id: string }
    }
  ).cluster.id
  const measure = async (command: string) => {
    const ctl = new AbortController()
    const res = await call(
      `/api/clusters/${id}/run`,
      { command, terminal: 'b1', stream: true },
      ctl.signal,
    )
    const metrics = last
    const startAt = { ...metrics }
    const reader = res.body!.getReader()
    const t = Date.now()
    while (Date.now() - t < seconds * 1000) {
      const r = await Promise.race([reader.read(), new Promise((ok) => setTimeout(ok, 200))])
      if (r && (r as { done: boolean }).done) break
    }
    const during = {
      statements: (metrics.statements - startAt.statements) / seconds,
      rowsRead: (metrics.rowsRead - startAt.rowsRead) / seconds,
      rowsWritten: (metrics.rowsWritten - startAt.rowsWritten) / seconds,
    }
    ctl.abort()
    await reader.cancel().catch(() => undefined)
    return { start: startAt, perSecond: during }
  }
  const watch = await measure('kubectl get pods -w')
  await call(`/api/clusters/${id}/run`, { command: 'kubectl exec access-pod -- apt-get update' })
  await call(`/api/clusters/${id}/run`, {
    command: 'kubectl exec access-pod -- apt-get install -y curl',
  })
  const loop = await measure(
    'while true; do kubectl exec access-pod -- curl -s -m 1 my-service:8080; sleep 1; done',
  )
  return { seconds, watch, loop }
}

const cpu = cpuFigures()
const db = await dbFigures()
if (json) console.log(JSON.stringify({ cpu, db }, null, 2))
else {
  console.log('## Terminal (issue 12)')
  console.log(
    `line inside a shell (curl)   median ${fmt(cpu.inShell.p50, 3)} ms   p99 ${fmt(cpu.inShell.p99, 3)} ms   (kubectl exec curl: median ${fmt(cpu.execLine.p50, 3)} ms)`,
  )
  console.log(
    `watch, one resumption         median ${fmt(cpu.watchSecond.p50, 3)} ms   p99 ${fmt(cpu.watchSecond.p99, 3)} ms   (CPU per second of a get -w)`,
  )
  const f = (m: { statements: number; rowsRead: number; rowsWritten: number }) =>
    `${m.statements.toFixed(2)} statements, ${m.rowsRead.toFixed(2)} rows read, ${m.rowsWritten.toFixed(2)} rows written`
  console.log(`get -w first step             ${f(db.watch.start)} (session, cluster, batch)`)
  console.log(
    `get -w while it runs          per second: ${f(db.watch.perSecond)}   (target <= 1 read/s, 0 writes)`,
  )
  console.log(
    `curl loop + sleep 1           per second: ${f(db.loop.perSecond)}   (a write per recorded request)`,
  )
}
