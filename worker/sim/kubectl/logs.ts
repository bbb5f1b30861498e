// `kubectl logs` (kubectl pkg/cmd/logs/logs.go, polymorphichelpers logsforobject.go, kubelet
// validateContainerLogStatus): the container's recorded log lines, --tail, -c, --all-containers,
// -l, --prefix, TYPE/NAME (first pod, with the "Found N pods" notice). `-f` prints what is there
// now and returns (a real `-f` keeps streaming). --since/--timestamps are accepted and ignored.

import type { ProcessResult } from '../context'
import type { Pod } from '../objects/types'
import type { Invocation } from './invocation'
import { clientError, renderApiError } from './errors'
import { defaultContainer } from './exec'
import { podForArgument } from './pod-for-object'
import { listTargets, targetsError } from './targets'
import { inOrderOf, mixedOrder, type Transcript } from '../shell/io'

const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

/** kubelet's validateContainerLogStatus: why there is no log to read, if there is none. */
export function logStatusError(pod: Pod, container: string, previous: boolean): string | undefined {
  const podName = pod.metadata.name
  const st = (pod.status.containerStatuses ?? []).find((c) => c.name === container)
  if (!st)
    return `container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`
  if (previous)
    return st.lastState.terminated
      ? undefined
      : `previous terminated container "${container}" in pod "${podName}" not found`
  if (st.state.running || st.state.terminated || st.lastState.terminated) return undefined
  const reason = st.state.waiting?.reason ?? ''
  if (reason === 'ErrImagePull')
    return `container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`
  if (reason === 'ImagePullBackOff')
    return `container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`
  if (st.state.waiting)
    return `container "${container}" in pod "${podName}" is waiting to start: ${reason}`
  return `container "${container}" in pod "${podName}" is waiting to start - no logs yet`
}

function readLog(inv: Invocation, pod: Pod, container: string): string {
  const lines = inv.ctx.s.runtime.containers[`${pod.metadata.uid}/${container}`]?.logs ?? []
  const tail = inv.flags.int('tail', -1)
  const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines
  const prefix = inv.flags.bool('prefix') ? `[pod/${pod.metadata.name}/${container}] ` : ''
  return shown.map((l) => `${prefix}${l.replace(/\n$/, '')}\n`).join('')
}

function logsOfPod(inv: Invocation, pod: Pod, defaultOnly = false): ProcessResult {
  let containers: string[]
  let notice = ''
  const wanted = inv.flags.str('container')
  if (inv.flags.bool('all-containers')) containers = pod.spec.containers.map((c) => c.name)
  else if (wanted && !defaultOnly) {
    // kubectl's own check (polymorphichelpers logsForObjectWithClient), before any request
    if (!pod.spec.containers.some((c) => c.name === wanted))
      return clientError(`container ${wanted} is not valid for pod ${pod.metadata.name}`)
    containers = [wanted]
  } else {
    const d = defaultContainer(pod, false)
    containers = [d.name]
    notice = d.notice
  }
  let stdout = ''
  for (const c of containers) {
    const why = logStatusError(pod, c, inv.flags.bool('previous'))
    if (why) {
      const error = `Error from server (BadRequest): ${why}\n`
      return inOrder(notice, stdout, error, 1)
    }
    stdout += readLog(inv, pod, c)
  }
  return inOrder(notice, stdout, '', 0)
}

/** A notice (which pod, which container), the logs, then an error: kubectl's order. */
function inOrder(notice: string, stdout: string, error: string, exitCode: number): ProcessResult {
  const order: Transcript = [
    { stream: 'stderr', text: notice },
    { stream: 'stdout', text: stdout },
    { stream: 'stderr', text: error },
  ]
  return { stdout, stderr: notice + error, exitCode, ...mixedOrder(order) }
}

function logsBySelector(inv: Invocation): ProcessResult {
  const found = listTargets(inv, ['Pod'], inv.flags.bool('all-namespaces'))
  if (!found.ok) return targetsError(found)
  if (found.targets.length === 0)
    return {
      stdout: '',
      stderr: `No resources found in ${inv.namespace} namespace.\n`,
      exitCode: 0,
    }
  const max = inv.flags.int('max-log-requests', 5)
  if (inv.flags.bool('follow') && found.targets.length > max)
    return clientError(
      `you are attempting to follow ${found.targets.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
    )
  let stdout = ''
  let stderr = ''
  const output: Transcript = []
  for (const t of found.targets) {
    const r = logsOfPod(inv, t.object as Pod, !inv.flags.str('container'))
    stdout += r.stdout
    stderr += r.stderr
    output.push(...inOrderOf(r))
    if (r.exitCode !== 0) return { stdout, stderr, exitCode: r.exitCode, ...mixedOrder(output) }
  }
  return { stdout, stderr, exitCode: 0, ...mixedOrder(output) }
}

/** `kubectl logs ...`. */
export function logsVerb(inv: Invocation): ProcessResult {
  const args = inv.args
  if (inv.flags.str('selector')) {
    if (args.length > 0) return clientError('only a selector (-l) or a POD name is allowed')
    return logsBySelector(inv)
  }
  if (args.length === 0 || args.length > 2)
    return clientError(`${USAGE}\nSee '${inv.commandPath} -h' for help and examples`)
  if (args.length === 2) {
    if (inv.flags.str('container'))
      return clientError(
        `only one of -c or an inline [CONTAINER] arg is allowed\nSee '${inv.commandPath} -h' for help and examples`,
      )
    inv.flags.parsed.values.set('container', [args[1] as string])
  }
  const found = podForArgument(inv, args[0] as string)
  if (!found.ok) {
    // logs.go Complete wraps the builder's NotFound, lower case and with the namespace
    if (found.api?.reason === 'NotFound')
      return clientError(
        `error from server (NotFound): ${found.api.message} in namespace "${inv.namespace}"`,
      )
    return found.api
      ? { stdout: '', stderr: renderApiError(found.api), exitCode: 1 }
      : clientError(found.text ?? '')
  }
  const notice =
    found.matched > 1 ? `Found ${found.matched} pods, using pod/${found.pod.metadata.name}\n` : ''
  // kubectl says which pod it picked before it asks for the logs
  const r = logsOfPod(inv, found.pod)
  const order: Transcript = [{ stream: 'stderr', text: notice }, ...inOrderOf(r)]
  return { ...r, stderr: notice + r.stderr, ...mixedOrder(order) }
}
