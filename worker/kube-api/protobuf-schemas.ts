// Field numbers of the Kubernetes protobuf messages the simulation's kinds use (k8s.io/api
// core/v1, apps/v1, networking/v1, authorization/v1 and apimachinery meta/v1 generated.proto,
// 1.32). `ptr`
// marks Go pointer fields, whose zero value is meaningful (replicas: 0); other zero values are
// left out as JSON's omitempty leaves them out. Volumes, affinity, security contexts and status
// are not listed: typed clients creating Services-course objects do not send them.

import { NETWORKING_EXTRAS } from './protobuf-networking'

export interface Field {
  name: string
  type: string
  repeated?: boolean
  ptr?: boolean
  /** map values: strings unless `quantity` or `bytes` (base64 in JSON: a Secret's data) */
  values?: 'quantity' | 'bytes'
  /** an embedded Go struct: its fields belong to the parent in JSON (IngressRule's `http`) */
  inline?: boolean
}

export type Schema = Record<number, Field>

const s = (name: string): Field => ({ name, type: 'string' })
const ss = (name: string): Field => ({ name, type: 'string', repeated: true })
const i = (name: string, ptr = false): Field => ({ name, type: 'int', ptr })
const b = (name: string, ptr = false): Field => ({ name, type: 'bool', ptr })
const m = (name: string, type: string, ptr = false): Field => ({ name, type, ptr })
const r = (name: string, type: string): Field => ({ name, type, repeated: true })
const map = (name: string, values?: 'quantity' | 'bytes'): Field => ({ name, type: 'map', values })

const ObjectMeta: Schema = {
  1: s('name'),
  2: s('generateName'),
  3: s('namespace'),
  5: s('uid'),
  6: s('resourceVersion'),
  7: i('generation'),
  11: map('labels'),
  12: map('annotations'),
  13: r('ownerReferences', 'OwnerReference'),
  14: ss('finalizers'),
}

const Container: Schema = {
  1: s('name'),
  2: s('image'),
  3: ss('command'),
  4: ss('args'),
  5: s('workingDir'),
  6: r('ports', 'ContainerPort'),
  7: r('env', 'EnvVar'),
  8: m('resources', 'ResourceRequirements'),
  10: m('livenessProbe', 'Probe', true),
  11: m('readinessProbe', 'Probe', true),
  13: s('terminationMessagePath'),
  14: s('imagePullPolicy'),
  16: b('stdin'),
  17: b('stdinOnce'),
  18: b('tty'),
  20: s('terminationMessagePolicy'),
  22: m('startupProbe', 'Probe', true),
}

const PodSpec: Schema = {
  2: r('containers', 'Container'),
  3: s('restartPolicy'),
  4: i('terminationGracePeriodSeconds', true),
  5: i('activeDeadlineSeconds', true),
  6: s('dnsPolicy'),
  7: map('nodeSelector'),
  8: s('serviceAccountName'),
  10: s('nodeName'),
  11: b('hostNetwork'),
  16: s('hostname'),
  17: s('subdomain'),
  19: s('schedulerName'),
  20: r('initContainers', 'Container'),
  21: b('automountServiceAccountToken', true),
  22: r('tolerations', 'Toleration'),
  25: i('priority', true),
  30: b('enableServiceLinks', true),
}

