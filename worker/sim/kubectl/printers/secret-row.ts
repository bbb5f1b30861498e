// `kubectl get secrets` columns (k8s pkg/printers/internalversion/printers.go printSecret).

import type { Secret } from '../../objects/secret-types'
import { ageSince } from './duration'
import { columns, type TableDef } from './table-def'

export const SECRET_TABLE: TableDef = {
  columns: columns(['Name', 'Type', 'Data', 'Age']),
  row: (obj, now) => {
    const secret = obj as Secret
    return [
      secret.metadata.name,
      secret.type ?? '',
      String(Object.keys(secret.data ?? {}).length),
      ageSince(secret.metadata.creationTimestamp, now),
    ]
  },
}
