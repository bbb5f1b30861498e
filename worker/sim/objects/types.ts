// Kubernetes API object shapes, as much of them as the simulation touches.
// Field names are exactly the upstream ones (k8s.io/api core/v1, apps/v1, discovery/v1).

export interface OwnerReference {
  apiVersion: string
  kind: string
  name: string
  uid: string
  controller?: boolean
  blockOwnerDeletion?: boolean
}

export interface ObjectMeta {
  name: string
  namespace?: string
  generateName?: string
  uid: string
  resourceVersion: string
  generation?: number
  creationTimestamp: string
  deletionTimestamp?: string
  deletionGracePeriodSeconds?: number
  labels?: Record<string, string>
  annotations?: Record<string, string>
  ownerReferences?: OwnerReference[]
  finalizers?: string[]
}

export interface KubeObject {
  apiVersion: string
  kind: string
  metadata: ObjectMeta
  [field: string]: unknown
}

export interface LabelSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  values?: string[]
}

export interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: LabelSelectorRequirement[]
}

export interface ContainerPort {
  name?: string
  containerPort: number
  protocol?: string
  hostPort?: number
}

export interface EnvVar {
  name: string
  value?: string
}

export interface Probe {
  httpGet?: { path?: string; port: number | string; scheme?: string }
  tcpSocket?: { port: number | string }
  exec?: { command: string[] }
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

export interface Container {
  name: string
  image: string
  command?: string[]
  args?: string[]
  ports?: ContainerPort[]
  env?: EnvVar[]
  readinessProbe?: Probe
  livenessProbe?: Probe
  resources?: Record<string, unknown>
  imagePullPolicy?: string
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  [field: string]: unknown
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export interface PodSpec {
  containers: Container[]
  restartPolicy?: string
  nodeName?: string
  nodeSelector?: Record<string, string>
  tolerations?: Toleration[]
  terminationGracePeriodSeconds?: number
  dnsPolicy?: string
  schedulerName?: string
  securityContext?: Record<string, unknown>
  serviceAccountName?: string
  serviceAccount?: string
  enableServiceLinks?: boolean
  preemptionPolicy?: string
  priority?: number
  hostname?: string
  subdomain?: string
  [field: string]: unknown
}

export interface PodCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastProbeTime: string | null
  lastTransitionTime: string
  reason?: string
  message?: string
}

export interface ContainerState {
  waiting?: { reason: string; message?: string }
  running?: { startedAt: string }
  terminated?: {
    exitCode: number
    reason: string
    startedAt?: string
    finishedAt?: string
    containerID?: string
  }
}

export interface ContainerStatus {
  name: string
  image: string
  imageID: string
  containerID?: string
  ready: boolean
  started?: boolean
  restartCount: number
  state: ContainerState
  lastState: ContainerState
}

export interface PodStatus {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
  conditions?: PodCondition[]
  hostIP?: string
  hostIPs?: { ip: string }[]
  podIP?: string
  podIPs?: { ip: string }[]
  startTime?: string
  containerStatuses?: ContainerStatus[]
  qosClass?: string
  [field: string]: unknown
}

export interface Pod extends KubeObject {
  kind: 'Pod'
  spec: PodSpec
  status: PodStatus
}

export interface PodTemplateSpec {
  metadata?: {
    labels?: Record<string, string>
    annotations?: Record<string, string>
    creationTimestamp?: null
  }
  spec: PodSpec
}

export interface DeploymentSpec {
  replicas?: number
  selector: LabelSelector
  template: PodTemplateSpec
  strategy?: {
    type?: string
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string }
  }
  revisionHistoryLimit?: number
  progressDeadlineSeconds?: number
  minReadySeconds?: number
  paused?: boolean
}

export interface DeploymentCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastUpdateTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

export interface Deployment extends KubeObject {
  kind: 'Deployment'
  spec: DeploymentSpec
  status: {
    observedGeneration?: number
    replicas?: number
    updatedReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    unavailableReplicas?: number
    conditions?: DeploymentCondition[]
  }
}

export interface ReplicaSet extends KubeObject {
  kind: 'ReplicaSet'
  spec: {
    replicas?: number
    selector: LabelSelector
    template: PodTemplateSpec
    minReadySeconds?: number
  }
  status: {
    replicas: number
    fullyLabeledReplicas?: number
    readyReplicas?: number
    availableReplicas?: number
    observedGeneration?: number
  }
}

