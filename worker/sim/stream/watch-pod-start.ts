// What a watch on a real cluster shows of a pod's first seconds, before the kubelet's status:
// ADDED as the controller created it (Pending, no node), then MODIFIED once the scheduler bound
// it (Pending, on its node), then the kubelet's ContainerCreating (TERMINAL-FACTS B6). The
// simulation creates, binds and admits a pod in one step, so a watch that re-reads the cluster
// would see it first as ContainerCreating; these are the events it would have missed.

import { cloneJSON, parseTimestamp } from '../state'
import type { KubeObject, Pod } from '../objects/types'
import type { EventType } from './types'

/** The pod as the API server held it before the scheduler (`bound` false) or the kubelet. */
function earlier(pod: Pod, bound: boolean): Pod {
  const p = cloneJSON(pod)
  const scheduled = p.status.conditions?.filter((c) => c.type === 'PodScheduled') ?? []
  p.status = { phase: 'Pending', qosClass: pod.status.qosClass }
  if (bound) p.status.conditions = scheduled
  else delete p.spec.nodeName
  return p
}

/**
 * The events, with those a real watch delivered before the state seen of each pod created since
 * the last look (`since`, ms; timestamps have whole seconds). An unscheduled pod is only ADDED, as
 * it is; a pod the watch only now matches (a label changed) is ADDED as it is now.
 */
export function withPodStart(
  events: [EventType, KubeObject][],
  since: number,
): [EventType, KubeObject][] {
  return events.flatMap(([event, o]): [EventType, KubeObject][] => {
    const pod = o as Pod
    const created = parseTimestamp(o.metadata.creationTimestamp ?? '')
    const fresh = event === 'ADDED' && o.kind === 'Pod' && created >= since - 1000
    if (!fresh || !pod.spec.nodeName) return [[event, o]]
    const list: [EventType, KubeObject][] = [['ADDED', earlier(pod, false)]]
    // admitted by the kubelet (containerStatuses): the bound-but-Pending view came in between
    if (pod.status.containerStatuses) list.push(['MODIFIED', earlier(pod, true)])
    return [...list, ['MODIFIED', o]]
  })
}
