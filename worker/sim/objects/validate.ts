// Per-kind create validation (the strategies' Validate), dispatching to the kind's rules.

import type { Deployment, Endpoints, KubeObject, Pod, ReplicaSet, Service } from './types'
import type { Kind } from './resources'
import type { FieldError } from './field-errors'
import { isDNS1123Label, isDNS1123Subdomain } from './names'
import { validateObjectMeta } from './validate-meta'
import { validateService } from './validate-service'
import { validatePodSpec } from './validate-pod'
import { validateDeployment, validateReplicaSet } from './validate-workloads'
import { validateEndpoints } from './validate-endpoints'
import type { Ingress, IngressClass } from './ingress-types'
import { validateIngress } from './validate-ingress'
import { validateIngressClass } from './validate-ingress-class'
import type { Secret } from './secret-types'
import { validateSecret } from './validate-secret'
import type { ConfigMap } from './config-map-types'
import { validateConfigMap } from './validate-config-map'

/** Strategy Validate for a new object; kinds without rules here only get ObjectMeta checks. */
export function validateObject(kind: Kind, obj: KubeObject): FieldError[] {
  switch (kind) {
    case 'Service':
      return validateService(obj as Service)
    case 'Pod': {
      const pod = obj as Pod
      return [
        ...validateObjectMeta(pod.metadata, true, isDNS1123Subdomain),
        ...validatePodSpec(pod.spec ?? { containers: [] }, 'spec'),
      ]
    }
    case 'Deployment':
      return validateDeployment(obj as Deployment)
    case 'ReplicaSet':
      return validateReplicaSet(obj as ReplicaSet)
    case 'Endpoints':
      return validateEndpoints(obj as Endpoints)
    case 'Ingress':
      return validateIngress(obj as Ingress)
    case 'IngressClass':
      return validateIngressClass(obj as IngressClass)
    case 'Secret':
      return validateSecret(obj as Secret)
    case 'ConfigMap':
      return validateConfigMap(obj as ConfigMap)
    case 'Namespace':
      return validateObjectMeta(obj.metadata, false, isDNS1123Label)
    case 'Node':
      return validateObjectMeta(obj.metadata, false, isDNS1123Subdomain)
    default:
      return validateObjectMeta(obj.metadata, true, isDNS1123Subdomain)
  }
}
