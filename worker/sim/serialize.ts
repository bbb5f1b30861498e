// The cluster document's JSON, as JSON.stringify writes it, without re-serialising the objects
// that have not changed since their JSON was last written: most of a command's document is the
// same objects as before it (the platform keeps parsed documents between commands).

import type { KubeObject } from './objects/types'
import type { ClusterState } from './state'

/**
 * Each object's JSON, by identity, with the resourceVersion it was written at. Every change to an
 * object goes through putObject, which gives it a new resourceVersion (the rule documentChanged
 * relies on too, checked in every test by check mode): the same object at the same version has
 * the same JSON.
 */
const OBJECT_JSON = new WeakMap<KubeObject, KeptJSON>()

interface KeptJSON {
  rv: string | undefined
  json: string
  /** `"key":json` as a JSON object's member, once asked for: the key, and how it was measured */
  member?: SizedJSON & { key: string; measure: Utf8Bytes }
}

/** A string's UTF-8 length (Buffer.byteLength on Node). */
export type Utf8Bytes = (text: string) => number

/** Some JSON text and its UTF-8 length. */
export interface SizedJSON {
  json: string
  bytes: number
}

export function objectJSON(o: KubeObject): string {
  return keptJSON(o)?.json ?? JSON.stringify(o)
}

/** The object's JSON with its rv, kept; undefined for an object without a resourceVersion. */
function keptJSON(o: KubeObject): KeptJSON | undefined {
  const rv = o.metadata?.resourceVersion
  if (rv === undefined) return undefined
  let kept = OBJECT_JSON.get(o)
  if (kept === undefined || kept.rv !== rv)
    OBJECT_JSON.set(o, (kept = { rv, json: JSON.stringify(o) }))
  return kept
}

/**
 * `"key":` and the object's JSON (objectJSON), as a member of a JSON object, with its UTF-8 length
 * (`utf8Bytes`, given by the platform: sim/ has no encoder); kept with the object's JSON.
 */
export function keyedJSON(key: string, o: KubeObject, utf8Bytes: Utf8Bytes): SizedJSON {
  const kept = keptJSON(o)
  const was = kept?.member
  if (was !== undefined && was.key === key && was.measure === utf8Bytes) return was
  const json = `${JSON.stringify(key)}:${kept?.json ?? JSON.stringify(o)}`
  const member = { key, measure: utf8Bytes, json, bytes: utf8Bytes(json) }
  if (kept) kept.member = member
  return member
}

/** Objects edited in place with their resourceVersion kept: never taken as unchanged since. */
const EDITED_IN_PLACE = new WeakSet<KubeObject>()

/** Forgets an object's JSON: for the rare edit in place that keeps its resourceVersion. */
export function forgetObjectJSON(o: KubeObject): void {
  OBJECT_JSON.delete(o)
  EDITED_IN_PLACE.add(o)
}

/**
 * Whether `o` is what was stored when it had resourceVersion `storedRv` (the rule above: same
 * object at the same version, unless it was edited in place since).
 */
export function unchangedSince(o: KubeObject, storedRv: string | undefined): boolean {
  const rv = o.metadata?.resourceVersion
  return rv !== undefined && rv === storedRv && !EDITED_IN_PLACE.has(o)
}

/** JSON.stringify(s), byte for byte; with `verify` compared with it, and a mismatch throws. */
export function serializeDocument(s: ClusterState, verify = false): string {
  const top = s as unknown as Record<string, unknown>
  let out = '{'
  for (const k in top) {
    const v = top[k]
    if (v === undefined) continue
    if (out.length > 1) out += ','
    out += `${JSON.stringify(k)}:${k === 'objects' ? objectsJSON(s.objects) : JSON.stringify(v)}`
  }
  out += '}'
  if (verify && out !== JSON.stringify(s))
    throw new Error('serializeDocument: an object changed without a new resourceVersion')
  return out
}

function objectsJSON(objects: Record<string, KubeObject>): string {
  const parts: string[] = []
  for (const key in objects) {
    const o = objects[key]
    if (o !== undefined) parts.push(`${JSON.stringify(key)}:${objectJSON(o)}`)
  }
  return `{${parts.join(',')}}`
}
