// Server-side printing (apiserver endpoints/handlers/response.go asTable): a meta.k8s.io/v1 Table
// with the columns and cells our simulated kubectl prints (sim/kubectl/printers TABLES), all
// columns sent (kubectl hides priority 1 unless `-o wide`), each row carrying the object's
// metadata (kubectl's `-A` NAMESPACE and `--show-labels` LABELS come from it).

import type { Kind } from '../sim/objects/resources'
import type { KubeObject } from '../sim/objects/types'
import { TABLES } from '../sim/kubectl/printers/tables'

/**
 * True when the Accept header asks for a Table (kubectl get's Accept, KUBE-API-FACTS §3.1): one of
 * its media types has `as=Table` in the group meta.k8s.io. The apiserver skips an `as=Table`
 * without that group (handlers/negotiation AllowsConversion) and serves the next type it accepts;
 * we serve the object then too, where the apiserver answers 406 if no other type is acceptable.
 */
export function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((part) => /;\s*as=Table/.test(part) && /g=meta\.k8s\.io/.test(part))
}

function columnDefinitions(kind: Kind) {
  return TABLES[kind].columns.map((col, i) => ({
    name: col.name,
    type: 'string',
    format: i === 0 && col.name === 'Name' ? 'name' : '',
    description: '',
    priority: col.priority,
  }))
}

function partial(obj: KubeObject) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata }
}

function tableRow(kind: Kind, obj: KubeObject, now: number, includeObject: string) {
  const object =
    includeObject === 'None' ? undefined : includeObject === 'Object' ? obj : partial(obj)
  return { cells: TABLES[kind].row(obj, now), ...(object ? { object } : {}) }
}

/** The Table of `objs` (one object for a GET of a name, every match for a LIST). */
export function toTable(
  kind: Kind,
  objs: KubeObject[],
  o: { now: number; resourceVersion: string; includeObject?: string | null; headers?: boolean },
) {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: o.resourceVersion },
    columnDefinitions: o.headers === false ? null : columnDefinitions(kind),
    rows: objs.map((obj) => tableRow(kind, obj, o.now, o.includeObject ?? 'Metadata')),
  }
}
