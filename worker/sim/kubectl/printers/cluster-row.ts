// `kubectl get nodes|namespaces|events` columns (k8s printers.go printNode, printNamespace, printEvent).

import type { KubeEvent, KubeObject, Namespace, Node } from '../../objects/types'
import { ageSince } from './duration'
import { columns, type TableDef } from './table-def'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

/** STATUS of a node: `Ready`/`NotReady`/`Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready')
  const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown']
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  return status.join(',')
}

/** ROLES from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels (findNodeRoles). */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length)
      roles.add(k.slice(ROLE_PREFIX.length))
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort().join(',') || '<none>'
}

function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>'
}

export const NODE_TABLE: TableDef = {
  columns: columns(
    ['Name', 'Status', 'Roles', 'Age', 'Version'],
    ['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
  ),
  row: (obj: KubeObject, now: number) => {
    const node = obj as Node
    const info = node.status?.nodeInfo ?? {}
    return [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      ageSince(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ]
  },
}

export const NAMESPACE_TABLE: TableDef = {
  columns: columns(['Name', 'Status', 'Age']),
  row: (obj, now) => [
    obj.metadata.name,
    (obj as Namespace).status?.phase ?? '',
    ageSince(obj.metadata.creationTimestamp, now),
  ],
}

/** `kubectl get events`; wide inserts SUBOBJECT, SOURCE and appends FIRST SEEN, COUNT, NAME. */
export const EVENT_TABLE: TableDef = {
  columns: [
    { name: 'Last Seen', priority: 0 },
    { name: 'Type', priority: 0 },
    { name: 'Reason', priority: 0 },
    { name: 'Object', priority: 0 },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message', priority: 0 },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1 },
  ],
  row: (obj: KubeObject, now: number) => {
    const ev = obj as KubeEvent
    const first = ageSince(ev.firstTimestamp, now)
    const last = ev.lastTimestamp ? ageSince(ev.lastTimestamp, now) : first
    const io = ev.involvedObject ?? { kind: '', name: '' }
    const target = io.name ? `${io.kind.toLowerCase()}/${io.name}` : io.kind.toLowerCase()
    return [
      last,
      ev.type,
      ev.reason,
      target,
      io.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      first,
      String(ev.count || 1),
      ev.metadata.name,
    ]
  },
}

function eventSource(ev: KubeEvent): string {
  const component = ev.source?.component || ev.reportingComponent || ''
  const host = ev.source?.host || ev.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}
