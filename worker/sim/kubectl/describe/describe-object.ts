// Picks the describer for a kind and gathers what it reads besides the object (events, slices,
// pods, replica sets), as each kubectl describer queries the API server.

import type {
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
} from '../../objects/types'
import { listObjects, type ClusterState } from '../../state'
import { describeNamespace, describeNode } from './cluster'
import { eventsFor } from './events'
import { describePod } from './pod'
import { describeEndpoints, describeService } from './service'
import { describeDeployment, describeReplicaSet } from './workloads'
import { describeEndpointSlice } from './endpoint-slice'
import { describeEvent } from './event'
import { describeIngress, describeIngressClass } from './ingress'
import type { Ingress, IngressClass } from '../../objects/ingress-types'
import type { Secret } from '../../objects/secret-types'
import { describeSecret } from './secret'
import type { ConfigMap } from '../../objects/config-map-types'
import { describeConfigMap } from './config-map'

/** The describe text for one object. */
export function describeObject(s: ClusterState, obj: KubeObject, now: number): string {
  const ns = obj.metadata.namespace
  switch (obj.kind) {
    case 'Pod':
      // describe pod searches events without a kind (describe.go PodDescriber: ref.Kind = "")
      return describePod(obj as Pod, eventsFor(s, obj, { matchKind: false }), now)
    case 'Service': {
      const slices = listObjects<EndpointSlice>(s, 'EndpointSlice', ns).filter(
        (e) => e.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name,
      )
      return describeService(obj as Service, slices, eventsFor(s, obj), now)
    }
    case 'Endpoints':
      return describeEndpoints(obj as Endpoints, eventsFor(s, obj), now)
    case 'EndpointSlice':
      return describeEndpointSlice(obj as EndpointSlice, eventsFor(s, obj), now)
    case 'Deployment':
      return describeDeployment(
        obj as Deployment,
        listObjects<ReplicaSet>(s, 'ReplicaSet', ns),
        eventsFor(s, obj),
        now,
      )
    case 'ReplicaSet':
      return describeReplicaSet(
        obj as ReplicaSet,
        listObjects<Pod>(s, 'Pod', ns),
        eventsFor(s, obj),
        now,
      )
    case 'Node':
      return describeNode(obj as Node, listObjects<Pod>(s, 'Pod'), eventsFor(s, obj), now)
    case 'Namespace':
      return describeNamespace(obj as Namespace)
    case 'Ingress':
      return describeIngress(s, obj as Ingress, eventsFor(s, obj), now)
    case 'IngressClass':
      return describeIngressClass(obj as IngressClass, eventsFor(s, obj), now)
    case 'Secret':
      return describeSecret(obj as Secret)
    case 'ConfigMap':
      return describeConfigMap(obj as ConfigMap, eventsFor(s, obj), now)
    default:
      return describeEvent(obj, eventsFor(s, obj), now)
  }
}
