// The Events section of describe (describe.go DescribeEvents, searchEvents): events whose
// involvedObject names the object (and its kind and uid when known), oldest first by lastTimestamp.

import type { KubeEvent, KubeObject } from '../../objects/types'
import { listObjects, parseTimestamp, type ClusterState } from '../../state'
import { ageSince } from '../printers/duration'
import { DescribeWriter, LEVEL_0, LEVEL_1 } from './writer'

/** searchEvents: the field selector on involvedObject name, namespace, kind and uid. */
export function eventsFor(
  s: ClusterState,
  obj: KubeObject,
  opts: { matchKind?: boolean } = {},
): KubeEvent[] {
  const ns = obj.metadata.namespace ?? ''
  // cluster-scoped objects (nodes) are searched in every namespace, as client.Events("") does
  return listObjects<KubeEvent>(s, 'Event', obj.metadata.namespace).filter((e) => {
    const io = e.involvedObject ?? { kind: '', name: '' }
    if (io.name !== obj.metadata.name || (io.namespace ?? '') !== ns) return false
    if (opts.matchKind !== false && io.kind !== obj.kind) return false
    // kubelet reports node events with the node name as uid
    return (
      !io.uid ||
      io.uid === obj.metadata.uid ||
      (obj.kind === 'Node' && io.uid === obj.metadata.name)
    )
  })
}

/** DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table. */
export function writeEvents(w: DescribeWriter, events: KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = [...events].sort((a, b) => time(a.lastTimestamp) - time(b.lastTimestamp))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = ageSince(e.firstTimestamp, now)
    const interval =
      (e.count ?? 0) > 1 ? `${ageSince(e.lastTimestamp, now)} (x${e.count} over ${first})` : first
    const source = e.source?.component || e.reportingComponent || ''
    w.write(
      LEVEL_1,
      `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`,
    )
  }
}

function time(ts: string | undefined): number {
  const t = ts ? parseTimestamp(ts) : 0
  return Number.isNaN(t) ? 0 : t
}
