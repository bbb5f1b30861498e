// `kubectl describe secret` (kubectl describe.go SecretDescriber/describeSecret): metadata, type
// and the size of each value, never the value itself (but a service-account token's). Go ranges
// over the data map in random order; here keys are sorted.

import type { Secret } from '../../objects/secret-types'
import { decodeBase64 } from '../../objects/go-base64'
import { textOfBytes } from '../../shell/bytes'
import { DescribeWriter, LEVEL_0, writeAnnotations, writeLabels } from './writer'

export function describeSecret(secret: Secret): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${secret.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', secret.metadata.labels)
  writeAnnotations(w, 'Annotations', secret.metadata.annotations)
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`)
  w.write(LEVEL_0, '\nData\n====\n')
  for (const key of Object.keys(secret.data ?? {}).sort()) {
    const decoded = decodeBase64(secret.data?.[key] ?? '')
    const bytes = 'corruptAt' in decoded ? new Uint8Array() : decoded
    if (key === 'token' && secret.type === 'kubernetes.io/service-account-token')
      w.write(LEVEL_0, `${key}:\t${textOfBytes(bytes)}\n`)
    else w.write(LEVEL_0, `${key}:\t${bytes.length} bytes\n`)
  }
  return w.toString()
}
