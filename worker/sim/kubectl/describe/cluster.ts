// `kubectl describe node|namespace` (describe.go describeNode, describeNodeResource,
// describeNamespace). The node Lease is taken as held and renewed by the node itself.

import type { Container, KubeEvent, Namespace, Node, Pod } from '../../objects/types'
import { formatTimestamp } from '../../state'
import { ageSince } from '../printers/duration'
import { nodeRoles } from '../printers/cluster-row'
import { writeEvents } from './events'
import { formatCpu, formatMemory, parseQuantity } from './quantity'
import { DescribeWriter, LEVEL_0, LEVEL_1, rfc1123z, writeAnnotations, writeLabels } from './writer'

/** When the node's kubelet last renewed its Lease (every 10 s) as of `now` (ms). */
export function nodeLeaseRenewTime(now: number): number {
  return now - ((now / 1000) % 10) * 1000
}

export function describeNode(node: Node, pods: Pod[], events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  const st = node.status ?? {
    addresses: [],
    conditions: [],
    nodeInfo: {},
    capacity: {},
    allocatable: {},
  }
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node)}\n`)
  writeLabels(w, 'Labels', node.metadata.labels)
  writeAnnotations(w, 'Annotations', node.metadata.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`)
  writeTaints(w, node.spec?.taints ?? [])
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)
  w.write(LEVEL_0, 'Lease:\n')
  w.write(LEVEL_1, `HolderIdentity:\t${node.metadata.name}\n`)
  w.write(LEVEL_1, 'AcquireTime:\t<unset>\n')
  w.write(LEVEL_1, `RenewTime:\t${rfc1123z(formatTimestamp(nodeLeaseRenewTime(now)))}\n`)
  if (st.conditions.length > 0) {
    w.write(
      LEVEL_0,
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
    )
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of st.conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`,
      )
    }
  }
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of st.addresses) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  writeResourceList(w, 'Capacity', st.capacity)
  writeResourceList(w, 'Allocatable', st.allocatable)
  writeSystemInfo(w, st.nodeInfo ?? {})
  const spec = node.spec ?? {}
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
  if ((spec.podCIDRs ?? []).length > 0)
    w.write(LEVEL_0, `PodCIDRs:\t${(spec.podCIDRs ?? []).join(',')}\n`)
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
  writeNodePods(w, node, pods, now)
  writeEvents(w, events, now)
  return w.toString()
}

function writeTaints(
  w: DescribeWriter,
  taints: { key: string; effect: string; value?: string }[],
): void {
  w.write(LEVEL_0, 'Taints:\t')
  if (taints.length === 0) return w.writeLine('<none>')
  const sorted = [...taints].sort((a, b) =>
    `${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1,
  )
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`)
  })
}

const RESOURCE_ORDER = [
  'cpu',
  'ephemeral-storage',
  'hugepages-1Gi',
  'hugepages-2Mi',
  'memory',
  'pods',
]

function writeResourceList(w: DescribeWriter, title: string, list: Record<string, string>): void {
  const names = Object.keys(list ?? {})
  if (names.length === 0) return
  w.write(LEVEL_0, `${title}:\n`)
  names.sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))
  for (const n of names) w.write(LEVEL_0, `  ${n}:\t${list[n]}\n`)
}

function order(name: string): number {
  const i = RESOURCE_ORDER.indexOf(name)
  return i < 0 ? RESOURCE_ORDER.length : i
}

function writeSystemInfo(w: DescribeWriter, i: Record<string, string>): void {
  w.write(LEVEL_0, 'System Info:\n')
  const rows: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ]
  for (const [title, key] of rows) w.write(LEVEL_0, `  ${title}:\t${i[key] ?? ''}\n`)
}

type Totals = { cpuReq: number; cpuLim: number; memReq: number; memLim: number }

function podTotals(pod: Pod): Totals {
  const t: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 }
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    const r = (c.resources ?? {}) as {
      requests?: Record<string, string>
      limits?: Record<string, string>
    }
    t.cpuReq += parseQuantity(r.requests?.cpu ?? r.limits?.cpu) ?? 0
    t.memReq += parseQuantity(r.requests?.memory ?? r.limits?.memory) ?? 0
    t.cpuLim += parseQuantity(r.limits?.cpu) ?? 0
    t.memLim += parseQuantity(r.limits?.memory) ?? 0
  }
  return t
}

function writeNodePods(w: DescribeWriter, node: Node, pods: Pod[], now: number): void {
  const alloc =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? node.status.allocatable
      : (node.status?.capacity ?? {})
  const cpu = parseQuantity(alloc.cpu) ?? 0
  const mem = parseQuantity(alloc.memory) ?? 0
  const pct = (v: number, of: number) => (of === 0 ? 0 : Math.trunc((v / of) * 100))
  const running = pods.filter(
    (p) =>
      p.spec?.nodeName === node.metadata.name &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed',
  )
  w.write(LEVEL_0, `Non-terminated Pods:\t(${running.length} in total)\n`)
  w.write(
    LEVEL_1,
    'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n',
  )
  w.write(
    LEVEL_1,
    '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n',
  )
  const sum: Totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 }
  for (const p of running) {
    const t = podTotals(p)
    for (const k of Object.keys(sum) as (keyof Totals)[]) sum[k] += t[k]
    w.write(
      LEVEL_1,
      `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${formatCpu(t.cpuReq)} (${pct(t.cpuReq, cpu)}%)\t${formatCpu(t.cpuLim)} (${pct(t.cpuLim, cpu)}%)\t${formatMemory(t.memReq)} (${pct(t.memReq, mem)}%)\t${formatMemory(t.memLim)} (${pct(t.memLim, mem)}%)\t${ageSince(p.metadata.creationTimestamp, now)}\n`,
    )
  }
  w.write(
    LEVEL_0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  )
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  w.write(
    LEVEL_1,
    `cpu\t${formatCpu(sum.cpuReq)} (${pct(sum.cpuReq, cpu)}%)\t${formatCpu(sum.cpuLim)} (${pct(sum.cpuLim, cpu)}%)\n`,
  )
  w.write(
    LEVEL_1,
    `memory\t${formatMemory(sum.memReq)} (${pct(sum.memReq, mem)}%)\t${formatMemory(sum.memLim)} (${pct(sum.memLim, mem)}%)\n`,
  )
  w.write(LEVEL_1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n')
  for (const h of Object.keys(alloc)
    .filter((k) => k.startsWith('hugepages-'))
    .sort())
    w.write(LEVEL_1, `${h}\t0 (0%)\t0 (0%)\n`)
}

export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
  writeLabels(w, 'Labels', ns.metadata.labels)
  writeAnnotations(w, 'Annotations', ns.metadata.annotations)
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
  w.write(LEVEL_0, '\n')
  w.write(LEVEL_0, 'No resource quota.\n')
  w.write(LEVEL_0, '\n')
  w.write(LEVEL_0, 'No LimitRange resource.\n')
  return w.toString()
}
