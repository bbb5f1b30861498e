// kube-scheduler in miniature: binds each Pending pod without a node to a Ready node that passes
// the filters (taints vs tolerations, nodeSelector, unschedulable) and has the fewest pods,
// ties broken by node name (upstream scores spread and resources, then picks at random among
// the best). Unschedulable pods get the PodScheduled=False condition and a FailedScheduling event.

import type { Node, Pod, Toleration } from '../objects/types'
import { putObject, type ClusterState } from '../state'
import { recordEvent } from './events'
import { ts, objectsOf } from './util'

const SOURCE = { component: 'default-scheduler' }

function tolerates(
  tolerations: Toleration[] | undefined,
  taint: { key: string; effect: string; value?: string },
): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
  })
}

function isNodeReady(node: Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

type Rejection = 'taint' | 'selector' | 'unschedulable' | 'notReady'

function filterNode(pod: Pod, node: Node): Rejection | undefined {
  if (!isNodeReady(node)) return 'notReady'
  if (node.spec.unschedulable) return 'unschedulable'
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
    if (!tolerates(pod.spec.tolerations, taint)) return 'taint'
  }
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {}))
    if (node.metadata.labels?.[k] !== v) return 'selector'
  return undefined
}

/** The FailedScheduling message of the 1.32 scheduler (framework.Diagnosis + preemption). */
function unschedulableMessage(nodes: readonly Node[], reasons: Map<string, Rejection>): string {
  const counts = new Map<string, number>()
  for (const node of nodes) {
    const r = reasons.get(node.metadata.name)
    let text = ''
    if (r === 'taint') {
      const t = node.spec.taints?.find((x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute')
      text = `node(s) had untolerated taint {${t?.key}: ${t?.value ?? ''}}`
    } else if (r === 'selector') text = "node(s) didn't match Pod's node affinity/selector"
    else if (r === 'unschedulable') text = 'node(s) were unschedulable'
    else if (r === 'notReady')
      text = 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }'
    counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  const parts = [...counts.entries()].map(([t, n]) => `${n} ${t}`).sort()
  const n = nodes.length
  return `0/${n} nodes are available: ${parts.join(', ')}. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`
}

function bind(s: ClusterState, pod: Pod, node: Node, now: number): void {
  pod.spec.nodeName = node.metadata.name
  const conds = (pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
  conds.push({
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: ts(now),
  })
  pod.status = { ...pod.status, phase: 'Pending', conditions: conds }
  putObject(s, pod)
  const ns = pod.metadata.namespace ?? 'default'
  recordEvent(
    s,
    pod,
    {
      type: 'Normal',
      reason: 'Scheduled',
      message: `Successfully assigned ${ns}/${pod.metadata.name} to ${node.metadata.name}`,
      source: SOURCE,
    },
    now,
  )
}

function markUnschedulable(s: ClusterState, pod: Pod, message: string, now: number): boolean {
  const cond = {
    type: 'PodScheduled',
    status: 'False' as const,
    lastProbeTime: null,
    lastTransitionTime: ts(now),
    reason: 'Unschedulable',
    message,
  }
  const cur = pod.status.conditions?.find((c) => c.type === 'PodScheduled')
  if (cur && cur.status === 'False' && cur.message === message) return false
  pod.status = { ...pod.status, phase: 'Pending', conditions: [cond] }
  putObject(s, pod)
  recordEvent(s, pod, { type: 'Warning', reason: 'FailedScheduling', message, source: SOURCE }, now)
  return true
}

/** Schedules every unbound pod that uses the default scheduler; returns true when anything changed. */
export function schedulePods(s: ClusterState, now: number): boolean {
  const pods = objectsOf<Pod>(s, 'Pod')
  const pending = pods.filter(
    (p) =>
      !p.spec.nodeName &&
      !p.metadata.deletionTimestamp &&
      (p.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler',
  )
  if (pending.length === 0) return false
  const nodes = objectsOf<Node>(s, 'Node')
  const load = new Map<string, number>(nodes.map((n) => [n.metadata.name, 0]))
  for (const p of pods)
    if (p.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
      load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1)
  let changed = false
  pending.sort((a, b) =>
    a.metadata.creationTimestamp < b.metadata.creationTimestamp
      ? -1
      : a.metadata.creationTimestamp > b.metadata.creationTimestamp
        ? 1
        : a.metadata.name < b.metadata.name
          ? -1
          : 1,
  )
  for (const pod of pending) {
    const reasons = new Map<string, Rejection>()
    const fit = nodes.filter((n) => {
      const r = filterNode(pod, n)
      if (r) reasons.set(n.metadata.name, r)
      return !r
    })
    if (fit.length === 0) {
      if (markUnschedulable(s, pod, unschedulableMessage(nodes, reasons), now)) changed = true
      continue
    }
    fit.sort(
      (a, b) =>
        (load.get(a.metadata.name) ?? 0) - (load.get(b.metadata.name) ?? 0) ||
        (a.metadata.name < b.metadata.name ? -1 : 1),
    )
    const node = fit[0] as Node
    bind(s, pod, node, now)
    load.set(node.metadata.name, (load.get(node.metadata.name) ?? 0) + 1)
    changed = true
  }
  return changed
}
