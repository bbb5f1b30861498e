// Per-kind field schemas (k8s.io/api core/v1, apps/v1, discovery/v1) for strict decoding.

import type { Kind } from './resources'
import { bytesMap, list, stringList, stringMap, struct, type StructType } from './schema-types'
import { labelSelector, objectMeta, podSpec, podTemplateSpec } from './schemas-pod'
import { ingressClassSpec, ingressSpec } from './schemas-ingress'

const top = (kind: string, fields: StructType['fields']) =>
  struct(kind, { apiVersion: 'string', kind: 'string', metadata: objectMeta, ...fields })

const servicePort = struct('ServicePort', {
  name: 'string',
  protocol: 'string',
  appProtocol: 'string',
  port: 'int32',
  targetPort: 'intstr',
  nodePort: 'int32',
})

const serviceSpec = struct('ServiceSpec', {
  ports: list(servicePort),
  selector: stringMap,
  clusterIP: 'string',
  clusterIPs: stringList,
  type: 'string',
  externalIPs: stringList,
  sessionAffinity: 'string',
  loadBalancerIP: 'string',
  loadBalancerSourceRanges: stringList,
  externalName: 'string',
  externalTrafficPolicy: 'string',
  healthCheckNodePort: 'int32',
  publishNotReadyAddresses: 'bool',
  sessionAffinityConfig: struct('SessionAffinityConfig', {
    clientIP: struct('ClientIPConfig', { timeoutSeconds: 'int32' }),
  }),
  ipFamilies: stringList,
  ipFamilyPolicy: 'string',
  allocateLoadBalancerNodePorts: 'bool',
  loadBalancerClass: 'string',
  internalTrafficPolicy: 'string',
  trafficDistribution: 'string',
})

const objectReference = struct('ObjectReference', {
  kind: 'string',
  namespace: 'string',
  name: 'string',
  uid: 'string',
  apiVersion: 'string',
  resourceVersion: 'string',
  fieldPath: 'string',
})

const endpointAddress = struct('EndpointAddress', {
  ip: 'string',
  hostname: 'string',
  nodeName: 'string',
  targetRef: objectReference,
})

const endpointSubset = struct('EndpointSubset', {
  addresses: list(endpointAddress),
  notReadyAddresses: list(endpointAddress),
  ports: list(
    struct('EndpointPort', {
      name: 'string',
      port: 'int32',
      protocol: 'string',
      appProtocol: 'string',
    }),
  ),
})

const deploymentSpec = struct(
  'DeploymentSpec',
  {
    replicas: 'int32',
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: struct(
      'DeploymentStrategy',
      {
        type: 'string',
        rollingUpdate: struct(
          'RollingUpdateDeployment',
          { maxUnavailable: 'intstr', maxSurge: 'intstr' },
          'v1',
        ),
      },
      'v1',
    ),
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    paused: 'bool',
    progressDeadlineSeconds: 'int32',
  },
  'v1',
)

const replicaSetSpec = struct('ReplicaSetSpec', {
  replicas: 'int32',
  minReadySeconds: 'int32',
  selector: labelSelector,
  template: podTemplateSpec,
})

export const KIND_SCHEMAS: Record<Kind, StructType> = {
  Pod: top('Pod', { spec: podSpec, status: 'any' }),
  Service: top('Service', { spec: serviceSpec, status: 'any' }),
  Endpoints: top('Endpoints', { subsets: list(endpointSubset) }),
  Deployment: top('Deployment', { spec: deploymentSpec, status: 'any' }),
  ReplicaSet: top('ReplicaSet', { spec: replicaSetSpec, status: 'any' }),
  Namespace: top('Namespace', {
    spec: struct('NamespaceSpec', { finalizers: stringList }),
    status: 'any',
  }),
  Node: top('Node', { spec: 'any', status: 'any' }),
  EndpointSlice: top('EndpointSlice', {
    addressType: 'string',
    endpoints: 'any',
    ports: 'any',
  }),
  ConfigMap: top('ConfigMap', { immutable: 'bool', data: stringMap, binaryData: bytesMap }),
  Secret: top('Secret', {
    immutable: 'bool',
    data: bytesMap,
    stringData: stringMap,
    type: 'string',
  }),
  Ingress: top('Ingress', { spec: ingressSpec, status: 'any' }),
  IngressClass: top('IngressClass', { spec: ingressClassSpec }),
  Event: top('Event', {
    involvedObject: objectReference,
    reason: 'string',
    message: 'string',
    source: 'any',
    firstTimestamp: 'time',
    lastTimestamp: 'time',
    count: 'int32',
    type: 'string',
    eventTime: 'any',
    series: 'any',
    action: 'string',
    related: 'any',
    reportingComponent: 'string',
    reportingInstance: 'string',
  }),
}
