// A command exec'd through the API runs as the same terminal line the learner would type:
// `kubectl exec POD [-n NS] [-c C] [-i] [-t] -- ARGV`, through runInCluster (worker/http/
// run-command.ts). So it is routed and traced by the same network code, graded by the same
// checks, written to history in the same words and shown on the map; it costs one read (the
// caller's, when it has one) and one write batch. What our kubectl adds around the program's
// output (`command terminated with exit code N`, the runtime's `error: ...`) goes back into the
// Status on the error stream, where the real kubectl reads it and prints the same words.

import type { CommandRow } from '../../db/command-read'
import type { Database } from '../../db/client'
import type { StateCodec } from '../../db/state-codec'
import { runInCluster } from '../../http/run-command'
import { exitStatus, failureStatus, successStatus } from './frames'

export interface ExecCall {
  db: Database
  codec: StateCodec
  userId: string
  clusterId: string
  now(): number
}

export interface ExecOutcome {
  stdout: string
  stderr: string
  status: object
  exitCode: number
}

/** bash quoting, so our shell splits the line back into the same argv. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg
  return `'${arg.replace(/'/g, `'\\''`)}'`
}

export interface ExecLine {
  namespace: string
  pod: string
  /** only when the pod has several: the learner would have named it */
  container?: string
  argv: string[]
  stdin: boolean
  tty: boolean
}

/** The terminal line that does what the request asks, as a learner would type it. */
export function execLine(e: ExecLine): string {
  const flags = [
    e.stdin && e.tty ? '-it' : e.stdin ? '-i' : e.tty ? '-t' : '',
    e.namespace === 'default' ? '' : `-n ${shellQuote(e.namespace)}`,
    e.container ? `-c ${shellQuote(e.container)}` : '',
  ].filter(Boolean)
  return ['kubectl exec', ...flags, shellQuote(e.pod), '--', ...e.argv.map(shellQuote)].join(' ')
}

/** Our kubectl's result as the remotecommand streams carry it. */
export function toOutcome(
  argv: string[],
  r: { stdout: string; stderr: string; exitCode: number },
): ExecOutcome {
  if (r.exitCode === 0)
    return { stdout: r.stdout, stderr: r.stderr, status: successStatus(), exitCode: 0 }
  const tail = `command terminated with exit code ${r.exitCode}\n`
  if (r.stderr.endsWith(tail))
    return {
      stdout: r.stdout,
      stderr: r.stderr.slice(0, -tail.length),
      status: exitStatus(argv, r.exitCode),
      exitCode: r.exitCode,
    }
  // the runtime could not start it (or kubectl itself refused): kubectl prints `error: <message>`
  const message = r.stderr.replace(/^error: /, '').replace(/\n$/, '')
  return { stdout: r.stdout, stderr: '', status: failureStatus(message), exitCode: 1 }
}

export async function runExecLine(
  call: ExecCall,
  line: string,
  argv: string[],
  stdin: string,
  first?: CommandRow,
): Promise<ExecOutcome> {
  const r = await runInCluster(
    call.db,
    call.codec,
    call.userId,
    call.clusterId,
    { command: line, stdin },
    call.now,
    first,
    true,
  )
  return toOutcome(argv, r)
}
