// What a `pods/<name>/exec` or `/attach` request asks for (PodExecOptions / PodAttachOptions in the
// query: repeated `command`, `container`, `stdin`, `stdout`, `stderr`, `tty`), and the checks the
// apiserver makes before the upgrade: the pod exists, the container is one of it, the pod has not
// completed. Failures here are HTTP Status answers; kubectl then tries SPDY, gets the same Status
// and prints `Error from server (<reason>): <message>` as it does against a real cluster.

import { containerUnavailable } from '../../sim/kubectl/exec'
import type { Pod } from '../../sim/objects/types'
import type { ClusterState } from '../../sim/state'
import { queryFlag } from '../list-options'
import { podContainer } from '../pod-container'
import { badRequest } from '../status'

export interface ExecRequest {
  subresource: 'exec' | 'attach'
  namespace: string
  pod: string
  container?: string
  command: string[]
  stdin: boolean
  stdout: boolean
  stderr: boolean
  tty: boolean
}

const MAX_ARGS = 200
const MAX_ARG_CHARS = 10_000

export function readExecRequest(
  subresource: 'exec' | 'attach',
  namespace: string,
  pod: string,
  query: URLSearchParams,
): ExecRequest {
  const command = query.getAll('command')
  const bool = (name: string) => queryFlag(query.get(name))
  const req: ExecRequest = {
    subresource,
    namespace,
    pod,
    container: query.get('container') || undefined,
    command,
    stdin: bool('stdin'),
    stdout: bool('stdout'),
    stderr: bool('stderr'),
    tty: bool('tty'),
  }
  if (subresource === 'exec' && command.length === 0)
    throw badRequest('you must specify at least one command for the container')
  if (command.length > MAX_ARGS || command.join(' ').length > MAX_ARG_CHARS)
    throw badRequest(
      `the command may have at most ${MAX_ARGS} arguments and ${MAX_ARG_CHARS} characters`,
    )
  if (!req.stdin && !req.stdout && !req.stderr)
    throw badRequest('you must specify at least 1 of stdin, stdout, stderr')
  return req
}

export interface ExecTarget {
  pod: Pod
  container: string
  /** why the runtime cannot reach the container now (told on the error stream after the upgrade) */
  unavailable?: string
}

/** The pod and container the request reaches, or the apiserver's refusal. */
export function resolveTarget(s: ClusterState, req: ExecRequest): ExecTarget {
  const { pod, container } = podContainer(s, req.namespace, req.pod, req.container)
  const unavailable = containerUnavailable(pod, container)
  if (unavailable?.startsWith('cannot exec')) {
    const verb = req.subresource === 'attach' ? 'attach to' : 'exec into'
    throw badRequest(unavailable.replace('exec into', verb))
  }
  return { pod, container, unavailable }
}
