// `kubectl exec (POD | TYPE/NAME) [-c C] [-i] [-t] -- COMMAND...` (kubectl pkg/cmd/exec/exec.go,
// client-go remotecommand, KUBERNETES-FACTS T21). The command runs in the container through the
// shell's in-pod programs; a non-zero exit adds `command terminated with exit code N`.

import type { ProcessResult } from '../context'
import type { Pod } from '../objects/types'
import type { Invocation } from './invocation'
import { execInPod } from './api'
import { clientError, renderApiError, usageError } from './errors'
import { podForArgument } from './pod-for-object'
import { isInteractiveShell } from '../session/open'
import { podHost } from '../shell/pod-host'
import { startFailure } from '../shell/exec-in-pod'
import { inOrderOf, mixedOrder, type Transcript } from '../shell/io'

const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container'

/** podcmd.FindOrDefaultContainerByName: the annotated default or the first container, with the notice. */
export function defaultContainer(pod: Pod, quiet: boolean): { name: string; notice: string } {
  const containers = pod.spec.containers
  const annotated = (pod.metadata.annotations ?? {})[DEFAULT_CONTAINER]
  const chosen = containers.find((c) => c.name === annotated) ?? containers[0]
  const name = chosen?.name ?? ''
  const notice =
    containers.length > 1 && !quiet && !annotated
      ? `Defaulted container "${name}" out of: ${containers.map((c) => c.name).join(', ')}\n`
      : ''
  return { name, notice }
}

/** Why the runtime cannot reach the container now, if it cannot (kubelet/containerd wording). */
export function containerUnavailable(pod: Pod, container: string): string | undefined {
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
    return `cannot exec into a container in a completed pod; current phase is ${pod.status.phase}`
  const st = (pod.status.containerStatuses ?? []).find((c) => c.name === container)
  if (!st || !st.state.running)
    return `unable to upgrade connection: container not found ("${container}")`
  return undefined
}

/** `kubectl exec ...`. */
export function execVerb(inv: Invocation): ProcessResult {
  const args = inv.args
  const dash = inv.argsLenAtDash
  const resource = args.length > 0 && dash !== 0 ? args[0] : undefined
  let command: string[] = []
  if (dash > -1) command = args.slice(dash)
  else if (args.length > 1)
    return usageError(
      inv.commandPath,
      'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
    )
  if (resource === undefined) return clientError('pod, type/name or --filename must be specified')
  if (command.length === 0)
    return clientError('you must specify at least one command for the container')
  const found = podForArgument(inv, resource)
  if (!found.ok)
    return found.api
      ? { stdout: '', stderr: renderApiError(found.api), exitCode: 1 }
      : clientError(found.text ?? '')
  const pod = found.pod
  let container = inv.flags.str('container')
  let notice = ''
  if (!container) ({ name: container, notice } = defaultContainer(pod, inv.flags.bool('quiet')))
  else if (!pod.spec.containers.some((c) => c.name === container))
    return {
      stdout: '',
      stderr: `Error from server (BadRequest): container ${container} is not valid for pod ${pod.metadata.name}\n`,
      exitCode: 1,
    }
  const down = containerUnavailable(pod, container)
  if (down) return clientError(down, '')
  // SetupTTY: -t without -i gets no terminal, nor does -it when kubectl's own input is a pipe
  const piped = inv.stdin !== ''
  const tty = inv.flags.bool('tty') && inv.flags.bool('stdin') && !piped
  if (inv.flags.bool('tty') && inv.flags.bool('stdin') && piped)
    notice += 'Unable to use a TTY - input is not a terminal or the right kind of file\n'
  const stdin = inv.flags.bool('stdin') ? inv.stdin : ''
  const opened = openTerminalShell(inv, pod, container, command, tty, notice)
  if (opened) return opened
  const r = execInPod(inv.ctx, pod, container, command, stdin, { tty })
  const stderr = notice + r.stderr
  if (r.endless) return { stdout: r.stdout, stderr, exitCode: r.exitCode, endless: true }
  const terminated =
    r.exitCode === 0 || (r.startFailed && !tty)
      ? ''
      : `command terminated with exit code ${r.exitCode}\n`
  const order: Transcript = [
    { stream: 'stderr', text: notice },
    ...inOrderOf(r),
    { stream: 'stderr', text: terminated },
  ]
  return {
    stdout: r.stdout,
    stderr: stderr + terminated,
    exitCode: r.exitCode,
    ...mixedOrder(order),
  }
}

/**
 * `exec -it POD -- bash` typed in a terminal (not the one-shot API): the shell opens once the line
 * ends and the following lines run in it. `-i` alone opens it without a prompt. A shell the image
 * lacks is containerd's "executable file not found" error, exit 1 (TERMINAL-FACTS B3).
 */
function openTerminalShell(
  inv: Invocation,
  pod: Pod,
  container: string,
  command: string[],
  tty: boolean,
  notice: string,
): ProcessResult | undefined {
  const terminal = inv.ctx.terminal
  if (!terminal || inv.stdin !== '' || !isInteractiveShell(command)) return undefined
  // -t without -i: SetupTTY drops the TTY silently (no warning); the shell reads no input and
  // exits at once, printing nothing (kubectl pkg/cmd/exec/exec.go setupTTY)
  if (!inv.flags.bool('stdin')) return { stdout: '', stderr: notice, exitCode: 0 }
  const spec = pod.spec.containers.find((c) => c.name === container)
  const program = command[0] as string
  if (!spec || !podHost(inv.ctx, pod, spec).find(program)) {
    const r = startFailure(inv.ctx, program)
    return { ...r, stderr: notice + r.stderr }
  }
  terminal.open = {
    namespace: pod.metadata.namespace ?? 'default',
    pod: pod.metadata.name,
    container,
    program,
    via: 'exec',
    rm: false,
    tty,
  }
  return { stdout: '', stderr: notice, exitCode: 0 }
}
