// `kubectl get deployments|replicasets` columns (k8s printers.go printDeployment, printReplicaSet).

import type { Container, Deployment, KubeObject, ReplicaSet } from '../../objects/types'
import { ageSince } from './duration'
import { formatLabelSelector, selectorString } from './labels'
import { columns, type TableDef } from './table-def'

/** CONTAINERS and IMAGES cells: names and images comma-joined (layoutContainerCells). */
export function containerCells(containers: Container[] | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name).join(','), list.map((c) => c.image).join(',')]
}

export const DEPLOYMENT_TABLE: TableDef = {
  columns: columns(
    ['Name', 'Ready', 'Up-to-date', 'Available', 'Age'],
    ['Containers', 'Images', 'Selector'],
  ),
  row: (obj: KubeObject, now: number) => {
    const d = obj as Deployment
    const st = d.status ?? {}
    const [names, images] = containerCells(d.spec?.template?.spec?.containers)
    return [
      d.metadata.name,
      `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      ageSince(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorString(d.spec?.selector),
    ]
  },
}

export const REPLICASET_TABLE: TableDef = {
  columns: columns(
    ['Name', 'Desired', 'Current', 'Ready', 'Age'],
    ['Containers', 'Images', 'Selector'],
  ),
  row: (obj: KubeObject, now: number) => {
    const rs = obj as ReplicaSet
    const st = rs.status ?? { replicas: 0 }
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers)
    return [
      rs.metadata.name,
      String(rs.spec?.replicas ?? 0),
      String(st.replicas ?? 0),
      String(st.readyReplicas ?? 0),
      ageSince(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ]
  },
}
