// What decoding a v1 Secret does before validation (k8s pkg/apis/core/v1 conversion.go
// Convert_v1_Secret_To_core_Secret, defaults.go SetDefaults_Secret): data is decoded from base64
// (and written back in Go's canonical form), stringData overwrites data key by key and is dropped
// (the internal type has no such field, so it is never stored or returned), type defaults to Opaque.

import { decodeBase64, encodeBase64 } from './go-base64'
import { isPlainObject } from './strict-decode'
import { SECRET_TYPE_OPAQUE } from './secret-types'

/** Secret decoding after a clean strict decode (every data value is valid base64 by then). */
export function defaultSecret(o: Record<string, unknown>): void {
  const data: Record<string, string> = {}
  if (isPlainObject(o.data))
    for (const [k, v] of Object.entries(o.data)) {
      const bytes = typeof v === 'string' ? decodeBase64(v) : new Uint8Array()
      data[k] = 'corruptAt' in bytes ? '' : encodeBase64(bytes)
    }
  if (isPlainObject(o.stringData))
    for (const [k, v] of Object.entries(o.stringData))
      data[k] = encodeBase64(new TextEncoder().encode(typeof v === 'string' ? v : ''))
  delete o.stringData
  // an empty map is omitted (omitempty), as the stored object would be
  if (Object.keys(data).length > 0) o.data = data
  else delete o.data
  if (typeof o.type !== 'string' || o.type === '') o.type = SECRET_TYPE_OPAQUE
  if (o.immutable === null) delete o.immutable
}
