// How a watch event's object goes on the wire: the object itself, or (Table Accept, `kubectl get
// -w`) a one-row Table printed with the same row functions as our kubectl. The apiserver sends the
// column definitions with the first event only (handlers/response.go watchEmbeddedEncoder).

import { RESOURCES, apiVersionOf, type Kind } from '../../sim/objects/resources'
import type { KubeObject } from '../../sim/objects/types'
import { TABLES } from '../../sim/kubectl/printers/tables'
import type { WatchSpec } from './spec'

const DESCRIPTIONS: Record<string, string> = {
  Name: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  Age: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
}

export function columnDefinitions(kind: Kind) {
  return TABLES[kind].columns.map((c) => ({
    name: c.name,
    type: 'string',
    format: c.name === 'Name' ? 'name' : '',
    description: DESCRIPTIONS[c.name] ?? '',
    priority: c.priority,
  }))
}

/** PartialObjectMetadata: what kubectl reads for -A's NAMESPACE and --show-labels. */
export function partialObject(o: KubeObject) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }
}

function rowObject(o: KubeObject, spec: WatchSpec): unknown {
  if (spec.includeObject === 'Object') return o
  if (spec.includeObject === 'None') return undefined
  return partialObject(o)
}

/** The object of one event, as the request asked for it. */
export function encodeObject(o: KubeObject, spec: WatchSpec, now: number, first: boolean): unknown {
  if (!spec.table) return o
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: o.metadata.resourceVersion },
    columnDefinitions: first ? columnDefinitions(spec.kind) : null,
    rows: [{ cells: TABLES[spec.kind].row(o, now), object: rowObject(o, spec) }],
  }
}

/** A BOOKMARK's object: only the kind and the version the watch has reached. */
export function bookmarkObject(kind: Kind, resourceVersion: string, initialEventsEnd: boolean) {
  const metadata: Record<string, unknown> = { resourceVersion }
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' }
  return { kind: RESOURCES[kind].kind, apiVersion: apiVersionOf(kind), metadata }
}

/** One line of the stream: `{"type":...,"object":...}\n`. */
export function eventLine(type: string, object: unknown): string {
  return `${JSON.stringify({ type, object })}\n`
}
