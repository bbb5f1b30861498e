// `kubectl attach (POD | TYPE/NAME) [-c C] -i -t` (kubectl pkg/cmd/attach/attach.go): joins the
// terminal of a container started with `-it` (kubectl run -it). Only the interactive form is
// simulated, and only in a terminal: the session opens once the line ends. Streaming the output
// of a container without stdin is left out and says so.

import type { ProcessResult } from '../context'
import type { Invocation } from './invocation'
import { clientError, renderApiError } from './errors'
import { podForArgument } from './pod-for-object'
import { defaultContainer } from './exec'
import { effectiveArgv, findImage } from '../net/images'
import { isInteractiveShell } from '../session/open'
import { PRESS_ENTER } from './run-pod'

const NOT_SIMULATED =
  '"kubectl attach" is available in the lab terminal for containers started with -it (kubectl run NAME -it --image=busybox), as kubectl attach NAME -it.'

/** `kubectl attach ...`. */
export function attachVerb(inv: Invocation): ProcessResult {
  const resource = inv.args[0]
  if (resource === undefined)
    return clientError('expected POD, TYPE/NAME, or --filename to be specified')
  const found = podForArgument(inv, resource)
  if (!found.ok)
    return found.api
      ? { stdout: '', stderr: renderApiError(found.api), exitCode: 1 }
      : clientError(found.text ?? '')
  const pod = found.pod
  const container = inv.flags.str('container') || defaultContainer(pod, true).name
  const spec = pod.spec.containers.find((c) => c.name === container)
  if (!spec) return clientError(`container ${container} not found in pod ${pod.metadata.name}`)
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed')
    return clientError(
      `cannot attach a container in a completed pod; current phase is ${pod.status.phase}`,
    )
  const terminal = inv.ctx.terminal
  const image = findImage(spec.image)
  const stdin = inv.flags.bool('stdin') && spec.stdin === true
  if (!terminal || !stdin || !image || !isInteractiveShell(effectiveArgv(image, spec)))
    return clientError(NOT_SIMULATED)
  // attach.go: -t to a container that allocated no TTY warns and carries on without one
  const tty = inv.flags.bool('tty') && spec.tty === true
  const warning =
    inv.flags.bool('tty') && !spec.tty
      ? `Unable to use a TTY - container ${container} did not allocate one\n`
      : ''
  terminal.open = {
    namespace: pod.metadata.namespace ?? 'default',
    pod: pod.metadata.name,
    container,
    program: effectiveArgv(image, spec)[0] as string,
    via: 'attach',
    rm: false,
    tty,
  }
  const quiet = inv.flags.bool('quiet')
  return { stdout: '', stderr: warning + (tty && !quiet ? PRESS_ENTER : ''), exitCode: 0 }
}
