// npx tsx bench/kube-streams.ts [--json] [--n 40]
// The long-lived parts of the Kubernetes API on both servers (Node 8848, wrangler dev 8849):
// - exec: the WebSocket kubectl opens after its GET of the pod (`ls /`, v5, open to close 1000),
//   against the same command through the lab terminal (`POST /run kubectl exec ...`), and the
//   wall time of the real `kubectl exec` process when kubectl is installed;
// - watch: how long after a write through the web API the MODIFIED event reaches an open watch
//   (the watch looks once a second, so ~0.5 s on average is the design).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { Learner } from './load'
import { startNode, startWrangler, type Server } from './servers'
import { fmt, summarise } from './stats'

const args = process.argv.slice(2)
const json = args.includes('--json')
const nAt = args.indexOf('--n')
const N = nAt >= 0 ? Number(args[nAt + 1]) : 40
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function prepare(base: string) {
  const l = new Learner(base, [])
  await l.signup('streams', 'Bench')
  const id = await l.openCluster()
  const run = async (command: string) =>
    (await l.run(id, 'setup', command, () => true)).body as { stdout: string; exitCode: number }
  await run('kubectl run box --image=busybox -- sleep 3600')
  for (let i = 0; i < 60 && !/Running/.test((await run('kubectl get pod box')).stdout); i++)
    await sleep(500)
  const kubeconfig = await l.kubeconfig(id)
  const server = /server: (\S+)/.exec(kubeconfig)![1]!
  return { run, kubeconfig, server }
}

function wsExec(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const ws = new WebSocket(url, ['v5.channel.k8s.io'])
    ws.on('close', (code) =>
      code === 1000 ? resolve(performance.now() - t) : reject(new Error(`close ${code}`)),
    )
    ws.on('error', reject)
  })
}

function kubectlExec(kubeconfig: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'sl-streams-bench-'))
  const file = join(dir, 'kc.yaml')
  writeFileSync(file, kubeconfig)
  const run = () =>
    execFileSync('kubectl', ['--kubeconfig', file, 'exec', 'box', '--', 'ls', '/'], {
      env: { ...process.env, HOME: dir },
      stdio: 'pipe',
    })
  try {
    run()
  } catch {
    return []
  }
  const out: number[] = []
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    run()
    out.push(performance.now() - t)
  }
  return out
}

/** Times from a write through the web API to its event on an open watch. */
async function watchLatency(
  server: string,
  run: (c: string) => Promise<unknown>,
): Promise<number[]> {
  const res = await fetch(
    `${server}/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dbox&resourceVersion=999999999`,
  )
  const reader = res.body!.getReader()
  const out: number[] = []
  for (let i = 0; i < Math.min(N, 15); i++) {
    const t = performance.now()
    await run(`kubectl label pod box round=${i} --overwrite`)
    let text = ''
    while (!text.includes(`"round":"${i}"`))
      text += new TextDecoder().decode((await reader.read()).value)
    out.push(performance.now() - t)
  }
  await reader.cancel()
  return out
}

async function measure(s: Server) {
  const { run, kubeconfig, server } = await prepare(s.url)
  const url = `${server.replace(/^http/, 'ws')}/api/v1/namespaces/default/pods/box/exec?command=ls&command=/&stdout=true&stderr=true`
  const ws: number[] = []
  const terminal: number[] = []
  for (let i = 0; i < N + 5; i++) {
    const a = await wsExec(url)
    const t = performance.now()
    await run('kubectl exec box -- ls /')
    if (i < 5) continue
    ws.push(a)
    terminal.push(performance.now() - t)
  }
  return {
    server: s.name,
    n: N,
    execWsP50: summarise(ws).p50,
    terminalExecP50: summarise(terminal).p50,
    kubectlExecProcessP50: summarise(kubectlExec(kubeconfig)).p50,
    watchEventP50: summarise(await watchLatency(server, run)).p50,
  }
}

const results = []
for (const start of [() => startNode(8848), () => startWrangler(8849)]) {
  const server = await start()
  try {
    results.push(await measure(server))
  } finally {
    await server.stop()
  }
}
if (json) console.log(JSON.stringify({ results }, null, 2))
else {
  console.log(
    'server                               n    exec (WebSocket) p50   same via POST /run p50   kubectl exec process p50   watch event after a write p50',
  )
  for (const r of results)
    console.log(
      `${r.server.padEnd(36)} ${String(r.n).padEnd(4)} ${fmt(r.execWsP50).padEnd(22)} ${fmt(r.terminalExecP50).padEnd(24)} ${fmt(r.kubectlExecProcessP50).padEnd(26)} ${fmt(r.watchEventP50)} ms`,
    )
}
