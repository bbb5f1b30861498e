// npm run bench [-- --json] [-- --learners 50 --rounds 5 --core-only --isolated-only --runtime workerd|node --port 8801
//   --isolated-rounds 30 --warm-rounds 10]
// Prints what was measured on this machine, with the targets beside the figures.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { coreFigures, type CoreFigures } from './core'
import { commandCpu, commandCpuLines } from './command-cpu'
import { ingressFigures, ingressLines } from './ingress'
import { loadTest, openFresh, type Sample } from './load'
import { isolatedPhases, WARM_ROUNDS, type IsolatedFigures } from './isolated'
import { LABS } from '../worker/labs'
import { startNode, startWrangler, type Server } from './servers'
import { webSizes, workerSize, type Size } from './sizes'
import { fmt, summarise } from './stats'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const num = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : dflt
}
const json = flag('json')
const learners = num('learners', 50)
const rounds = num('rounds', 5)
/** first of two ports for the servers (BENCH_PORT or --port) */
const port = num('port', Number(process.env.BENCH_PORT ?? 8801))
const isolatedOnly = flag('isolated-only')
const ISOLATED_LEARNERS = 8
const ISOLATED_ROUNDS = num('isolated-rounds', 30)
/** requests of each kind sent to warm the server up before the isolated phases (isolated.ts) */
const WARM = num('warm-rounds', WARM_ROUNDS)
const log = (line = '') => {
  if (!json) console.log(line)
}

interface KindFigures {
  kind: string
  n: number
  p50: number
  p95: number
  p99: number
  perSecond: number
  errors: number
  ratioToFloor: number
  statements: number
  rowsRead: number
  rowsWritten: number
}

function byKind(samples: Sample[], seconds: number): KindFigures[] {
  const kinds = [...new Set(samples.map((s) => s.kind))]
  const floor = summarise(samples.filter((s) => s.kind.startsWith('floor')).map((s) => s.ms)).p50
  return kinds.map((kind) => {
    const ks = samples.filter((s) => s.kind === kind)
    const sum = summarise(ks.map((s) => s.ms))
    const avg = (f: (s: Sample) => number) => ks.reduce((a, s) => a + f(s), 0) / ks.length
    return {
      kind,
      n: ks.length,
      p50: sum.p50,
      p95: sum.p95,
      p99: sum.p99,
      perSecond: ks.length / seconds,
      errors: ks.filter((s) => !s.ok).length,
      ratioToFloor: sum.p50 / floor,
      statements: avg((s) => s.statements),
      rowsRead: avg((s) => s.rowsRead),
      rowsWritten: avg((s) => s.rowsWritten),
    }
  })
}

function printCore(c: CoreFigures) {
  log('## Core (worker/sim), seed scenario: 4 Deployments, access pod, 3 Services, manual Endpoints')
  log(`apply + settle          median ${fmt(c.applySettle.p50, 3)} ms   p95 ${fmt(c.applySettle.p95, 3)} ms   (target <= 1 ms median)`)
  log(`one routed request      median ${fmt(c.route.p50 * 1000, 1)} us   p95 ${fmt(c.route.p95 * 1000, 1)} us   (target <= 20 us median)`)
  log(`state document          ${(c.documentBytes / 1024).toFixed(1)} KB of JSON; stored ${(c.storedBytes / 1024).toFixed(1)} KB (gzip BLOB)   (target <= 50 KB)`)
  log(`store + load document    median ${fmt(c.encodeDecode.p50, 3)} ms (gzip level 1, JSON both ways, with zlib as the Node entry)`)
  log(`parse + serialise       median ${fmt(c.parseSerialise.p50, 3)} ms`)
  log(`whole run: get pods     median ${fmt(c.wholeRun.p50, 3)} ms   p99 ${fmt(c.wholeRun.p99, 3)} ms   (target well inside 10 ms CPU)`)
  log(`whole run: exec curl    median ${fmt(c.wholeRunCurl.p50, 3)} ms   p99 ${fmt(c.wholeRunCurl.p99, 3)} ms`)
  log(`whole run: 20x curl loop median ${fmt(c.wholeRunLoop.p50, 3)} ms   p99 ${fmt(c.wholeRunLoop.p99, 3)} ms   (for i in $(seq 1 20); do kubectl exec ... curl; done | sort | uniq -c)`)
  log()
}

function printKinds(server: string, figures: KindFigures[], seconds: number) {
  log(`## ${server}: ${learners} learners at once, ${rounds} rounds each, ${seconds.toFixed(1)} s`)
  log('kind                     n     p50 ms   p95 ms   p99 ms   req/s   errors  p50/floor  stmts  rows read  rows written')
  for (const f of figures) {
    log(
      `${f.kind.padEnd(22)} ${String(f.n).padStart(5)} ${fmt(f.p50, 1).padStart(8)} ${fmt(f.p95, 1).padStart(8)} ${fmt(f.p99, 1).padStart(8)} ${f.perSecond.toFixed(1).padStart(7)} ${String(f.errors).padStart(8)} ${f.ratioToFloor.toFixed(2).padStart(10)} ${f.statements.toFixed(1).padStart(6)} ${f.rowsRead.toFixed(1).padStart(10)} ${f.rowsWritten.toFixed(1).padStart(13)}`,
    )
  }
  log('"open cluster" is measured during the 50-learner signup storm (PBKDF2 saturates the CPU);')
  log('"open fresh cluster" is 5 learners opening every lab one request at a time on a quiet server.')
  log('targets: run p50 within 2x the floor, no errors; rows written per run = 2, rows read <= 3; open fresh cluster p50 < 50 ms')
  log()
}

