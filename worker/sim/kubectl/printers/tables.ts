// Which server-side Table each kind prints as, and the `kind[.group]` prefix kubectl puts before
// names (`pod/web`, `deployment.apps/web`) when several kinds share one output.

import { RESOURCES, type Kind } from '../../objects/resources'
import { ENDPOINTSLICE_TABLE, ENDPOINTS_TABLE, SERVICE_TABLE } from './service-row'
import { DEPLOYMENT_TABLE, REPLICASET_TABLE } from './workload-row'
import { EVENT_TABLE, NAMESPACE_TABLE, NODE_TABLE } from './cluster-row'
import { POD_TABLE } from './pod-row'
import { INGRESSCLASS_TABLE, INGRESS_TABLE } from './ingress-row'
import { SECRET_TABLE } from './secret-row'
import { CONFIGMAP_TABLE } from './config-map-row'
import type { TableDef } from './table-def'

export const TABLES: Record<Kind, TableDef> = {
  Pod: POD_TABLE,
  Service: SERVICE_TABLE,
  Endpoints: ENDPOINTS_TABLE,
  EndpointSlice: ENDPOINTSLICE_TABLE,
  Deployment: DEPLOYMENT_TABLE,
  ReplicaSet: REPLICASET_TABLE,
  Node: NODE_TABLE,
  Namespace: NAMESPACE_TABLE,
  Event: EVENT_TABLE,
  Ingress: INGRESS_TABLE,
  IngressClass: INGRESSCLASS_TABLE,
  Secret: SECRET_TABLE,
  ConfigMap: CONFIGMAP_TABLE,
}

/** GroupKind.String() lower-cased: `pod`, `service`, `deployment.apps`, `endpointslice.discovery.k8s.io`. */
export function kindPrefix(kind: Kind | string): string {
  const r = RESOURCES[kind as Kind]
  const group = r?.group ?? ''
  return group ? `${kind.toLowerCase()}.${group}` : kind.toLowerCase()
}
