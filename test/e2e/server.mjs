/* global process, setTimeout, fetch */
// Starts the product the way `npm start` does (wrangler dev over a local D1), in a fresh temp folder.

import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const QUIET = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_HIDE_BANNER: 'true',
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)))
  })
}

async function freePort(preferred) {
  if (await portFree(preferred)) return preferred
  return new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Starts wrangler dev on a free port; resolves once the API answers. */
export async function startServer(root, preferredPort = 8791) {
  const persist = mkdtempSync(join(tmpdir(), 'service-lab-e2e-db-'))
  const env = { ...process.env, ...QUIET }
  const migrate = spawnSync(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    { cwd: root, env, encoding: 'utf8', timeout: 60_000 },
  )
  if (migrate.status !== 0)
    throw new Error(`applying migrations failed:\n${migrate.stdout}\n${migrate.stderr}`)
  const port = await freePort(preferredPort)
  const args = [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    persist,
    '--var',
    'INSTRUCTOR_CODE:local-instructor-code',
  ]
  const child = spawn('npx', args, {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  // E2E_SERVER_LOG=FILE keeps wrangler's whole output for a look after the run
  const logFile = process.env.E2E_SERVER_LOG
  const keep = (d) => {
    if (logFile) appendFileSync(logFile, d)
    output = (output + d.toString()).slice(-8000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = false
  child.on('exit', () => (exited = true))
  const stop = () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    rmSync(persist, { recursive: true, force: true })
  }
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (exited) break
    try {
      const r = await fetch(`${base}/api/me`)
      if (r.status === 401 || r.status === 200)
        return { base, stop, log: () => output, pid: child.pid }
    } catch {
      // not listening yet
    }
    await sleep(300)
  }
  stop()
  throw new Error(`the server did not start on ${base}:\n${output.slice(-3000)}`)
}

/** Last resort when the runner dies: kill the whole process group of wrangler. */
export function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/**
 * wrangler dev 4.86 (the newest that runs on Node 20) can leave a GET unanswered: its proxy in
 * front of the Worker takes a transient error on a reused keep-alive connection (kj's 5 s idle
 * timeouts racing, workers-sdk#14641) for a reload and parks the request until the next request
 * arrives (workers-sdk#14593, fixed in later versions). A page waiting on a lazy chunk or on the
 * history then sends nothing more and waits forever; seen here as a GET with no answer after ~5 s
 * of idle. One small request a second sets any parked request free within a second.
 * E2E_NO_NUDGE=1 leaves it out, to see the hang. Returns the stop function.
 */
export function nudgeDevProxy(base, everyMs = 1000) {
  if (process.env.E2E_NO_NUDGE) return () => undefined
  const timer = setInterval(() => {
    fetch(`${base}/favicon.svg`, { method: 'HEAD' }).catch(() => undefined)
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