export interface ServicePort {
  name?: string
  protocol?: string
  port: number
  targetPort?: number | string
  nodePort?: number
  appProtocol?: string
}

export interface ServiceSpec {
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'
  selector?: Record<string, string>
  ports?: ServicePort[]
  clusterIP?: string
  clusterIPs?: string[]
  externalName?: string
  externalIPs?: string[]
  sessionAffinity?: 'None' | 'ClientIP'
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } }
  externalTrafficPolicy?: 'Cluster' | 'Local'
  internalTrafficPolicy?: 'Cluster' | 'Local'
  ipFamilies?: string[]
  ipFamilyPolicy?: string
  allocateLoadBalancerNodePorts?: boolean
  healthCheckNodePort?: number
  publishNotReadyAddresses?: boolean
  loadBalancerIP?: string
}

export interface Service extends KubeObject {
  kind: 'Service'
  spec: ServiceSpec
  status: { loadBalancer: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } }
}

export interface EndpointAddress {
  ip: string
  hostname?: string
  nodeName?: string
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string }
}

export interface EndpointPort {
  name?: string
  port: number
  protocol?: string
  appProtocol?: string
}

export interface EndpointSubset {
  addresses?: EndpointAddress[]
  notReadyAddresses?: EndpointAddress[]
  ports?: EndpointPort[]
}

export interface Endpoints extends KubeObject {
  kind: 'Endpoints'
  subsets?: EndpointSubset[]
}

export interface SliceEndpoint {
  addresses: string[]
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean }
  nodeName?: string
  targetRef?: { kind: string; namespace?: string; name: string; uid?: string }
  zone?: string
}

export interface EndpointSlice extends KubeObject {
  kind: 'EndpointSlice'
  addressType: 'IPv4' | 'IPv6' | 'FQDN'
  endpoints: SliceEndpoint[] | null
  ports: { name?: string; port?: number; protocol?: string; appProtocol?: string }[] | null
}

export interface Node extends KubeObject {
  kind: 'Node'
  spec: {
    podCIDR?: string
    podCIDRs?: string[]
    providerID?: string
    taints?: { key: string; effect: string; value?: string }[]
    unschedulable?: boolean
  }
  status: {
    addresses: { type: string; address: string }[]
    conditions: {
      type: string
      status: string
      lastHeartbeatTime: string
      lastTransitionTime: string
      reason: string
      message: string
    }[]
    nodeInfo: Record<string, string>
    capacity: Record<string, string>
    allocatable: Record<string, string>
    [field: string]: unknown
  }
}

export interface Namespace extends KubeObject {
  kind: 'Namespace'
  spec: { finalizers: string[] }
  status: { phase: 'Active' | 'Terminating' }
}

export interface KubeEvent extends KubeObject {
  kind: 'Event'
  involvedObject: {
    kind: string
    namespace?: string
    name: string
    uid?: string
    apiVersion?: string
    resourceVersion?: string
    fieldPath?: string
  }
  reason: string
  message: string
  type: 'Normal' | 'Warning'
  source: { component: string; host?: string }
  firstTimestamp: string
  lastTimestamp: string
  count: number
  reportingComponent?: string
  reportingInstance?: string
}

/** An API error as the API server returns it (metav1.Status), printed by kubectl's error printer. */
export interface StatusCause {
  field: string
  /** The full rendered cause, e.g. `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive` */
  message: string
}

export interface ApiError {
  reason:
    | 'NotFound'
    | 'AlreadyExists'
    | 'Invalid'
    | 'Forbidden'
    | 'BadRequest'
    | 'Conflict'
    | 'MethodNotAllowed'
    | 'InternalError'
  /** The status message, e.g. `services "web" not found` or `Service "web" is invalid: ...` */
  message: string
  /** For Invalid: the bare kind and name and each cause, used by kubectl's printer (KUBERNETES-FACTS E2). */
  details?: { kind: string; group?: string; name: string; causes: StatusCause[] }
  /** admission warnings that came back with the failure (kubectl prints `Warning: ...` first) */
  warnings?: string[]
}

export type ApiResult<T> =
  | {
      ok: true
      value: T
      /** admission warnings (`Warning: ...` on kubectl's stderr) */ warnings?: string[]
    }
  | { ok: false; error: ApiError }

export type * from './ingress-types'
export type * from './secret-types'
export type * from './config-map-types'
