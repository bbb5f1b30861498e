// `kubectl get configmaps` columns (k8s pkg/printers/internalversion/printers.go printConfigMap):
// DATA counts the keys of data and binaryData together.

import type { ConfigMap } from '../../objects/config-map-types'
import { ageSince } from './duration'
import { columns, type TableDef } from './table-def'

export const CONFIGMAP_TABLE: TableDef = {
  columns: columns(['Name', 'Data', 'Age']),
  row: (obj, now) => {
    const cm = obj as ConfigMap
    const keys = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length
    return [cm.metadata.name, String(keys), ageSince(cm.metadata.creationTimestamp, now)]
  },
}
