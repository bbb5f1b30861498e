// `kubectl describe deployment|replicaset` and their Pod Template section (describe.go
// describeDeployment, describeReplicaSet, DescribePodTemplate).

import type {
  Deployment,
  KubeEvent,
  KubeObject,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
} from '../../objects/types'
import { formatLabelSelector, selectorString } from '../printers/labels'
import { writeContainers } from './containers'
import { writeEvents } from './events'
import { writeTolerations, writeVolumes } from './volumes'
import { DescribeWriter, LEVEL_0, LEVEL_1, rfc1123z, writeAnnotations, writeLabels } from './writer'

export function describeDeployment(
  d: Deployment,
  replicaSets: ReplicaSet[],
  events: KubeEvent[],
  now: number,
): string {
  const w = new DescribeWriter()
  const st = d.status ?? {}
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`)
  writeLabels(w, 'Labels', d.metadata.labels)
  writeAnnotations(w, 'Annotations', d.metadata.annotations)
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec?.selector)}\n`)
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec?.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  )
  const strategy = d.spec?.strategy ?? {}
  w.write(LEVEL_0, `StrategyType:\t${strategy.type ?? ''}\n`)
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`)
  const ru = strategy.rollingUpdate
  if (ru)
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`,
    )
  writePodTemplate(w, d.spec?.template)
  writeWorkloadConditions(w, st.conditions)
  const owned = replicaSets.filter((rs) => isControlledBy(rs, d))
  if (owned.length > 0) {
    const newRS = owned.filter((rs) => isNewReplicaSet(rs, d))
    const oldRS = owned.filter((rs) => !newRS.includes(rs))
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRS)}\n`)
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS.slice(0, 1))}\n`)
  }
  writeEvents(w, events, now)
  return w.toString()
}

export function describeReplicaSet(
  rs: ReplicaSet,
  pods: Pod[],
  events: KubeEvent[],
  now: number,
): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
  writeLabels(w, 'Labels', rs.metadata.labels)
  writeAnnotations(w, 'Annotations', rs.metadata.annotations)
  const owner = (rs.metadata.ownerReferences ?? []).find((o) => o.controller)
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`)
  w.write(
    LEVEL_0,
    `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`,
  )
  const mine = pods.filter((p) => isControlledBy(p, rs))
  const count = (phase: string) => mine.filter((p) => p.status?.phase === phase).length
  w.write(LEVEL_0, 'Pods Status:\t')
  w.write(
    LEVEL_0,
    `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`,
  )
  writePodTemplate(w, rs.spec?.template)
  writeWorkloadConditions(
    w,
    (rs.status as { conditions?: { type: string; status: string; reason?: string }[] })?.conditions,
  )
  writeEvents(w, events, now)
  return w.toString()
}

/** DescribePodTemplate: the template's labels, containers, volumes, node selectors, tolerations. */
export function writePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!t) {
    w.write(LEVEL_1, '<unset>')
    return
  }
  writeLabels(w, '  Labels', t.metadata?.labels)
  if (Object.keys(t.metadata?.annotations ?? {}).length > 0)
    writeAnnotations(w, '  Annotations', t.metadata?.annotations)
  const spec = t.spec ?? { containers: [] }
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`)
  const init = (spec.initContainers as PodTemplateSpec['spec']['containers'] | undefined) ?? []
  if (init.length > 0) writeContainers(w, 'Init Containers', init, undefined, '  ')
  writeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ')
  writeVolumes(w, spec.volumes as Parameters<typeof writeVolumes>[1], '  ')
  if (spec.priorityClassName)
    w.write(LEVEL_1, `Priority Class Name:\t${String(spec.priorityClassName)}\n`)
  writeLabels(w, '  Node-Selectors', spec.nodeSelector)
  writeTolerations(w, '  Tolerations', spec.tolerations)
}

function writeWorkloadConditions(
  w: DescribeWriter,
  conds: { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!conds || conds.length === 0) return
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(LEVEL_1, '----\t------\t------\n')
  for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

function replicaSetList(list: ReplicaSet[]): string {
  return (
    list
      .map(
        (rs) =>
          `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
      )
      .join(', ') || '<none>'
  )
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some(
    (o) => o.controller && o.uid === owner.metadata.uid,
  )
}

/** deploymentutil.EqualIgnoreHash: the RS whose template is the deployment's, hash label aside. */
function isNewReplicaSet(rs: ReplicaSet, d: Deployment): boolean {
  return canonical(stripHash(rs.spec?.template)) === canonical(stripHash(d.spec?.template))
}

function stripHash(t: PodTemplateSpec | undefined): unknown {
  if (!t) return undefined
  const labels = { ...(t.metadata?.labels ?? {}) }
  delete labels['pod-template-hash']
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } }
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null'
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}
