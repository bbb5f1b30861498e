// `kubectl describe pod` (kubectl pkg/describe/describe.go describePod, 1.32).

import type { KubeEvent, Pod } from '../../objects/types'
import { ageSince } from '../printers/duration'
import { writeContainers } from './containers'
import { writeEvents } from './events'
import { writeTolerations, writeVolumes, podQOS } from './volumes'
import { DescribeWriter, LEVEL_0, LEVEL_1, rfc1123z, writeAnnotations, writeLabels } from './writer'

/** The describe text of a pod, Events included. */
export function describePod(pod: Pod, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  const spec = pod.spec ?? { containers: [] }
  const st = pod.status ?? { phase: 'Pending' }
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName)
    w.write(LEVEL_0, `Priority Class Name:\t${String(spec.priorityClassName)}\n`)
  if (spec.runtimeClassName)
    w.write(LEVEL_0, `Runtime Class Name:\t${String(spec.runtimeClassName)}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(
    LEVEL_0,
    spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n',
  )
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`)
  writeLabels(w, 'Labels', pod.metadata.labels)
  writeAnnotations(w, 'Annotations', pod.metadata.annotations)
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${ageSince(pod.metadata.deletionTimestamp, now)})\n`,
    )
    w.write(
      LEVEL_0,
      `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`,
    )
  } else w.write(LEVEL_0, `Status:\t${st.phase}\n`)
  if (st.reason) w.write(LEVEL_0, `Reason:\t${String(st.reason)}\n`)
  if (st.message) w.write(LEVEL_0, `Message:\t${String(st.message)}\n`)
  w.write(LEVEL_0, `IP:\t${st.podIP ?? ''}\n`)
  writePodIPs(w, st.podIPs)
  const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.controller)
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`)
  if (st.nominatedNodeName)
    w.write(LEVEL_0, `NominatedNodeName:\t${String(st.nominatedNodeName)}\n`)
  const init = (spec.initContainers as Pod['spec']['containers'] | undefined) ?? []
  if (init.length > 0)
    writeContainers(
      w,
      'Init Containers',
      init,
      (st.initContainerStatuses as Pod['status']['containerStatuses']) ?? [],
      '',
      pod,
    )
  writeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses ?? [], '', pod)
  writeConditions(w, pod)
  writeVolumes(w, spec.volumes as Parameters<typeof writeVolumes>[1], '')
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`)
  writeLabels(w, 'Node-Selectors', spec.nodeSelector)
  writeTolerations(w, 'Tolerations', spec.tolerations)
  writeEvents(w, events, now)
  return w.toString()
}

function writePodIPs(w: DescribeWriter, ips: { ip: string }[] | undefined): void {
  if (!ips || ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'IPs:\n')
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
}

function writeConditions(w: DescribeWriter, pod: Pod): void {
  const gates = (pod.spec?.readinessGates as { conditionType: string }[] | undefined) ?? []
  const conds = pod.status?.conditions ?? []
  if (gates.length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of gates)
      w.write(
        LEVEL_1,
        `${g.conditionType} \t${conds.find((c) => c.type === g.conditionType)?.status ?? '<none>'} \n`,
      )
  }
  if (conds.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  }
}
