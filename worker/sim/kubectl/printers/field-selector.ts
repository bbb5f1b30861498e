// `--field-selector`: the fields each kind supports on the API server (k8s pkg/apis/core/v1
// conversion.go AddFieldLabelConversionFunc, apimachinery DefaultMetaV1FieldSelectorConversion).

import type { Kind } from '../../objects/resources'
import type { KubeObject } from '../../objects/types'

export interface FieldRequirement {
  field: string
  value: string
  negate: boolean
}

const POD_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.podIPs',
  'status.nominatedNodeName',
]
const EVENT_FIELDS = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
  'metadata.namespace',
  'metadata.name',
]

const SUPPORTED: Partial<Record<Kind, string[]>> = {
  Pod: POD_FIELDS,
  Event: EVENT_FIELDS,
  Node: ['metadata.name', 'spec.unschedulable'],
  Namespace: ['status.phase', 'metadata.name'],
  Service: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
}

/** fields.ParseSelector: `a=b,c!=d`, `==` allowed; backslash escapes are left out. */
export function parseFieldSelector(
  text: string,
): { requirements: FieldRequirement[] } | { error: string } {
  const requirements: FieldRequirement[] = []
  for (const term of text.split(',')) {
    if (term === '') continue
    const m = /^(.*?)(!=|==|=)(.*)$/.exec(term)
    if (!m) return { error: `invalid selector: '${text}'; can't understand '${term}'` }
    requirements.push({ field: m[1] ?? '', value: m[3] ?? '', negate: m[2] === '!=' })
  }
  return { requirements }
}

/** The server's message for a field the kind does not index, or undefined when all are fine. */
export function unsupportedField(kind: Kind, reqs: FieldRequirement[]): string | undefined {
  const supported = SUPPORTED[kind]
  for (const r of reqs) {
    if (supported) {
      if (!supported.includes(r.field)) return `field label not supported: ${r.field}`
    } else if (r.field !== 'metadata.name' && r.field !== 'metadata.namespace') {
      return `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`
    }
  }
  return undefined
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) !== r.negate)
}

function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'metadata.name') return obj.metadata.name
  if (field === 'metadata.namespace') return obj.metadata.namespace ?? ''
  if (field === 'source') return String(dig(obj, 'source.component') ?? '')
  if (field === 'status.podIPs') {
    const ips = (dig(obj, 'status.podIPs') as { ip: string }[] | undefined) ?? []
    return ips[0]?.ip ?? ''
  }
  const v = dig(obj, field)
  if (v === undefined || v === null)
    return field === 'spec.hostNetwork' || field === 'spec.unschedulable' ? 'false' : ''
  return String(v)
}

function dig(obj: unknown, path: string): unknown {
  let cur: unknown = obj
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[p]
  }
  return cur
}
