// `kubectl exec POD [-c C] -- CMD...`: the container runtime starts CMD inside the container,
// with the image's programs only (plus what apt-get installed since the container started).
//
// For kubectl exec (worker/sim/kubectl): call execInPod with the argv after `--` and the stdin
// kubectl would forward (only with -i; pass '' otherwise). The result is the process's own
// stdout/stderr/exitCode. Two cases:
// - the program ran: a non-zero exitCode is the program's; kubectl must add
//   `command terminated with exit code N` on stderr and exit N (KUBERNETES-FACTS T21).
// - the program could not be started (not in the image): `startFailed: true`, exitCode 1 and the
//   complete containerd error in stderr (`error: Internal error occurred: ... executable file not
//   found in $PATH: unknown`); kubectl prints it as is, adds nothing, and exits 1.

import type { Ctx, ProcessResult } from '../context'
import type { Pod } from '../objects/types'
import { randomHex } from '../state'
import { podHost } from './pod-host'
import { lineFiles, lineOf } from './line'
import { Shell } from './interpreter'
import { execute } from './simple-command'
import { Input, mixedOrder, OrderedPipe, type Transcript } from './io'
import { dict } from './own'

export interface ExecResult extends ProcessResult {
  /**
   * true when the runtime could not start the program (without a TTY kubectl adds no "command
   * terminated" line; with one the exit status is 126 and it does)
   */
  startFailed?: boolean
}

export interface ExecOptions {
  /**
   * `-it`: the process gets a terminal. Its stdout and stderr are the same pty (everything arrives
   * on kubectl's stdout; curl sees a terminal and drops its progress meter), and a program missing
   * from the image is reported by runc on that terminal with exit code 126.
   */
  tty?: boolean
}

/**
 * Runs argv in the pod's container like containerd's exec: found through the image's PATH, or the
 * OCI "executable file not found" error. Leaves out interactive sessions (`-it sh` without a
 * script answers with a hint), the pty's CRLF line endings and processes that keep running.
 */
export function execInPod(
  ctx: Ctx,
  pod: Pod,
  container: string,
  argv: string[],
  stdin: string,
  opts: ExecOptions = {},
): ExecResult {
  const spec = pod.spec.containers.find((c) => c.name === container) ?? pod.spec.containers[0]
  const name = argv[0]
  if (!spec || name === undefined) return { stdout: '', stderr: '', exitCode: 0 }
  const host = podHost(ctx, pod, spec)
  if (!host.find(name)) return opts.tty ? ttyStartFailure(name) : startFailure(ctx, name)
  const line = lineOf(ctx)
  // a direct exec has no shell around it: GNU/busybox echo do not interpret escapes, unlike dash's
  const sh = Shell.login(
    ctx,
    host,
    'bash-c',
    line.budget,
    lineFiles(ctx, host.container?.key ?? ''),
  )
  // a pipe: an endless output (`yes`, `cat /dev/urandom`) goes on to kubectl's reader on the
  // workstation (`kubectl exec bb -- yes | head -2`), as the exec stream would carry it
  const order: Transcript = []
  const out = new OrderedPipe(line.budget, order, 'stdout')
  const err = opts.tty ? out : new OrderedPipe(line.budget, order, 'stderr')
  if (opts.tty) sh.tty = { out, err }
  const exitCode = execute(sh, argv, { stdin: new Input(stdin), out, err }, dict(host.env))
  const endless = out.ended ? { endless: true } : {}
  if (err.ended && err !== out) line.budget.stopped ??= 'endless'
  if (!opts.tty) {
    // the exec stream carries both as they are written: kubectl shows them in that order
    return { stdout: out.text(), stderr: err.text(), exitCode, ...mixedOrder(order), ...endless }
  }
  // this terminal's own notices (not the program's output) stay on stderr, beside the pty
  const lines = out.text().split(/(?<=\n)/)
  const own = (l: string) => l.startsWith('service-lab: ')
  return {
    stdout: lines.filter((l) => !own(l)).join(''),
    stderr: lines.filter(own).join(''),
    exitCode,
    ...endless,
  }
}

function lookPathError(name: string): string {
  return name.includes('/')
    ? `exec: "${name}": stat ${name}: no such file or directory`
    : `exec: "${name}": executable file not found in $PATH`
}

/** With a terminal, runc's failure is written to the pty and the exec ends with status 126. */
function ttyStartFailure(name: string): ExecResult {
  const why = lookPathError(name)
  return {
    stdout: `OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown\n`,
    stderr: '',
    exitCode: 126,
    startFailed: true,
  }
}

/** containerd's answer when the program is not in the image (runc's exec.LookPath failing). */
export function startFailure(ctx: Ctx, name: string): ExecResult {
  const id = randomHex(ctx.s, 64)
  const why = lookPathError(name)
  return {
    stdout: '',
    stderr:
      'error: Internal error occurred: error executing command in container: failed to exec in container: ' +
      `failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown\n`,
    exitCode: 1,
    startFailed: true,
  }
}
