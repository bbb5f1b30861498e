// How a watch event's object goes on the wire: the object itself, or (Table Accept, `kubectl get
// -w`) a one-row Table printed like the list (table.ts). The apiserver sends the column
// definitions with the first event only (handlers/response.go watchEmbeddedEncoder).

import { RESOURCES, apiVersionOf, type Kind } from '../../sim/objects/resources'
import type { KubeObject } from '../../sim/objects/types'
import { toTable } from '../table'
import type { WatchSpec } from './spec'

/** The object of one event, as the request asked for it. */
export function encodeObject(o: KubeObject, spec: WatchSpec, now: number, first: boolean): unknown {
  if (!spec.table) return o
  return toTable(spec.kind, [o], {
    now,
    resourceVersion: o.metadata.resourceVersion,
    includeObject: spec.includeObject,
    headers: first,
  })
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
