// A cluster document stored as a base and a delta: the objects written since the base, the keys
// removed since, and the small top of the document (rng, rv, runtime). A command that changes a
// few objects then stores those objects only, as JSON, instead of serialising and compressing the
// whole ~100 KB document again; the platform folds the delta into a new base when it grows
// (worker/db/state-codec.ts). Pure: text in, text out.
//
// Objects keep their insertion order (the document's JSON is JSON.stringify's, byte for byte): a
// key removed or removed-and-made-again since the base is listed under `del` and, if present, put
// again at the end, as the live document has it. Container logs (up to 200 lines each, the one
// large part of the top) are written as `null` while they are still the base's, and as the lines
// appended since (`{drop, add}`: the base's lines without the first `drop`, then `add`) while the
// log is the base's array appended to (log-stamps.ts); a log replaced since is written whole.

import { topJSON, type BaseLog } from './delta-top'
import { logStamp } from './log-stamps'
import type { KubeObject } from './objects/types'
import { keyedJSON, unchangedSince, type SizedJSON, type Utf8Bytes } from './serialize'
import type { ClusterState } from './state'

export { topJSON }

/** What a delta is taken against: the base document's object keys and their resourceVersions. */
export interface DeltaBase {
  /**
   * names the stored base (a hash of its stored bytes, given by the platform); a delta carries it,
   * and one found over another base is ignored: a writer that knows no deltas (an older version of
   * the platform during a deploy) rewrote the whole document and left the column as it was
   */
  readonly id: string
  /** key -> position in the base and the resourceVersion stored there */
  readonly objects: ReadonlyMap<string, { at: number; rv: string | undefined }>
  /** the base's keys in order (at -> key) */
  readonly keys: readonly string[]
  /** container key -> the log array the base holds, and its stamp then */
  readonly logs: ReadonlyMap<string, BaseLog>
}

/** A container log in a delta: the base's (null), the base's appended to, or a new one. */
type LogDelta = null | { drop: number; add: string[] } | string[]

interface Delta {
  base: string
  del: string[]
  put: Record<string, KubeObject>
  top: Record<string, unknown>
}

export function deltaBase(s: ClusterState, id: string): DeltaBase {
  const objects = new Map<string, { at: number; rv: string | undefined }>()
  const keys: string[] = []
  for (const key in s.objects) {
    const o = s.objects[key]
    if (o !== undefined)
      objects.set(key, { at: keys.push(key) - 1, rv: o.metadata?.resourceVersion })
  }
  const logs = new Map<string, BaseLog>()
  for (const [key, rt] of Object.entries(s.runtime.containers))
    logs.set(key, { lines: rt.logs, stamp: logStamp(rt.logs), length: rt.logs.length })
  return { id, objects, keys, logs }
}

/**
 * The delta that turns the base into `s`, as JSON; null when `s` is the base (its top being
 * `baseTop`, the base's topJSON). An object at the base's resourceVersion is the base's (every
 * change goes through putObject, which gives a new one), unless it was edited in place since
 * (serialize.ts unchangedSince); an object without one is always put.
 */
export function deltaJSON(s: ClusterState, base: DeltaBase, baseTop: string): string | null {
  return sizedDeltaJSON(s, base, baseTop, notCounted)?.json ?? null
}

const notCounted: Utf8Bytes = () => 0

/**
 * deltaJSON with its UTF-8 length (`utf8Bytes` measures a string), summed from its parts, the
 * objects' kept with their JSON: the platform pads the delta to a length in bytes, and measuring
 * the whole delta would first copy its parts into one string, which the database copies again.
 */
export function sizedDeltaJSON(
  s: ClusterState,
  base: DeltaBase,
  baseTop: string,
  utf8Bytes: Utf8Bytes,
): SizedJSON | null {
  // the longest run of base keys still in base order stays where it is; keptAt: their positions
  const keptAt: number[] = []
  let last = -1
  let inOrder = true
  let put = ''
  let bytes = 0
  for (const key in s.objects) {
    const o = s.objects[key]
    if (o === undefined) continue
    const was = inOrder ? base.objects.get(key) : undefined
    if (was === undefined || was.at <= last) inOrder = false
    else {
      last = was.at
      keptAt.push(last)
      if (unchangedSince(o, was.rv)) continue
    }
    const member = keyedJSON(key, o, utf8Bytes)
    put += (put === '' ? '' : ',') + member.json
    bytes += member.bytes + 1
  }
  const del = keptAt.length === base.keys.length ? '[]' : JSON.stringify(removedSince(base, keptAt))
  const top = topJSON(s, base)
  if (del === '[]' && put === '' && top === baseTop) return null
  const head = `{"base":${JSON.stringify(base.id)},"del":${del},"put":{`
  const json = `${head}${put}},"top":${top}}`
  // `bytes` counted a comma after each member: one too many, unless there are none
  return { json, bytes: utf8Bytes(head) + bytes - (put === '' ? 0 : 1) + utf8Bytes(top) + 9 }
}

/**
 * The delta that changes nothing: the base itself, as a delta (what a row may hold in place of
 * none, to keep its size: worker/db/delta-room.ts).
 */
export function emptyDeltaJSON(base: DeltaBase, baseTop: string): string {
  return `{"base":${JSON.stringify(base.id)},"del":[],"put":{},"top":${baseTop}}`
}

/** The base's keys but those kept in place (`keptAt`: their positions in the base, ascending). */
function removedSince(base: DeltaBase, keptAt: readonly number[]): string[] {
  const del: string[] = []
  let next = 0
  for (let at = 0; at < base.keys.length; at++)
    if (keptAt[next] === at) next += 1
    else del.push(base.keys[at] as string)
  return del
}

/**
 * Applies a delta (deltaJSON's) to the parsed base named `id`, in place; answers the document, or
 * undefined (the base untouched) when the delta was taken over another base.
 */
export function applyDelta(base: ClusterState, json: string, id: string): ClusterState | undefined {
  const d = JSON.parse(json) as Delta
  if (d.base !== id) return undefined
  const baseContainers = base.runtime.containers
  for (const key of d.del) delete base.objects[key]
  for (const [key, o] of Object.entries(d.put)) base.objects[key] = o
  const doc = base as unknown as Record<string, unknown>
  for (const k in doc) if (k !== 'objects' && !(k in d.top)) delete doc[k]
  for (const k in d.top) doc[k] = d.top[k]
  // a log still the base's is the base's array (the same identity: deltas over it stay small)
  for (const [key, rt] of Object.entries(base.runtime.containers)) {
    const logs = rt.logs as LogDelta
    if (Array.isArray(logs)) continue
    const lines = baseContainers[key]?.logs
    if (!lines) throw new Error(`document delta: no base log for container ${key}`)
    rt.logs = logs === null ? lines : lines.slice(logs.drop).concat(logs.add)
  }
  return base
}
