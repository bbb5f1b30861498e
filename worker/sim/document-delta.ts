// A cluster document stored as a base and a delta: the objects written since the base, the keys
// removed since, and the small top of the document (rng, rv, runtime). A command that changes a
// few objects then stores those objects only, as JSON, instead of serialising and compressing the
// whole ~100 KB document again; the platform folds the delta into a new base when it grows
// (worker/db/state-codec.ts). Pure: text in, text out.
//
// Objects keep their insertion order (the document's JSON is JSON.stringify's, byte for byte): a
// key removed or removed-and-made-again since the base is listed under `del` and, if present, put
// again at the end, as the live document has it.

import type { KubeObject } from './objects/types'
import { objectJSON } from './serialize'
import type { ClusterState } from './state'

/** What a delta is taken against: the base document's object keys and their resourceVersions. */
export interface DeltaBase {
  /** key -> position in the base and the resourceVersion stored there */
  readonly objects: ReadonlyMap<string, { at: number; rv: string | undefined }>
}

interface Delta {
  del: string[]
  put: Record<string, KubeObject>
  top: Record<string, unknown>
}

export function deltaBase(s: ClusterState): DeltaBase {
  const objects = new Map<string, { at: number; rv: string | undefined }>()
  let at = 0
  for (const key in s.objects) {
    const o = s.objects[key]
    if (o !== undefined) objects.set(key, { at: at++, rv: o.metadata?.resourceVersion })
  }
  return { objects }
}

/** The JSON of everything in the document but its objects (a delta's `top`). */
export function topJSON(s: ClusterState): string {
  const top: string[] = []
  const doc = s as unknown as Record<string, unknown>
  for (const k in doc)
    if (k !== 'objects' && doc[k] !== undefined)
      top.push(`${JSON.stringify(k)}:${JSON.stringify(doc[k])}`)
  return `{${top.join(',')}}`
}

/**
 * The delta that turns the base into `s`, as JSON; null when `s` is the base (its top being
 * `baseTop`, the base's topJSON). An object whose resourceVersion is the base's
 * is the base's (every change goes through putObject, which gives a new one: the rule serialize.ts
 * relies on too); an object without one is always put.
 */
export function deltaJSON(s: ClusterState, base: DeltaBase, baseTop: string): string | null {
  const live = Object.entries(s.objects).filter((e): e is [string, KubeObject] => !!e[1])
  // the longest run of base keys still in base order: those stay where they are
  let kept = 0
  let last = -1
  for (const [key] of live) {
    const at = base.objects.get(key)?.at
    if (at === undefined || at <= last) break
    last = at
    kept += 1
  }
  const stay = new Set(live.slice(0, kept).map(([key]) => key))
  const del: string[] = []
  for (const key of base.objects.keys()) if (!stay.has(key)) del.push(key)
  const put: string[] = []
  live.forEach(([key, o], i) => {
    const rv = o.metadata?.resourceVersion
    if (i < kept && rv !== undefined && base.objects.get(key)?.rv === rv) return
    put.push(`${JSON.stringify(key)}:${objectJSON(o)}`)
  })
  const top = topJSON(s)
  if (del.length === 0 && put.length === 0 && top === baseTop) return null
  return `{"del":${JSON.stringify(del)},"put":{${put.join(',')}},"top":${top}}`
}

/** Applies a delta (deltaJSON's) to the parsed base, in place; answers the document. */
export function applyDelta(base: ClusterState, json: string): ClusterState {
  const d = JSON.parse(json) as Delta
  for (const key of d.del) delete base.objects[key]
  for (const [key, o] of Object.entries(d.put)) base.objects[key] = o
  const doc = base as unknown as Record<string, unknown>
  for (const k in doc) if (k !== 'objects' && !(k in d.top)) delete doc[k]
  for (const k in d.top) doc[k] = d.top[k]
  return base
}