export const SCHEMAS: Record<string, Schema> = {
  ObjectMeta,
  OwnerReference: {
    1: s('kind'),
    3: s('name'),
    4: s('uid'),
    5: s('apiVersion'),
    6: b('controller', true),
    7: b('blockOwnerDeletion', true),
  },
  LabelSelector: { 1: map('matchLabels'), 2: r('matchExpressions', 'LabelSelectorRequirement') },
  LabelSelectorRequirement: { 1: s('key'), 2: s('operator'), 3: ss('values') },
  Container,
  ContainerPort: {
    1: s('name'),
    2: i('hostPort'),
    3: i('containerPort'),
    4: s('protocol'),
    5: s('hostIP'),
  },
  EnvVar: { 1: s('name'), 2: s('value') },
  ResourceRequirements: { 1: map('limits', 'quantity'), 2: map('requests', 'quantity') },
  Probe: {
    1: m('handler', 'ProbeHandler'),
    2: i('initialDelaySeconds'),
    3: i('timeoutSeconds'),
    4: i('periodSeconds'),
    5: i('successThreshold'),
    6: i('failureThreshold'),
  },
  ProbeHandler: {
    1: m('exec', 'ExecAction', true),
    2: m('httpGet', 'HTTPGetAction', true),
    3: m('tcpSocket', 'TCPSocketAction', true),
  },
  ExecAction: { 1: ss('command') },
  HTTPGetAction: { 1: s('path'), 2: m('port', 'intstr'), 3: s('host'), 4: s('scheme') },
  TCPSocketAction: { 1: m('port', 'intstr'), 2: s('host') },
  Toleration: {
    1: s('key'),
    2: s('operator'),
    3: s('value'),
    4: s('effect'),
    5: i('tolerationSeconds', true),
  },
  PodSpec,
  PodTemplateSpec: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'PodSpec') },
  Pod: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'PodSpec') },
  Namespace: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'NamespaceSpec') },
  NamespaceSpec: { 1: ss('finalizers') },
  ConfigMap: {
    1: m('metadata', 'ObjectMeta'),
    2: map('data'),
    3: map('binaryData', 'bytes'),
    4: b('immutable', true),
  },
  Secret: {
    1: m('metadata', 'ObjectMeta'),
    2: map('data', 'bytes'),
    3: s('type'),
    4: map('stringData'),
    5: b('immutable', true),
  },
  Service: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'ServiceSpec') },
  ServiceSpec: {
    1: r('ports', 'ServicePort'),
    2: map('selector'),
    3: s('clusterIP'),
    4: s('type'),
    5: ss('externalIPs'),
    7: s('sessionAffinity'),
    8: s('loadBalancerIP'),
    10: s('externalName'),
    11: s('externalTrafficPolicy'),
    12: i('healthCheckNodePort'),
    13: b('publishNotReadyAddresses'),
    17: s('ipFamilyPolicy'),
    18: ss('clusterIPs'),
    19: ss('ipFamilies'),
    20: b('allocateLoadBalancerNodePorts', true),
    22: s('internalTrafficPolicy'),
  },
  ServicePort: {
    1: s('name'),
    2: s('protocol'),
    3: i('port'),
    4: m('targetPort', 'intstr'),
    5: i('nodePort'),
    6: s('appProtocol'),
  },
  Deployment: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'DeploymentSpec') },
  DeploymentSpec: {
    1: i('replicas', true),
    2: m('selector', 'LabelSelector', true),
    3: m('template', 'PodTemplateSpec'),
    4: m('strategy', 'DeploymentStrategy'),
    5: i('minReadySeconds'),
    6: i('revisionHistoryLimit', true),
    7: b('paused'),
    9: i('progressDeadlineSeconds', true),
  },
  DeploymentStrategy: { 1: s('type'), 2: m('rollingUpdate', 'RollingUpdateDeployment', true) },
  RollingUpdateDeployment: {
    1: m('maxUnavailable', 'intstr', true),
    2: m('maxSurge', 'intstr', true),
  },
  ReplicaSet: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'ReplicaSetSpec') },
  ReplicaSetSpec: {
    1: i('replicas', true),
    2: m('selector', 'LabelSelector', true),
    3: m('template', 'PodTemplateSpec'),
    4: i('minReadySeconds'),
  },
  SelfSubjectAccessReview: {
    1: m('metadata', 'ObjectMeta'),
    2: m('spec', 'SelfSubjectAccessReviewSpec'),
  },
  SelfSubjectAccessReviewSpec: {
    1: m('resourceAttributes', 'ResourceAttributes', true),
    2: m('nonResourceAttributes', 'NonResourceAttributes', true),
  },
  ResourceAttributes: {
    1: s('namespace'),
    2: s('verb'),
    3: s('group'),
    4: s('version'),
    5: s('resource'),
    6: s('subresource'),
    7: s('name'),
  },
  NonResourceAttributes: { 1: s('path'), 2: s('verb') },
  SelfSubjectRulesReview: {
    1: m('metadata', 'ObjectMeta'),
    2: m('spec', 'SelfSubjectRulesReviewSpec'),
  },
  SelfSubjectRulesReviewSpec: { 1: s('namespace') },
  SelfSubjectReview: { 1: m('metadata', 'ObjectMeta') },
  Ingress: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'IngressSpec') },
  IngressSpec: {
    1: m('defaultBackend', 'IngressBackend', true),
    2: r('tls', 'IngressTLS'),
    3: r('rules', 'IngressRule'),
    4: s('ingressClassName'),
  },
  IngressBackend: { 4: m('service', 'IngressServiceBackend', true) },
  IngressServiceBackend: { 1: s('name'), 2: m('port', 'ServiceBackendPort') },
  ServiceBackendPort: { 1: s('name'), 2: i('number') },
  IngressTLS: { 1: ss('hosts'), 2: s('secretName') },
  IngressRule: { 1: s('host'), 2: { name: '', type: 'IngressRuleValue', inline: true } },
  IngressRuleValue: { 1: m('http', 'HTTPIngressRuleValue', true) },
  HTTPIngressRuleValue: { 1: r('paths', 'HTTPIngressPath') },
  HTTPIngressPath: { 1: s('path'), 2: m('backend', 'IngressBackend'), 3: s('pathType') },
  IngressClass: { 1: m('metadata', 'ObjectMeta'), 2: m('spec', 'IngressClassSpec') },
  IngressClassSpec: { 1: s('controller') },
  DeleteOptions: {
    1: i('gracePeriodSeconds', true),
    3: b('orphanDependents', true),
    4: s('propagationPolicy'),
    5: ss('dryRun'),
  },
  ...NETWORKING_EXTRAS,
}
