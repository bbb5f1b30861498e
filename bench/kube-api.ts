// npx tsx bench/kube-api.ts [--json] [--n 200]
// `kubectl get pods` through the Kubernetes API against the floor, on both servers: the exact
// request kubectl sends (Table Accept, limit=500, bearer token) on a cluster holding the seed
// scenario, interleaved with the floor (GET /api/me, one authenticated read), one request at a
// time. Also the wall time of the real `kubectl get pods` process (warm discovery cache), when
// kubectl is installed. Target: the API's p50 within 2x the floor's.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Learner } from './load'
import { SEED_SCENARIO } from './seed-scenario'
import { startNode, startWrangler, type Server } from './servers'
import { fmt, summarise } from './stats'

const args = process.argv.slice(2)
const json = args.includes('--json')
const nAt = args.indexOf('--n')
const N = nAt >= 0 ? Number(args[nAt + 1]) : 200
const TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json'

async function timed(
  url: string,
  headers: Record<string, string>,
  check: (body: string) => boolean,
) {
  const t = performance.now()
  const res = await fetch(url, { headers })
  const body = await res.text()
  const ms = performance.now() - t
  if (res.status !== 200 || !check(body))
    throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`)
  return { ms, timing: res.headers.get('server-timing') ?? '' }
}

async function prepare(base: string) {
  const l = new Learner(base, [])
  await l.signup('kube-bench', 'Bench')
  const id = await l.openCluster()
  await l.run(id, 'setup', 'kubectl apply -f -', () => true, SEED_SCENARIO)
  const kubeconfig = await l.kubeconfig(id)
  const token = /token: (\S+)/.exec(kubeconfig)![1]!
  return { id, cookie: l.cookie, token, kubeconfig }
}

function kubectlProcess(kubeconfig: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'sl-kube-bench-'))
  const file = join(dir, 'kc.yaml')
  writeFileSync(file, kubeconfig)
  const env = { ...process.env, HOME: dir }
  const run = () =>
    execFileSync('kubectl', ['--kubeconfig', file, 'get', 'pods'], { env, stdio: 'pipe' })
  try {
    run()
  } catch {
    return []
  }
  const out: number[] = []
  for (let i = 0; i < 20; i++) {
    const t = performance.now()
    run()
    out.push(performance.now() - t)
  }
  return out
}

async function measure(server: Server) {
  const { id, cookie, token, kubeconfig } = await prepare(server.url)
  const pods = `${server.url}/k8s/clusters/${id}/api/v1/namespaces/default/pods?limit=500`
  const floor: number[] = []
  const api: number[] = []
  let timing = ''
  for (let i = 0; i < N + 20; i++) {
    // one API request per 40 ms at most: the per-token rate limit (30/s after a burst of 120,
    // worker/kube-api/rate-limit.ts) would answer 429 to a faster loop
    const pace = new Promise((r) => setTimeout(r, 40))
    const f = await timed(`${server.url}/api/me`, { cookie }, (b) => b.includes('"user"'))
    const a = await timed(
      pods,
      { authorization: `Bearer ${token}`, accept: TABLE },
      (b) => b.includes('"kind":"Table"') && b.includes('access-pod'),
    )
    await pace
    if (i < 20) continue
    floor.push(f.ms)
    api.push(a.ms)
    timing = a.timing
  }
  const f = summarise(floor)
  const a = summarise(api)
  const proc = summarise(kubectlProcess(kubeconfig))
  return {
    server: server.name,
    n: N,
    floorP50: f.p50,
    apiP50: a.p50,
    apiP95: a.p95,
    ratio: a.p50 / f.p50,
    serverTiming: timing,
    kubectlProcessP50: proc.p50,
  }
}

const results = []
for (const start of [() => startNode(8843), () => startWrangler(8844)]) {
  const server = await start()
  try {
    results.push(await measure(server))
  } finally {
    await server.stop()
  }
}
if (json)
  console.log(JSON.stringify({ target: 'kube-api get pods p50 <= 2x floor p50', results }, null, 2))
else {
  console.log(
    'server                               n     floor p50   get pods p50   p95      ratio   kubectl get pods (process) p50',
  )
  for (const r of results)
    console.log(
      `${r.server.padEnd(36)} ${String(r.n).padEnd(5)} ${fmt(r.floorP50).padEnd(11)} ${fmt(r.apiP50).padEnd(14)} ${fmt(r.apiP95).padEnd(8)} ${fmt(r.ratio).padEnd(7)} ${fmt(r.kubectlProcessP50)} ms`,
    )
  console.log(`db cost of one get pods: ${results[0]?.serverTiming}`)
  console.log('target: get pods through the API within 2x the floor (p50)')
}
