// Creating and deleting pods on behalf of a controller, as the API server would store them:
// template copied, admission defaults added (service account, tolerations, priority), graceful
// deletion stamped with deletionTimestamp = now + grace (pkg/registry/core/pod/strategy.go).

import { defaultPodAdmission, defaultPodSpec, podQOSClass } from '../objects/defaults-pod'
import type { KubeObject, Pod, PodTemplateSpec } from '../objects/types'
import {
  putObject,
  randomSuffix,
  randomUid,
  removeObject,
  objectKey,
  type ClusterState,
} from '../state'
import { clone, ownerReference, ts } from './util'

/** The built-in PriorityClasses the Priority admission plugin resolves. */
const SYSTEM_PRIORITY: Record<string, number> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
}

/** Builds (does not store) a pod from a template, named `<owner>-<5 random chars>`. */
export function podFromTemplate(
  s: ClusterState,
  owner: KubeObject,
  template: PodTemplateSpec,
  now: number,
): Pod {
  const namespace = owner.metadata.namespace ?? 'default'
  let name = `${owner.metadata.name}-${randomSuffix(s)}`
  while (objectKey('Pod', namespace, name) in s.objects)
    name = `${owner.metadata.name}-${randomSuffix(s)}`
  const spec = clone(template.spec) as Pod['spec']
  defaultPodSpec(spec as unknown as Record<string, unknown>)
  const critical = SYSTEM_PRIORITY[spec.priorityClassName as string]
  if (critical !== undefined) spec.priority = critical
  defaultPodAdmission(s, spec as unknown as Record<string, unknown>, false)
  const meta: Pod['metadata'] = {
    name,
    generateName: `${owner.metadata.name}-`,
    namespace,
    uid: randomUid(s),
    resourceVersion: '',
    creationTimestamp: ts(now),
  }
  if (template.metadata?.labels) meta.labels = { ...template.metadata.labels }
  if (template.metadata?.annotations) meta.annotations = { ...template.metadata.annotations }
  meta.ownerReferences = [ownerReference(owner)]
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta,
    spec,
    status: { phase: 'Pending', qosClass: podQOSClass(spec as unknown as Record<string, unknown>) },
  }
  return pod
}

/**
 * Graceful deletion of a pod: a pod never bound to a node goes at once; otherwise it gets
 * deletionTimestamp and the kubelet finishes it. Returns true when the state changed.
 */
export function deletePodGracefully(s: ClusterState, pod: Pod, now: number): boolean {
  if (pod.metadata.deletionTimestamp) return false
  if (!pod.spec.nodeName) {
    removeObject(s, 'Pod', pod.metadata.namespace, pod.metadata.name)
    return true
  }
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30
  pod.metadata.deletionTimestamp = ts(now + grace * 1000)
  pod.metadata.deletionGracePeriodSeconds = grace
  putObject(s, pod)
  return true
}
