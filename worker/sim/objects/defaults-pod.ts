// Pod defaults as the API server fills them: SetDefaults_PodSpec / _Container / _Probe
// (pkg/apis/core/v1/defaults.go) for pods and templates, plus what the ServiceAccount,
// DefaultTolerationSeconds and Priority admission plugins add to real Pods only.

import type { ClusterState } from '../state'
import { randomSuffix } from '../state'
import { isPlainObject } from './strict-decode'

type Obj = Record<string, unknown>

const setDefault = (o: Obj, key: string, value: unknown) => {
  if (o[key] === undefined || o[key] === null) o[key] = value
}

/** Go zero values count as unset for int32 fields such as the probe timings. */
const setDefaultNonZero = (o: Obj, key: string, value: number) => {
  if (!o[key]) o[key] = value
}

/** imagePullPolicy: Always for `:latest` or an untagged image, else IfNotPresent (digests too). */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent'
  const last = image.slice(image.lastIndexOf('/') + 1)
  const tag = last.includes(':') ? last.slice(last.indexOf(':') + 1) : ''
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

function defaultProbe(p: unknown) {
  if (!isPlainObject(p)) return
  setDefaultNonZero(p, 'timeoutSeconds', 1)
  setDefaultNonZero(p, 'periodSeconds', 10)
  setDefaultNonZero(p, 'successThreshold', 1)
  setDefaultNonZero(p, 'failureThreshold', 3)
  if (isPlainObject(p.httpGet)) {
    if (!p.httpGet.path) p.httpGet.path = '/'
    if (!p.httpGet.scheme) p.httpGet.scheme = 'HTTP'
  }
}

function defaultContainer(c: unknown) {
  if (!isPlainObject(c)) return
  setDefault(
    c,
    'imagePullPolicy',
    typeof c.image === 'string' && c.image ? defaultPullPolicy(c.image) : 'IfNotPresent',
  )
  setDefault(c, 'resources', {})
  setDefault(c, 'terminationMessagePath', '/dev/termination-log')
  setDefault(c, 'terminationMessagePolicy', 'File')
  if (Array.isArray(c.ports))
    for (const p of c.ports) if (isPlainObject(p)) setDefault(p, 'protocol', 'TCP')
  defaultProbe(c.livenessProbe)
  defaultProbe(c.readinessProbe)
  defaultProbe(c.startupProbe)
}

/** SetDefaults_PodSpec and its containers: shared by Pods and pod templates. */
export function defaultPodSpec(spec: Obj) {
  setDefault(spec, 'restartPolicy', 'Always')
  setDefault(spec, 'dnsPolicy', 'ClusterFirst')
  setDefault(spec, 'terminationGracePeriodSeconds', 30)
  setDefault(spec, 'schedulerName', 'default-scheduler')
  setDefault(spec, 'securityContext', {})
  for (const list of [spec.containers, spec.initContainers])
    if (Array.isArray(list)) list.forEach(defaultContainer)
}

const NOT_READY_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']

/**
 * What a created Pod gets beyond its spec defaults: enableServiceLinks, the default service
 * account and its projected token volume, the 300 s NoExecute tolerations, priority 0.
 */
export function defaultPodAdmission(s: ClusterState, spec: Obj, dryRun: boolean) {
  defaultRequestsFromLimits(spec)
  setDefault(spec, 'enableServiceLinks', true)
  setDefault(spec, 'serviceAccountName', 'default')
  setDefault(spec, 'serviceAccount', spec.serviceAccountName)
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority')
  setDefault(spec, 'priority', 0)
  addTolerations(spec)
  if (spec.automountServiceAccountToken !== false) addTokenVolume(s, spec, dryRun)
}

/** SetDefaults_Pod: a container with limits but no requests for a resource requests its limit. */
function defaultRequestsFromLimits(spec: Obj) {
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of Array.isArray(list) ? list : []) {
      if (!isPlainObject(c) || !isPlainObject(c.resources) || !isPlainObject(c.resources.limits))
        continue
      const requests = isPlainObject(c.resources.requests) ? c.resources.requests : {}
      for (const [k, v] of Object.entries(c.resources.limits))
        if (requests[k] === undefined) requests[k] = v
      c.resources.requests = requests
    }
  }
}

function addTolerations(spec: Obj) {
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as Obj[]) : []
  for (const key of NOT_READY_TOLERATIONS) {
    const has = tolerations.some(
      (t) =>
        isPlainObject(t) && (t.key === key || (t.key === undefined && t.operator === 'Exists')),
    )
    if (!has)
      tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 })
  }
  spec.tolerations = tolerations
}

function addTokenVolume(s: ClusterState, spec: Obj, dryRun: boolean) {
  const name = `kube-api-access-${dryRun ? 'xxxxx' : randomSuffix(s)}`
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Obj[]) : []
  volumes.push({ name, projected: tokenProjection() })
  spec.volumes = volumes
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) {
    if (!isPlainObject(c)) continue
    const mounts = Array.isArray(c.volumeMounts) ? (c.volumeMounts as Obj[]) : []
    mounts.push({
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      name,
      readOnly: true,
    })
    c.volumeMounts = mounts
  }
}

function tokenProjection(): Obj {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      {
        downwardAPI: {
          items: [
            { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' },
          ],
        },
      },
    ],
  }
}

/** GetPodQOS: BestEffort without any requests/limits, Guaranteed when limits equal requests. */
export function podQOSClass(spec: Obj): string {
  let any = false
  let guaranteed = true
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) {
    const r = isPlainObject(c) && isPlainObject(c.resources) ? c.resources : {}
    const limits = isPlainObject(r.limits) ? r.limits : {}
    const requests = isPlainObject(r.requests) ? r.requests : {}
    if (Object.keys(limits).length || Object.keys(requests).length) any = true
    for (const res of ['cpu', 'memory'])
      if (
        limits[res] === undefined ||
        (requests[res] !== undefined && requests[res] !== limits[res])
      )
        guaranteed = false
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
