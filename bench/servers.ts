// Starts the two servers the load test measures, each on a fresh database:
// `npm start`'s stack (wrangler dev: workerd + local D1) and the Node entry (libSQL file).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { groupCpuMs } from './process-cpu'

export interface Server {
  name: string
  url: string
  stop(): Promise<void>
  /** CPU ms the server's processes have spent so far (process-cpu.ts); undefined: not known here */
  cpuMs(): number | undefined
}

const QUIET = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_HIDE_BANNER: 'true' }

function sh(cmd: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(cmd, args, { env: { ...process.env, ...QUIET, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
}

async function exitOf(p: ChildProcess): Promise<number> {
  return new Promise((resolve) => p.on('exit', (code) => resolve(code ?? 1)))
}

async function waitReady(url: string, p: ChildProcess, log: string[], timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (p.exitCode !== null) throw new Error(`server exited:\n${log.join('')}`)
    try {
      const r = await fetch(`${url}/api/me`)
      if (r.status === 401) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms:\n${log.join('')}`)
}

function stopper(p: ChildProcess) {
  return async () => {
    if (p.exitCode !== null) return
    try {
      process.kill(-p.pid!, 'SIGTERM')
    } catch {
      return
    }
    await Promise.race([exitOf(p), new Promise((r) => setTimeout(r, 5000))])
    try {
      process.kill(-p.pid!, 'SIGKILL')
    } catch {
      // gone
    }
  }
}

function collect(p: ChildProcess): string[] {
  const log: string[] = []
  p.stdout?.on('data', (d) => log.push(String(d)))
  p.stderr?.on('data', (d) => log.push(String(d)))
  return log
}

export async function startWrangler(port: number): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'sl-bench-d1-'))
  const migrate = sh('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir])
  const mlog = collect(migrate)
  if ((await exitOf(migrate)) !== 0) throw new Error(`migrations failed:\n${mlog.join('')}`)
  const p = sh('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dir, '--log-level', 'error', '--var', 'INSTRUCTOR_CODE:bench'])
  const url = `http://127.0.0.1:${port}`
  await waitReady(url, p, collect(p))
  return { name: 'workerd + D1 (npm start)', url, stop: stopper(p), cpuMs: () => groupCpuMs(p.pid!) }
}

export async function startNode(port: number): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'sl-bench-libsql-'))
  const p = sh('npx', ['tsx', 'worker/node.ts'], { PORT: String(port), LIBSQL_URL: `file:${join(dir, 'bench.db')}` })
  const url = `http://127.0.0.1:${port}`
  await waitReady(url, p, collect(p))
  return { name: 'Node + libSQL (npm run start:node)', url, stop: stopper(p), cpuMs: () => groupCpuMs(p.pid!) }
}
