// Defaulting at decode time (SetDefaults_* in pkg/apis/{core,apps}/v1/defaults.go) for each kind,
// plus the status reset the create strategies do (PrepareForCreate).

import type { ClusterState } from '../state'
import type { Kind } from './resources'
import { isPlainObject } from './strict-decode'
import { defaultPodAdmission, defaultPodSpec, podQOSClass } from './defaults-pod'
import { defaultIPFamilies, defaultService } from './defaults-service'
import { defaultIngressClass, dropNulls } from './defaults-ingress'
import { defaultSecret } from './defaults-secret'
import { defaultConfigMap } from './defaults-config-map'

type Obj = Record<string, unknown>

const obj = (o: Obj, key: string): Obj => {
  if (!isPlainObject(o[key])) o[key] = {}
  return o[key] as Obj
}

function defaultTemplate(spec: Obj) {
  const tpl = obj(spec, 'template')
  const meta = obj(tpl, 'metadata')
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null
  defaultPodSpec(obj(tpl, 'spec'))
}

function defaultDeployment(spec: Obj) {
  if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
  const strategy = obj(spec, 'strategy')
  if (!strategy.type) strategy.type = 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    const ru = obj(strategy, 'rollingUpdate')
    if (ru.maxUnavailable === undefined || ru.maxUnavailable === null) ru.maxUnavailable = '25%'
    if (ru.maxSurge === undefined || ru.maxSurge === null) ru.maxSurge = '25%'
  }
  if (spec.revisionHistoryLimit === undefined || spec.revisionHistoryLimit === null)
    spec.revisionHistoryLimit = 10
  if (spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds === null)
    spec.progressDeadlineSeconds = 600
  defaultTemplate(spec)
}

/** Spec defaults for a kind (what `kubectl get -o yaml` shows that nobody typed). */
export function applyDefaults(kind: Kind, o: Obj) {
  switch (kind) {
    case 'Pod':
      defaultPodSpec(obj(o, 'spec'))
      break
    case 'Service':
      defaultService(obj(o, 'spec'))
      defaultIPFamilies(obj(o, 'spec'))
      break
    case 'Deployment':
      defaultDeployment(obj(o, 'spec'))
      break
    case 'ReplicaSet': {
      const spec = obj(o, 'spec')
      if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1
      defaultTemplate(spec)
      break
    }
    case 'Endpoints':
      for (const ss of Array.isArray(o.subsets) ? o.subsets : [])
        if (isPlainObject(ss))
          for (const p of Array.isArray(ss.ports) ? ss.ports : [])
            if (isPlainObject(p) && !p.protocol) p.protocol = 'TCP'
      break
    case 'Ingress':
      dropNulls(obj(o, 'spec'))
      break
    case 'IngressClass':
      dropNulls(obj(o, 'spec'))
      defaultIngressClass(obj(o, 'spec'))
      break
    case 'Secret':
      defaultSecret(o)
      break
    case 'ConfigMap':
      defaultConfigMap(o)
      break
    case 'Namespace': {
      const spec = obj(o, 'spec')
      if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes']
      const meta = obj(o, 'metadata')
      if (typeof meta.name === 'string' && meta.name)
        obj(meta, 'labels')['kubernetes.io/metadata.name'] = meta.name
      break
    }
  }
}

/** PrepareForCreate: status is the server's; Pods also pass through admission defaults. */
export function prepareForCreate(s: ClusterState, kind: Kind, o: Obj, dryRun: boolean) {
  switch (kind) {
    case 'Pod':
      defaultPodAdmission(s, obj(o, 'spec'), dryRun)
      o.status = { phase: 'Pending', qosClass: podQOSClass(obj(o, 'spec')) }
      break
    case 'Service':
      o.status = { loadBalancer: {} }
      break
    case 'Deployment':
      o.status = {}
      break
    case 'ReplicaSet':
      o.status = { replicas: 0 }
      break
    case 'Namespace':
      o.status = { phase: 'Active' }
      break
    case 'Ingress':
      // ingress strategy PrepareForCreate: empty status (the controller fills loadBalancer)
      o.status = { loadBalancer: {} }
      break
  }
}
