// Shared by the tests that run the real kubectl against a listening server and compare its output
// with what the lab terminal's simulated kubectl prints for the same command.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { Client } from '../http/client'

export { HAS_KUBECTL } from './kube-streams-helpers'

export interface Out {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs the real kubectl with a downloaded kubeconfig, its HOME and discovery cache under `home`. */
export function runKubectl(
  home: string,
  kubeconfig: string,
  args: string[],
  stdin = '',
): Promise<Out> {
  return new Promise((resolve) => {
    const p = spawn('kubectl', ['--kubeconfig', kubeconfig, ...args], {
      env: { ...process.env, HOME: home, KUBECACHEDIR: join(home, 'cache') },
      timeout: 60_000,
    })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d) => (stdout += String(d)))
    p.stderr.on('data', (d) => (stderr += String(d)))
    p.on('close', (code) => resolve({ stdout, stderr, exitCode: code ?? 1 }))
    p.stdin.end(stdin)
  })
}

/** The same line in the lab terminal (`POST /run`). */
export async function simKubectl(
  c: Client,
  id: string,
  line: string,
  stdin?: string,
): Promise<Out> {
  const r = await c.run(id, line, stdin)
  return { stdout: r.body.stdout, stderr: r.body.stderr, exitCode: r.body.exitCode }
}

/**
 * describe's event ages are computed by kubectl from its own clock, a moment after the server's:
 * the Age cell of each event row (a repeated event's `<last> (xN over <first>)`) and the padding
 * around it are left out of the comparison.
 */
export function maskEventAges(o: Out): Out {
  const [head, events] = o.stdout.split(/^Events:/m)
  if (events === undefined) return o
  const rows = events.replace(
    /^(\s+)(\S+)\s+(\S+)\s+\S+(?: \(x\d+ over \S+\))?\s+/gm,
    '$1$2 $3 AGE ',
  )
  return { ...o, stdout: `${head}Events:${rows}` }
}
