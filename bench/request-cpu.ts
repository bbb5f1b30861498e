// npx tsx bench/request-cpu.ts [--n 200] [--json] [--only KIND] [--profile FILE]
// CPU time per request of the Node entry's app (libSQL file, the same pragmas and codec as
// worker/node.ts), called in process (app.fetch, no sockets), one request at a time: the floor
// (GET /api/me) and each command kind of the isolated phases, sent as the browser's terminal sends
// them. On a shared machine wall-clock latency is mostly other people's work; the process's own
// CPU time per request (process.cpuUsage) moves far less, so A/B comparisons of the request path
// are made with this. The ratio to the floor here is the isolated phases' ratio on an idle loop.
// `--only KIND` runs the floor and that kind; `--profile FILE` writes a V8 CPU profile of the
// measured requests of the kinds run (open it in Chrome's DevTools) to FILE.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getRequestListener } from '@hono/node-server'
import { openNodeApp } from '../worker/node'
import { BROWSER_TAB, FLOOR_KIND, PHASES } from './isolated'
import { Learner, type Sample } from './load'
import { fmt, summarise } from './stats'

const args = process.argv.slice(2)
const nAt = args.indexOf('--n')
const N = nAt >= 0 ? Number(args[nAt + 1]) : 200
const json = args.includes('--json')
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const only = flag('--only')
const profileTo = flag('--profile')

async function app() {
  // the Node entry's own app (worker/node.ts: pragmas, migrations, codec) over a fresh file
  const { app: a } = await openNodeApp({
    url: `file:${join(mkdtempSync(join(tmpdir(), 'sl-cpu-')), 'b.db')}`,
  })
  // the globals the Node server runs with: serve() installs @hono/node-server's light Request and
  // Response (a string body written at once, no undici Response unless something forces one)
  getRequestListener(a.fetch)
  // Learner speaks HTTP through fetch: route it into the app instead
  const base = 'http://bench.local'
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    a.fetch(new Request(input, init))) as typeof fetch
  return base
}

async function seeded(base: string) {
  const l = new Learner(base, [])
  await l.signup('cpu', 'Cpu')
  const id = await l.openCluster()
  await l.seed(id, { fields: BROWSER_TAB })
  return { l, id }
}

const base = await app()
const { l, id } = await seeded(base)
const results: { kind: string; cpuMs: number; wallP50: number; errors: number }[] = []
const profiler = new Session()
if (profileTo) {
  profiler.connect()
  await profiler.post('Profiler.enable')
  await profiler.post('Profiler.setSamplingInterval', { interval: 100 })
}
for (const phase of PHASES.filter((p) => !only || p.kind === only || p.kind === FLOOR_KIND)) {
  const profiling = profileTo !== undefined && (only === undefined || phase.kind === only)
  for (let r = 0; r < 20; r++) await phase.send(l.into([]), id, r)
  const samples: Sample[] = []
  const measured = l.into(samples)
  if (profiling) await profiler.post('Profiler.start')
  const cpu = process.cpuUsage()
  for (let r = 0; r < N; r++) await phase.send(measured, id, r)
  const used = process.cpuUsage(cpu)
  if (profiling) {
    const { profile } = await profiler.post('Profiler.stop')
    writeFileSync(profileTo, JSON.stringify(profile))
  }
  results.push({
    kind: phase.kind,
    cpuMs: (used.user + used.system) / 1000 / N,
    wallP50: summarise(samples.map((s) => s.ms)).p50,
    errors: samples.filter((s) => !s.ok).length,
  })
}
const floor = results.find((r) => r.kind === FLOOR_KIND)!.cpuMs
if (json) console.log(JSON.stringify({ n: N, results }, null, 2))
else {
  console.log(`## CPU per request, Node + libSQL in process, ${N} sequential requests per kind`)
  console.log('kind                     cpu ms/req   cpu / floor   wall p50 ms   errors')
  for (const r of results)
    console.log(
      `${r.kind.padEnd(24)} ${fmt(r.cpuMs, 3).padStart(10)} ${(r.cpuMs / floor).toFixed(2).padStart(13)} ${fmt(r.wallP50, 2).padStart(13)} ${String(r.errors).padStart(8)}`,
    )
}
process.exit(0)
