// Deployment controller (pkg/controller/deployment): finds or creates the ReplicaSet of the
// current template (`<deploy>-<pod-template-hash>`), scales it and the old ones per strategy
// (RollingUpdate with maxSurge/maxUnavailable, or Recreate), keeps revision annotations, writes
// status. Left out: paused rollouts, rollbacks via annotation, proportional scaling mid-rollout,
// cleanup of old ReplicaSets beyond revisionHistoryLimit.

import { defaultPodSpec } from '../objects/defaults-pod'
import type { Deployment, Pod, ReplicaSet } from '../objects/types'
import { objectKey, putObject, randomUid, removeObject, type ClusterState } from '../state'
import { calculateStatus, progressDue, progressingCondition } from './deployment-status'
import {
  byCreation,
  DESIRED_REPLICAS,
  sameTemplate,
  MAX_REPLICAS,
  resolveFenceposts,
  REVISION,
  revisionOf,
  specReplicas,
} from './deployment-util'
import { rolloutRecreate, rolloutRolling, scaleReplicaSet } from './deployment-rollout'
import {
  deploymentInputs,
  listReplicaSets,
  newReplicaSetKey,
  podsByController,
  templateHash,
} from './deployment-inputs'
import { syncKeyOwn } from './key-memo'
import {
  clone,
  controllerOf,
  isOwnedBy,
  matchesLabelSelector,
  ownerReference,
  sameJSON,
  stableStringify,
  ts,
  objectsOf,
} from './util'

const SKIP_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  DESIRED_REPLICAS,
  MAX_REPLICAS,
])

function templateWithoutHash(rs: ReplicaSet): string {
  const t = clone(rs.spec.template)
  if (t.metadata?.labels) delete t.metadata.labels['pod-template-hash']
  return stableStringify(t)
}

function replicaSetsOf(s: ClusterState, d: Deployment, sets: readonly ReplicaSet[]): ReplicaSet[] {
  const out: ReplicaSet[] = []
  for (const rs of sets) {
    if (
      rs.metadata.namespace !== d.metadata.namespace ||
      !(objectKey('ReplicaSet', rs.metadata.namespace, rs.metadata.name) in s.objects)
    )
      continue
    if (isOwnedBy(rs, d)) out.push(rs)
    else if (
      !controllerOf(rs) &&
      !rs.metadata.deletionTimestamp &&
      matchesLabelSelector(d.spec.selector, rs.metadata.labels)
    ) {
      rs.metadata.ownerReferences = [ownerReference(d)]
      out.push(putObject(s, rs))
    }
  }
  return out
}

/** Annotations a ReplicaSet carries from its Deployment (SetNewReplicaSetAnnotations). */
function rsAnnotations(
  d: Deployment,
  revision: number,
  base: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = { ...base }
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (!SKIP_ANNOTATIONS.has(k)) out[k] = v
  const { maxSurge } = resolveFenceposts(d)
  out[DESIRED_REPLICAS] = String(d.spec.replicas ?? 1)
  out[MAX_REPLICAS] = String((d.spec.replicas ?? 1) + maxSurge)
  out[REVISION] = String(revision)
  return out
}

function newReplicaSet(s: ClusterState, d: Deployment, revision: number, now: number): ReplicaSet {
  const template = clone(d.spec.template)
  defaultPodSpec(template.spec as unknown as Record<string, unknown>)
  const hash = templateHash(d)
  const labels = { ...(template.metadata?.labels ?? {}), 'pod-template-hash': hash }
  template.metadata = { ...(template.metadata ?? {}), labels }
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      uid: randomUid(s),
      resourceVersion: '',
      generation: 1,
      creationTimestamp: ts(now),
      labels,
      annotations: rsAnnotations(d, revision),
      ownerReferences: [ownerReference(d)],
    },
    spec: {
      replicas: 0,
      selector: {
        ...d.spec.selector,
        matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash },
      },
      template,
    },
    status: { replicas: 0 },
  }
  if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds
  return putObject(s, rs)
}

/**
 * getNewReplicaSet: the ReplicaSet whose template equals the Deployment's (ignoring the hash
 * label), oldest first, as EqualIgnoreHash does. A cheap in-order comparison is tried first; when
 * it finds nothing (e.g. keys written in another order), the pod-template-hash label, then the
 * key-order-blind comparison of the defaulted templates.
 */
function findNewReplicaSet(d: Deployment, all: ReplicaSet[]): ReplicaSet | undefined {
  const oldestFirst = all.length > 1 ? [...all].sort(byCreation) : all
  const same = oldestFirst.find((rs) => sameTemplate(rs, d))
  if (same) return same
  const hash = templateHash(d)
  const byHash = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash)
  if (byHash || all.length === 0) return byHash
  const want = stableStringify(withSpecDefaults(d))
  return oldestFirst.find((rs) => templateWithoutHash(rs) === want)
}

