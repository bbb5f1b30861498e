// kubectl's generic describer (describe.go genericDescriber, printUnstructuredContent), used for
// kinds without their own describer, such as Event: every field, sorted, with "smart" labels.

import type { KubeEvent, KubeObject } from '../../objects/types'
import { writeEvents } from './events'
import { goV } from '../printers/go-format'
import { DescribeWriter, LEVEL_0, writeAnnotations, writeLabels } from './writer'

const SKIP = [
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]

export function describeEvent(obj: KubeObject, events: KubeEvent[], now: number): string {
  const w = new DescribeWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  writeLabels(w, 'Labels', obj.metadata.labels)
  writeAnnotations(w, 'Annotations', obj.metadata.annotations)
  writeContent(w, LEVEL_0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, '')
  writeEvents(w, events, now)
  return w.toString()
}

function writeContent(
  w: DescribeWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field]
    const path = `${prefix}.${field}`
    if (SKIP.includes(path)) continue
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`)
      for (const child of value) {
        if (child !== null && typeof child === 'object')
          writeContent(w, level + 1, child as Record<string, unknown>, path)
        else w.write(level + 1, `${goV(child)}\n`)
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`)
      writeContent(w, level + 1, value as Record<string, unknown>, path)
    } else w.write(level, `${smartLabel(field)}:\t${goV(value)}\n`)
  }
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID']

/** smartLabelFor: `involvedObject` -> `Involved Object`, `apiVersion` -> `API Version`. */
function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field]
  return parts
    .map((p) =>
      ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1),
    )
    .join(' ')
}
