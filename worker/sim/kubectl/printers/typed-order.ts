// Go struct field order of the k8s.io/api types kubectl builds itself (create deployment|service|
// namespace, run, expose with --dry-run=client or -o json): encoding/json writes struct fields
// in declaration order, so these tables give the key order of such objects. Objects read back
// from the API server are maps and print with sorted keys instead.

import type { KeyOrder } from './go-json'
import { sortedKeys } from './go-format'

type Fields = [field: string, type?: string][]

const F = (spec: string): Fields =>
  spec.split(' ').map((f) => {
    const [name = '', type] = f.split(':')
    return type ? [name, type] : [name]
  })

const TYPES: Record<string, Fields> = {
  ObjectMeta: F(
    'name generateName namespace selfLink uid resourceVersion generation creationTimestamp deletionTimestamp deletionGracePeriodSeconds labels annotations ownerReferences:[]OwnerReference finalizers managedFields',
  ),
  OwnerReference: F('apiVersion kind name uid controller blockOwnerDeletion'),
  LabelSelector: F('matchLabels matchExpressions:[]Requirement'),
  Requirement: F('key operator values'),
  Deployment: F('kind apiVersion metadata:ObjectMeta spec:DeploymentSpec status:DeploymentStatus'),
  DeploymentSpec: F(
    'replicas selector:LabelSelector template:PodTemplateSpec strategy:DeploymentStrategy minReadySeconds revisionHistoryLimit paused progressDeadlineSeconds',
  ),
  DeploymentStrategy: F('type rollingUpdate:RollingUpdate'),
  RollingUpdate: F('maxUnavailable maxSurge'),
  DeploymentStatus: F(
    'observedGeneration replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas terminatingReplicas conditions:[]DeploymentCondition collisionCount',
  ),
  DeploymentCondition: F('type status lastUpdateTime lastTransitionTime reason message'),
  ReplicaSet: F('kind apiVersion metadata:ObjectMeta spec:ReplicaSetSpec status:ReplicaSetStatus'),
  ReplicaSetSpec: F('replicas minReadySeconds selector:LabelSelector template:PodTemplateSpec'),
  ReplicaSetStatus: F(
    'replicas fullyLabeledReplicas readyReplicas availableReplicas terminatingReplicas observedGeneration conditions',
  ),
  PodTemplateSpec: F('metadata:ObjectMeta spec:PodSpec'),
  Pod: F('kind apiVersion metadata:ObjectMeta spec:PodSpec status:PodStatus'),
  PodSpec: F(
    'volumes initContainers:[]Container containers:[]Container ephemeralContainers restartPolicy terminationGracePeriodSeconds activeDeadlineSeconds dnsPolicy nodeSelector serviceAccountName serviceAccount automountServiceAccountToken nodeName hostNetwork hostPID hostIPC shareProcessNamespace securityContext imagePullSecrets hostname subdomain affinity schedulerName tolerations:[]Toleration hostAliases priorityClassName priority dnsConfig readinessGates runtimeClassName enableServiceLinks preemptionPolicy overhead topologySpreadConstraints setHostnameAsFQDN os hostUsers schedulingGates resourceClaims resources',
  ),
  Container: F(
    'name image command args workingDir ports:[]ContainerPort envFrom env:[]EnvVar resources:Resources resizePolicy restartPolicy volumeMounts volumeDevices livenessProbe:Probe readinessProbe:Probe startupProbe:Probe lifecycle terminationMessagePath terminationMessagePolicy imagePullPolicy securityContext stdin stdinOnce tty',
  ),
  ContainerPort: F('name hostPort containerPort protocol hostIP'),
  EnvVar: F('name value valueFrom'),
  Resources: F('limits requests claims'),
  Probe: F(
    'exec httpGet:HTTPGet tcpSocket grpc initialDelaySeconds timeoutSeconds periodSeconds successThreshold failureThreshold terminationGracePeriodSeconds',
  ),
  HTTPGet: F('path port host scheme httpHeaders'),
  Toleration: F('key operator value effect tolerationSeconds'),
  PodStatus: F(
    'phase conditions message reason nominatedNodeName hostIP hostIPs podIP podIPs startTime initContainerStatuses containerStatuses qosClass ephemeralContainerStatuses resize resourceClaimStatuses',
  ),
  Service: F('kind apiVersion metadata:ObjectMeta spec:ServiceSpec status:ServiceStatus'),
  ServiceSpec: F(
    'ports:[]ServicePort selector clusterIP clusterIPs type externalIPs sessionAffinity loadBalancerIP loadBalancerSourceRanges externalName externalTrafficPolicy healthCheckNodePort publishNotReadyAddresses sessionAffinityConfig ipFamilies ipFamilyPolicy allocateLoadBalancerNodePorts loadBalancerClass internalTrafficPolicy trafficDistribution',
  ),
  ServicePort: F('name protocol appProtocol port targetPort nodePort'),
  ServiceStatus: F('loadBalancer:LoadBalancerStatus conditions'),
  LoadBalancerStatus: F('ingress:[]LoadBalancerIngress'),
  LoadBalancerIngress: F('ip hostname ipMode ports'),
  Namespace: F('kind apiVersion metadata:ObjectMeta spec status'),
  Endpoints: F('kind apiVersion metadata:ObjectMeta subsets'),
  ConfigMap: F('kind apiVersion metadata:ObjectMeta immutable data binaryData'),
  Secret: F('kind apiVersion metadata:ObjectMeta immutable data stringData type'),
  Ingress: F('kind apiVersion metadata:ObjectMeta spec:IngressSpec status:IngressStatus'),
  IngressSpec: F(
    'ingressClassName defaultBackend:IngressBackend tls:[]IngressTLS rules:[]IngressRule',
  ),
  IngressBackend: F('service:IngressServiceBackend resource'),
  IngressServiceBackend: F('name port:ServiceBackendPort'),
  ServiceBackendPort: F('name number'),
  IngressTLS: F('hosts secretName'),
  IngressRule: F('host http:HTTPIngressRuleValue'),
  HTTPIngressRuleValue: F('paths:[]HTTPIngressPath'),
  HTTPIngressPath: F('path pathType backend:IngressBackend'),
  IngressStatus: F('loadBalancer:IngressLoadBalancerStatus'),
  IngressLoadBalancerStatus: F('ingress'),
  EventList: F('kind apiVersion metadata:ListMeta items:[]Event'),
  ListMeta: F('selfLink resourceVersion continue remainingItemCount'),
  Event: F(
    'kind apiVersion metadata:ObjectMeta involvedObject:ObjectReference reason message source:EventSource firstTimestamp lastTimestamp count type eventTime series action related:ObjectReference reportingComponent reportingInstance',
  ),
  ObjectReference: F('kind namespace name uid apiVersion resourceVersion fieldPath'),
  EventSource: F('component host'),
  SelfSubjectReview: F('kind apiVersion metadata:ObjectMeta status:SelfSubjectReviewStatus'),
  SelfSubjectReviewStatus: F('userInfo:UserInfo'),
  UserInfo: F('username uid groups extra'),
}

/** Key order for a typed object of `kind`; maps inside (labels, selector) stay sorted. */
export function typedKeyOrder(kind: string): KeyOrder {
  return (path, obj) => {
    const type = typeAt(kind, path)
    const fields = type ? TYPES[type] : undefined
    if (!fields) return sortedKeys(obj)
    const known = fields.map(([f]) => f).filter((f) => f in obj)
    const rest = Object.keys(obj).filter((k) => !known.includes(k))
    return [...known, ...rest]
  }
}

/** Walks the type tables along a key path (`[]` for list items). */
function typeAt(root: string, path: string[]): string | undefined {
  let type: string | undefined = TYPES[root] ? root : undefined
  for (const key of path) {
    if (!type) return undefined
    if (type.startsWith('[]')) {
      if (key !== '[]') return undefined
      type = type.slice(2)
      continue
    }
    const field = TYPES[type]?.find(([f]) => f === key)
    type = field?.[1]
  }
  return type && !type.startsWith('[]') ? type : undefined
}
