// Which stored Deployments are known to be in decoded form and valid ("certified"), for the scale
// subresource's update (scale-update.ts): decoding and validating such an object again gives it
// back unchanged and no error. Found out once per object by doing exactly that; kept while
// only what controllers write in place (status, annotations, resourceVersion) changes, those
// being checked again alone.

import type { KubeObject } from './types'
import { decodeObject } from './decode'
import { decodesCleanlyAt, isPlainObject } from './strict-decode'
import { validateObject } from './validate'
import { isQualifiedName } from './names'
import { sameJSON } from '../controllers/util'

/**
 * A certified Deployment's parts as they were when it was certified: its spec by reference, its
 * metadata's entries (but resourceVersion and annotations) and top-level keys. Controllers write
 * a Deployment in place (status, the revision annotation, resourceVersion), so those are checked
 * again when they changed; any other change (nothing writes spec or the rest of metadata in
 * place: API writes make a new object) makes it uncertified.
 */
interface Certified {
  keys: string[]
  spec: unknown
  meta: [string, unknown][]
  annotations: unknown
  status: unknown
}

const CERTIFIED = new WeakMap<KubeObject, Certified>()

const UNCHECKED_META = new Set(['resourceVersion', 'annotations'])

function snapshot(d: KubeObject): Certified {
  const meta: [string, unknown][] = []
  for (const k in d.metadata)
    if (!UNCHECKED_META.has(k))
      meta.push([k, (d.metadata as unknown as Record<string, unknown>)[k]])
  return {
    keys: Object.keys(d),
    spec: d.spec,
    meta,
    annotations: d.metadata.annotations,
    status: d.status,
  }
}

function sameKeys(a: string[], o: object): boolean {
  let i = 0
  for (const k in o) if (a[i++] !== k) return false
  return i === a.length
}

function sameMeta(c: Certified, d: KubeObject): boolean {
  const m = d.metadata as unknown as Record<string, unknown>
  let n = 0
  for (const k in m) if (!UNCHECKED_META.has(k)) n++
  if (n !== c.meta.length) return false
  for (const [k, v] of c.meta) if (m[k] !== v) return false
  return true
}

/**
 * The decoder's and ValidateObjectMeta's view of annotations alone (a map of strings, keys
 * qualified names); keys the certified annotations had were checked then.
 */
function validAnnotations(a: unknown, certified: unknown): boolean {
  if (a === undefined || a === null) return true
  if (!isPlainObject(a)) return false
  const known = isPlainObject(certified) ? certified : {}
  for (const k in a) {
    const v = a[k]
    if (v !== null && typeof v !== 'string') return false
    if (!Object.hasOwn(known, k) && isQualifiedName(k.toLowerCase()).length > 0) return false
  }
  return true
}

/** Whether decoding and validating the stored Deployment `d` again would give back `d` and no error. */
export function isCertified(d: KubeObject, now: number): boolean {
  const c = CERTIFIED.get(d)
  if (!c) {
    const decoded = decodeObject(d, { now, namespace: d.metadata.namespace })
    if ('error' in decoded || !sameJSON(decoded.obj, d)) return false
    if (validateObject('Deployment', d).length > 0) return false
  } else {
    if (c.spec !== d.spec || !sameKeys(c.keys, d) || !sameMeta(c, d)) return false
    const annotations = d.metadata.annotations
    if (c.annotations !== annotations && !validAnnotations(annotations, c.annotations)) return false
    if (c.status !== d.status && !decodesCleanlyAt('Deployment', ['status'], d.status)) return false
  }
  CERTIFIED.set(d, snapshot(d))
  return true
}

/**
 * Records `d` as certified: the certified path's own result (a certified object with another
 * replicas count, an int32 >= 0, a new generation and a copy of its status: all of which decode
 * and validate as before).
 */
export function certify(d: KubeObject): void {
  CERTIFIED.set(d, snapshot(d))
}
