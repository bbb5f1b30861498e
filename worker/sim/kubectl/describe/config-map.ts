// `kubectl describe configmap` (kubectl describe.go ConfigMapDescriber/describeConfigMap): each
// data value in full under its `key:` and `----`, then a blank line, each binaryData value as a byte count, then the
// events. Go ranges over the maps in random order; here keys are sorted.

import type { ConfigMap } from '../../objects/config-map-types'
import type { KubeEvent } from '../../objects/types'
import { decodeBase64 } from '../../objects/go-base64'
import { writeEvents } from './events'
import { DescribeWriter, LEVEL_0, writeAnnotations, writeLabels } from './writer'

export function describeConfigMap(cm: ConfigMap, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', cm.metadata.labels)
  writeAnnotations(w, 'Annotations', cm.metadata.annotations)
  w.write(LEVEL_0, '\nData\n====\n')
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${key}:\n----\n`)
    w.write(LEVEL_0, `${cm.data?.[key] ?? ''}\n`)
    w.write(LEVEL_0, '\n')
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n')
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) {
    const bytes = decodeBase64(cm.binaryData?.[key] ?? '')
    w.write(LEVEL_0, `${key}: ${'corruptAt' in bytes ? 0 : bytes.length} bytes\n`)
  }
  w.write(LEVEL_0, '\n')
  writeEvents(w, events, now)
  return w.toString()
}
