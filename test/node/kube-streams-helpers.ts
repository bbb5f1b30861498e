// Helpers for the real kubectl against a listening server's long-lived streams (watches, logs -f,
// exec over WebSocket): a learner with a kubeconfig, kubectl as a child process that can be
// stopped once it printed what the test waits for, and kubectl at a pseudo-terminal.
import { execFile, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '../http/client'

export interface Out {
  stdout: string
  stderr: string
  exitCode: number
}

function has(program: string, args: string[]): boolean {
  try {
    execFileSync(program, args, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

// the comparisons are byte for byte with kubectl 1.32: another version on PATH skips them
export { HAVE_KUBECTL as HAS_KUBECTL } from '../sim/kubectl/real-kubectl'
export const HAS_PYTHON = has('python3', ['--version'])

export const dir = mkdtempSync(join(tmpdir(), 'sl-kube-streams-'))
const env = () => ({ ...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache') })

export interface Learner {
  c: Client
  id: string
  kubeconfig: string
  /** the kubeconfig's server URL (the cluster prefix, with the key on http) */
  server: string
  sim(line: string, stdin?: string): Promise<Out>
}

export async function learner(base: string, lab = 'playground'): Promise<Learner> {
  const c = new Client((req) => fetch(new Request(req.url.replace('http://lab.test', base), req)))
  await c.signup()
  const id = await c.openCluster(lab)
  const yaml = (await c.get(`/api/clusters/${id}/kubeconfig`)).body as string
  const kubeconfig = join(dir, `kc-${id}.yaml`)
  writeFileSync(kubeconfig, yaml)
  const server = (/server: (\S+)/.exec(yaml)?.[1] ?? '').replace('http://lab.test', base)
  const sim = async (line: string, stdin?: string) => {
    const r = await c.run(id, line, stdin)
    return { stdout: r.body.stdout, stderr: r.body.stderr, exitCode: r.body.exitCode }
  }
  return { c, id, kubeconfig, server, sim }
}

/** The real kubectl to its end (stdin piped in when given). */
export function kubectl(
  kc: string,
  args: string[],
  stdin?: string,
  timeout = 60_000,
): Promise<Out> {
  return new Promise((resolve) => {
    const child = execFile(
      'kubectl',
      ['--kubeconfig', kc, ...args],
      { env: env(), timeout },
      (err, stdout, stderr) => {
        const code = err ? (err as { code?: number }).code : 0
        resolve({ stdout, stderr, exitCode: typeof code === 'number' ? code : 1 })
      },
    )
    if (stdin !== undefined) child.stdin?.end(stdin)
  })
}

/**
 * Starts kubectl and answers once `until(stdout)` holds (then stops it) or `timeout` passed
 * (then stops it too): for commands that do not end by themselves (`get -w`, `logs -f`).
 */
export function kubectlUntil(
  kc: string,
  args: string[],
  until: (stdout: string) => boolean,
  timeout = 30_000,
): { done: Promise<Out & { matched: boolean }>; started: Promise<void> } {
  const child = spawn('kubectl', ['--kubeconfig', kc, ...args], { env: env() })
  let stdout = ''
  let stderr = ''
  let firstOutput: () => void = () => undefined
  const started = new Promise<void>((ok) => (firstOutput = ok))
  const done = new Promise<Out & { matched: boolean }>((resolve) => {
    let matched = false
    const timer = setTimeout(() => child.kill('SIGINT'), timeout)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      firstOutput()
      if (!matched && until(stdout)) {
        matched = true
        child.kill('SIGINT')
      }
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, exitCode: code ?? -1, matched })
    })
  })
  return { done, started }
}

/** kubectl at a pseudo-terminal (test/node/pty-drive.py): `steps` are [seconds to wait, keys]. */
export function kubectlAtTerminal(
  kc: string,
  args: string[],
  steps: [number, string][],
): Promise<{ out: string; exit: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      'python3',
      [
        join(import.meta.dirname, 'pty-drive.py'),
        JSON.stringify(steps),
        'kubectl',
        '--kubeconfig',
        kc,
        ...args,
      ],
      { env: env(), timeout: 90_000 },
      (err, stdout) =>
        err ? reject(err) : resolve(JSON.parse(stdout) as { out: string; exit: number }),
    )
  })
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
