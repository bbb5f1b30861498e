// `kubectl get pods` columns, derived as k8s printers.go printPod does (1.32).

import type { ContainerStatus, KubeObject, Pod } from '../../objects/types'
import { parseTimestamp } from '../../state'
import { ageSince } from './duration'
import { columns, type TableDef } from './table-def'

interface InitStatus extends ContainerStatus {
  state: ContainerStatus['state'] & {
    terminated?: { exitCode: number; reason: string; signal?: number }
  }
}

/** READY, STATUS and RESTARTS of a pod as printPod derives them (init containers included). */
export function podStatusCells(
  pod: Pod,
  now: number,
): { ready: string; status: string; restarts: string } {
  const spec = pod.spec ?? { containers: [] }
  const status = pod.status ?? { phase: 'Pending' }
  let total = (spec.containers ?? []).length
  let ready = 0
  let reason: string = (status.reason as string | undefined) || status.phase || ''
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }
  const initSpecs =
    (spec.initContainers as { name: string; restartPolicy?: string }[] | undefined) ?? []
  const restartable = new Set(
    initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  )
  total += restartable.size
  const init = initPhase(pod, restartable)
  let restarts = init.restarts
  let lastRestart = init.lastRestart
  if (init.reason !== undefined) reason = init.reason
  ready += init.ready
  if (init.reason === undefined || isConditionTrue(pod, 'Initialized')) {
    restarts = init.restartableRestarts
    lastRestart = init.restartableLast
    let hasRunning = false
    const statuses = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as InitStatus
      restarts += c.restartCount ?? 0
      lastRestart = Math.max(lastRestart, finishedAt(c))
      const term = c.state?.terminated
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (term?.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed' && hasRunning)
      reason = isConditionTrue(pod, 'Ready') ? 'Running' : 'NotReady'
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown'
  else if (
    pod.metadata.deletionTimestamp &&
    status.phase !== 'Succeeded' &&
    status.phase !== 'Failed'
  ) {
    reason = 'Terminating'
  }
  const restartsText =
    restarts !== 0 && lastRestart > 0
      ? `${restarts} (${ageSinceMs(lastRestart, now)} ago)`
      : String(restarts)
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText }
}

function initPhase(pod: Pod, restartable: Set<string>) {
  const out = {
    reason: undefined as string | undefined,
    ready: 0,
    restarts: 0,
    lastRestart: 0,
    restartableRestarts: 0,
    restartableLast: 0,
  }
  const statuses = (pod.status?.initContainerStatuses as InitStatus[] | undefined) ?? []
  const count = ((pod.spec?.initContainers as unknown[] | undefined) ?? []).length
  for (let i = 0; i < statuses.length; i++) {
    const c = statuses[i] as InitStatus
    out.restarts += c.restartCount ?? 0
    out.lastRestart = Math.max(out.lastRestart, finishedAt(c))
    if (restartable.has(c.name)) {
      out.restartableRestarts += c.restartCount ?? 0
      out.restartableLast = Math.max(out.restartableLast, finishedAt(c))
    }
    const term = c.state?.terminated
    if (term && term.exitCode === 0) continue
    if (restartable.has(c.name) && c.started) {
      if (c.ready) out.ready++
      continue
    }
    if (term) {
      out.reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode}`
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      out.reason = `Init:${c.state.waiting.reason}`
    } else out.reason = `Init:${i}/${count}`
    break
  }
  return out
}

function finishedAt(c: ContainerStatus): number {
  const f = c.lastState?.terminated?.finishedAt
  if (!f) return 0
  const t = parseTimestamp(f)
  return Number.isNaN(t) ? 0 : t
}

function isConditionTrue(pod: Pod, type: string): boolean {
  const c = (pod.status?.conditions ?? []).find((x) => x.type === type)
  return c?.status === 'True'
}

function ageSinceMs(t: number, now: number): string {
  return ageSince(new Date(t).toISOString(), now)
}

/** printers.go podColumnDefinitions; wide adds IP, NODE, NOMINATED NODE, READINESS GATES. */
export const POD_TABLE: TableDef = {
  columns: columns(
    ['Name', 'Ready', 'Status', 'Restarts', 'Age'],
    ['IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  ),
  row: (obj: KubeObject, now: number) => {
    const pod = obj as Pod
    const c = podStatusCells(pod, now)
    const gates = (pod.spec?.readinessGates as { conditionType: string }[] | undefined) ?? []
    let gateCell = '<none>'
    if (gates.length > 0) {
      const conds = pod.status?.conditions ?? []
      const trueCount = gates.filter(
        (g) => conds.find((x) => x.type === g.conditionType)?.status === 'True',
      ).length
      gateCell = `${trueCount}/${gates.length}`
    }
    return [
      pod.metadata.name,
      c.ready,
      c.status,
      c.restarts,
      ageSince(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      (pod.status?.nominatedNodeName as string | undefined) || '<none>',
      gateCell,
    ]
  },
}
