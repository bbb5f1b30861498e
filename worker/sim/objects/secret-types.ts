// core/v1 Secret, field names exactly as k8s.io/api core/v1 types.go.
import type { KubeObject } from './types'

/**
 * A stored Secret: `data` values are base64 (the JSON form of []byte); `stringData` is write-only
 * and never stored (merged into data when decoded); `type` is defaulted to Opaque.
 */
export interface Secret extends KubeObject {
  kind: 'Secret'
  data?: Record<string, string>
  type?: string
  immutable?: boolean
}

export const SECRET_TYPE_OPAQUE = 'Opaque'
export const SECRET_TYPE_TLS = 'kubernetes.io/tls'