function printIsolated(server: string, figures: IsolatedFigures[]) {
  log(`## ${server}: isolated phases, ${ISOLATED_LEARNERS} learners at once, one kind of request at a time (warm-up: ${WARM} rounds)`)
  log('kind                     n     p50 ms   p95 ms   errors  rows read  rows written  cpu ms/req  cpu/floor  p50/floor')
  const cpu = (x: number | undefined, digits: number) => (x === undefined ? '-' : x.toFixed(digits))
  for (const f of figures) {
    const mark = f.kind.startsWith('floor') ? '' : f.ratioToFloor <= 2 ? '  ok' : '  OVER'
    log(
      `${f.kind.padEnd(22)} ${String(f.n).padStart(5)} ${fmt(f.p50, 1).padStart(8)} ${fmt(f.p95, 1).padStart(8)} ${String(f.errors).padStart(8)} ${f.rowsRead.toFixed(1).padStart(10)} ${f.rowsWritten.toFixed(1).padStart(13)} ${cpu(f.cpuMs, 2).padStart(11)} ${cpu(f.cpuRatioToFloor, 2).padStart(10)} ${f.ratioToFloor.toFixed(2).padStart(10)}${mark}`,
    )
  }
  log('target: each command kind p50 <= 2.0x the floor p50 in isolation; rows written = 2, rows read <= 3')
  log("cpu: the server's processes' CPU per request over the phase (all threads; Linux only)")
  log()
}

const isolatedOptions = (server: Server) => ({ warmRounds: WARM, serverCpuMs: () => server.cpuMs() })

async function measureServer(start: () => Promise<Server>) {
  const server = await start()
  try {
    if (isolatedOnly) {
      const isolated = await isolatedPhases(server.url, ISOLATED_LEARNERS, ISOLATED_ROUNDS, undefined, isolatedOptions(server))
      printIsolated(server.name, isolated)
      return { server: server.name, isolated }
    }
    const fresh = await openFresh(server.url, 5, LABS.map((l) => l.id))
    const r = await loadTest(server.url, learners, rounds)
    const figures = byKind(r.samples, r.seconds)
    const open = summarise(fresh.map((s) => s.ms))
    figures.push({
      kind: 'open fresh cluster',
      n: open.n,
      p50: open.p50,
      p95: open.p95,
      p99: open.p99,
      perSecond: NaN,
      errors: fresh.filter((s) => !s.ok).length,
      ratioToFloor: NaN,
      statements: fresh.reduce((a, s) => a + s.statements, 0) / fresh.length,
      rowsRead: fresh.reduce((a, s) => a + s.rowsRead, 0) / fresh.length,
      rowsWritten: fresh.reduce((a, s) => a + s.rowsWritten, 0) / fresh.length,
    })
    printKinds(server.name, figures, r.seconds)
    for (const f of r.failures.slice(0, 5)) log(`learner failed: ${f}`)
    const isolated = await isolatedPhases(server.url, ISOLATED_LEARNERS, ISOLATED_ROUNDS, undefined, isolatedOptions(server))
    printIsolated(server.name, isolated)
    return { server: server.name, seconds: r.seconds, learnerFailures: r.failures.length, kinds: figures, isolated }
  } finally {
    await server.stop()
  }
}

function printSizes(worker: Size | undefined, web: Size[]) {
  log('## Sizes')
  if (worker) log(`${worker.name}: ${(worker.raw / 1024).toFixed(1)} KB raw, ${(worker.gzip / 1024).toFixed(1)} KB gzip (target < 1 MB gzip)`)
  for (const w of web) log(`${w.name}: ${(w.raw / 1024).toFixed(1)} KB raw, ${(w.gzip / 1024).toFixed(1)} KB gzip`)
  log()
}

async function main() {
  if (!existsSync('web/dist/index.html')) spawnSync('npm', ['run', 'build:web'], { stdio: json ? 'ignore' : 'inherit' })
  const report: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    learners,
    rounds,
    targets: {
      applySettleMedianMs: 1,
      routeMedianUs: 20,
      documentKB: 50,
      runCpuMs: 10,
      runP50ToFloor: 2,
      isolatedCommandP50ToFloor: 2,
      rowsWrittenPerRun: 2,
      rowsReadPerRun: 3,
      openFreshClusterP50Ms: 50,
      workerGzipKB: 1024,
    },
  }
  if (!isolatedOnly) {
    const core = await coreFigures()
    printCore(core)
    report.core = core
    const commands = commandCpu()
    for (const line of commandCpuLines(commands)) log(line)
    log()
    report.commandCpu = commands
    const ingress = await ingressFigures()
    for (const line of ingressLines(ingress)) log(line)
    report.ingress = ingress
    const worker = workerSize()
    const web = webSizes()
    printSizes(worker, web)
    report.sizes = { worker, web }
  }
  if (!flag('core-only')) {
    const runtime = args[args.indexOf('--runtime') + 1]
    const servers = [
      { id: 'workerd', start: () => startWrangler(port) },
      { id: 'node', start: () => startNode(port + 1) },
    ].filter((x) => !flag('runtime') || x.id === runtime)
    report.http = []
    for (const x of servers) (report.http as unknown[]).push(await measureServer(x.start))
  }
  if (json) console.log(JSON.stringify(report, null, 2))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
