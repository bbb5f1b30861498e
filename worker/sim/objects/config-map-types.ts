// core/v1 ConfigMap, field names exactly as k8s.io/api core/v1 types.go.
import type { KubeObject } from './types'

/** A stored ConfigMap: `data` values are text, `binaryData` values base64 (the JSON of []byte). */
export interface ConfigMap extends KubeObject {
  kind: 'ConfigMap'
  data?: Record<string, string>
  binaryData?: Record<string, string>
  immutable?: boolean
}
