// What decoding a v1 ConfigMap does before validation: binaryData is decoded from base64 (and
// written back in Go's canonical form), a null value is the empty string, and an empty map is
// omitted (omitempty), as the stored object would be.

import { decodeBase64, encodeBase64 } from './go-base64'
import { isPlainObject } from './strict-decode'

/** ConfigMap decoding after a clean strict decode (every binaryData value is valid base64 by then). */
export function defaultConfigMap(o: Record<string, unknown>): void {
  const data: Record<string, string> = {}
  if (isPlainObject(o.data))
    for (const [k, v] of Object.entries(o.data)) data[k] = typeof v === 'string' ? v : ''
  const binary: Record<string, string> = {}
  if (isPlainObject(o.binaryData))
    for (const [k, v] of Object.entries(o.binaryData)) {
      const bytes = typeof v === 'string' ? decodeBase64(v) : new Uint8Array()
      binary[k] = 'corruptAt' in bytes ? '' : encodeBase64(bytes)
    }
  if (Object.keys(data).length > 0) o.data = data
  else delete o.data
  if (Object.keys(binary).length > 0) o.binaryData = binary
  else delete o.binaryData
  if (o.immutable === null) delete o.immutable
}
