// Field schemas of core/v1 ObjectMeta, PodSpec and its parts (k8s.io/api core/v1 types.go).
// Deep, rarely typed sub-structures (affinity, volumes, securityContext) are accepted as `any`.

import { list, stringList, stringMap, struct } from './schema-types'

export const ownerReference = struct('OwnerReference', {
  apiVersion: 'string',
  kind: 'string',
  name: 'string',
  uid: 'string',
  controller: 'bool',
  blockOwnerDeletion: 'bool',
})

export const objectMeta = struct('ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  selfLink: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'time',
  deletionTimestamp: 'time',
  deletionGracePeriodSeconds: 'int64',
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: list(ownerReference),
  finalizers: stringList,
  managedFields: 'any',
})

const containerPort = struct('ContainerPort', {
  name: 'string',
  hostPort: 'int32',
  containerPort: 'int32',
  protocol: 'string',
  hostIP: 'string',
})

const envVar = struct('EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })

const probe = struct('Probe', {
  exec: struct('ExecAction', { command: stringList }),
  httpGet: struct('HTTPGetAction', {
    path: 'string',
    port: 'intstr',
    host: 'string',
    scheme: 'string',
    httpHeaders: 'any',
  }),
  tcpSocket: struct('TCPSocketAction', { port: 'intstr', host: 'string' }),
  grpc: 'any',
  initialDelaySeconds: 'int32',
  timeoutSeconds: 'int32',
  periodSeconds: 'int32',
  successThreshold: 'int32',
  failureThreshold: 'int32',
  terminationGracePeriodSeconds: 'int64',
})

export const container = struct('Container', {
  name: 'string',
  image: 'string',
  command: stringList,
  args: stringList,
  workingDir: 'string',
  ports: list(containerPort),
  envFrom: 'any',
  env: list(envVar),
  resources: struct('ResourceRequirements', { limits: 'any', requests: 'any', claims: 'any' }),
  resizePolicy: 'any',
  restartPolicy: 'string',
  volumeMounts: 'any',
  volumeDevices: 'any',
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: 'any',
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  imagePullPolicy: 'string',
  securityContext: 'any',
  stdin: 'bool',
  stdinOnce: 'bool',
  tty: 'bool',
})

const toleration = struct('Toleration', {
  key: 'string',
  operator: 'string',
  value: 'string',
  effect: 'string',
  tolerationSeconds: 'int64',
})

export const podSpec = struct('PodSpec', {
  volumes: 'any',
  initContainers: list(container),
  containers: list(container),
  ephemeralContainers: 'any',
  restartPolicy: 'string',
  terminationGracePeriodSeconds: 'int64',
  activeDeadlineSeconds: 'int64',
  dnsPolicy: 'string',
  nodeSelector: stringMap,
  serviceAccountName: 'string',
  serviceAccount: 'string',
  automountServiceAccountToken: 'bool',
  nodeName: 'string',
  hostNetwork: 'bool',
  hostPID: 'bool',
  hostIPC: 'bool',
  shareProcessNamespace: 'bool',
  securityContext: 'any',
  imagePullSecrets: 'any',
  hostname: 'string',
  subdomain: 'string',
  affinity: 'any',
  schedulerName: 'string',
  tolerations: list(toleration),
  hostAliases: 'any',
  priorityClassName: 'string',
  priority: 'int32',
  dnsConfig: 'any',
  readinessGates: 'any',
  runtimeClassName: 'string',
  enableServiceLinks: 'bool',
  preemptionPolicy: 'string',
  overhead: 'any',
  topologySpreadConstraints: 'any',
  setHostnameAsFQDN: 'bool',
  os: 'any',
  hostUsers: 'bool',
  schedulingGates: 'any',
  resourceClaims: 'any',
  resources: 'any',
})

export const podTemplateSpec = struct('PodTemplateSpec', { metadata: objectMeta, spec: podSpec })

export const labelSelector = struct('LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: list(
    struct('LabelSelectorRequirement', { key: 'string', operator: 'string', values: stringList }),
  ),
})