function withSpecDefaults(d: Deployment): Deployment['spec']['template'] {
  const t = clone(d.spec.template)
  defaultPodSpec(t.spec as unknown as Record<string, unknown>)
  return t
}

function syncRevision(s: ClusterState, d: Deployment, rs: ReplicaSet, maxOld: number): void {
  const revision = Math.max(revisionOf(rs), maxOld + 1)
  const ann = rsAnnotations(d, revision, rs.metadata.annotations)
  if (!sameJSON(ann, rs.metadata.annotations)) {
    rs.metadata.annotations = ann
    putObject(s, rs)
  }
}

function syncDeployment(
  s: ClusterState,
  d: Deployment,
  pods: readonly Pod[],
  sets: readonly ReplicaSet[],
  now: number,
): boolean {
  const all = replicaSetsOf(s, d, sets)
  let newRS = findNewReplicaSet(d, all)
  const old = all.filter((rs) => rs !== newRS)
  const maxOld = old.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0)
  const rvBefore = s.rv
  let created = false
  if (!newRS && !d.spec.paused) {
    if (newReplicaSetKey(d) in s.objects) return false
    newRS = newReplicaSet(s, d, maxOld + 1, now)
    all.push(newRS)
    created = true
  } else if (newRS) syncRevision(s, d, newRS, maxOld)
  if (newRS && !d.spec.paused) {
    if (d.spec.strategy?.type === 'Recreate') rolloutRecreate(s, d, newRS, old, pods, now)
    else rolloutRolling(s, d, newRS, old, now)
  }
  if (newRS && !d.spec.paused) cleanupOldReplicaSets(s, d, old, pods)
  writeStatus(
    s,
    d,
    all.filter(
      (rs) => objectKey('ReplicaSet', rs.metadata.namespace, rs.metadata.name) in s.objects,
    ),
    newRS,
    created,
    now,
  )
  return s.rv !== rvBefore
}

/** cleanupDeployment: old ReplicaSets at zero with no pods left, beyond revisionHistoryLimit, go (oldest first). */
function cleanupOldReplicaSets(
  s: ClusterState,
  d: Deployment,
  old: ReplicaSet[],
  pods: readonly Pod[],
): void {
  const limit = d.spec.revisionHistoryLimit ?? 10
  const idle = old
    .filter(
      (rs) =>
        specReplicas(rs) === 0 &&
        (rs.status?.replicas ?? 0) === 0 &&
        !pods.some((p) => isOwnedBy(p, rs)),
    )
    .sort((a, b) => revisionOf(a) - revisionOf(b))
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit)))
    removeObject(s, 'ReplicaSet', rs.metadata.namespace, rs.metadata.name)
}

function writeStatus(
  s: ClusterState,
  d: Deployment,
  all: ReplicaSet[],
  newRS: ReplicaSet | undefined,
  created: boolean,
  now: number,
): void {
  const st = calculateStatus(d, all, newRS, now)
  if (created && newRS) {
    const conds = (st.conditions ?? []).filter((c) => c.type !== 'Progressing')
    st.conditions = [
      ...conds,
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: ts(now),
        lastTransitionTime: ts(now),
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "${newRS.metadata.name}"`,
      },
    ]
  } else progressingCondition(d, st, newRS, now)
  const revision = newRS ? String(revisionOf(newRS)) : undefined
  const annotations = { ...(d.metadata.annotations ?? {}) }
  if (revision) annotations[REVISION] = revision
  if (!sameJSON(st, d.status) || !sameJSON(annotations, d.metadata.annotations ?? {})) {
    d.status = st
    d.metadata.annotations = annotations
    putObject(s, d)
  }
}

/** Reconciles every Deployment; returns true when anything was written. */
export function reconcileDeployments(s: ClusterState, now: number): boolean {
  let changed = false
  const deployments = objectsOf<Deployment>(s, 'Deployment')
  if (deployments.length === 0) return false
  const pods = objectsOf<Pod>(s, 'Pod')
  const sets = objectsOf<ReplicaSet>(s, 'ReplicaSet')
  const byController = podsByController(pods)
  const listed = listReplicaSets(sets)
  for (const d of deployments) {
    if (d.metadata.deletionTimestamp) continue
    const key = `deployment:${d.metadata.namespace}/${d.metadata.name}`
    const inputs = deploymentInputs(s, d, listed, byController)
    // a sync that wrote only d's status would find nothing at once (deployment-status.ts)
    const own = { obj: d, dueAfter: progressDue }
    if (syncKeyOwn(s, key, inputs, own, now, syncDeployment, s, d, pods, sets, now)) changed = true
  }
  return changed
}

export { scaleReplicaSet, specReplicas }
