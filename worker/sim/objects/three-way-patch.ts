// The patch kubectl apply sends (apimachinery strategicpatch CreateThreeWayMergePatch, with
// kubectl's compiled-in struct tags): the changes and additions from the live object to the new
// manifest, plus the deletions from the last applied manifest to the new one. Lists tagged `merge`
// (patch-strategic-meta.ts, looked up by path as the apiserver does) are diffed item by item
// (three-way-lists.ts); other lists and scalars are replaced whole when they differ.
// kubectl's diff errors (an item without its merge key, such as a container without a name; a
// `merge` list mixing types or holding lists) are returned as kubectl prints them.

import { isPlainObject } from './strict-decode'
import { sameJSONUnordered } from './json-equal'
import { patchMetaOf } from '../kubectl/patch-strategic-meta'
import { diffLists, type Pass } from './three-way-lists'
import { goKind, ownValue, setOwn } from '../kubectl/patch-strategic-values'

type Obj = Record<string, unknown>

const ORDER = '$setElementOrder/'
const DELETE_FROM = '$deleteFromPrimitiveList/'

export type ThreeWayPatch = { ok: true; patch: Obj } | { ok: false; error: string }

/**
 * The strategic merge patch kubectl apply sends (`{}`: none, kubectl prints `unchanged`), or the
 * error kubectl's diff stops at (mergepatch.ErrNoMergeKey's text).
 */
export function threeWayMergePatch(
  original: Obj | undefined,
  modified: Obj,
  current: Obj,
): ThreeWayPatch {
  const pass: Pass = { deletions: false }
  const delta = diffMaps(current, modified, [], pass)
  if (pass.error) return { ok: false, error: pass.error }
  const removing: Pass = { deletions: true }
  const deletions = diffMaps(original ?? {}, modified, [], removing)
  if (removing.error) return { ok: false, error: removing.error }
  return { ok: true, patch: combine(deletions, delta, []) }
}

/**
 * diffMaps: `delta` is the changes and additions from `a` (the live object) to `m`, `deletions`
 * the fields and items `a` (the last applied manifest) has and `m` dropped.
 */
export function diffMaps(a: Obj, m: Obj, path: string[], pass: Pass, retainKeys = false): Obj {
  const patch: Obj = {}
  const retained: string[] = []
  for (const [k, mv] of Object.entries(m)) {
    if (retainKeys && mv !== null) retained.push(k)
    const av = ownValue(a, k)
    if (!Object.hasOwn(a, k) || goKind(av) !== goKind(mv)) {
      if (!pass.deletions) setOwn(patch, k, mv)
      continue
    }
    const at = [...path, k]
    if (isPlainObject(av) && isPlainObject(mv)) {
      const sub = diffMaps(av, mv, at, pass, patchMetaOf(at).retainKeys)
      if (Object.keys(sub).length > 0) setOwn(patch, k, sub)
    } else if (Array.isArray(av) && Array.isArray(mv)) diffSlice(patch, k, av, mv, at, pass)
    else if (!pass.deletions && !sameJSONUnordered(av, mv)) setOwn(patch, k, mv)
  }
  if (pass.deletions)
    for (const k of Object.keys(a)) if (!Object.hasOwn(m, k)) setOwn(patch, k, null)
  // the server keeps only the listed fields, so the directive goes out only when needed
  if (retained.length > 0 && (Object.keys(patch).length > 0 || hasDroppedField(a, m)))
    patch.$retainKeys = retained.sort()
  return patch
}

/** handleSliceDiff: a `merge` list by item (plus its directives), any other list whole. */
function diffSlice(patch: Obj, k: string, a: unknown[], m: unknown[], at: string[], pass: Pass) {
  const meta = patchMetaOf(at)
  const d = meta.strategy === 'merge' ? diffLists(a, m, at, meta, pass) : undefined
  if (!d) {
    if (!pass.deletions && !sameJSONUnordered(a, m)) setOwn(patch, k, m)
    return
  }
  if (d.items.length > 0) setOwn(patch, k, d.items)
  if (d.deleteFrom.length > 0) patch[DELETE_FROM + k] = d.deleteFrom
  if (d.order.length > 0) patch[ORDER + k] = d.order
}

/** hasAdditionalNewField: `a` holds a non-null field `m` has not. */
function hasDroppedField(a: Obj, m: Obj): boolean {
  return Object.entries(a).some(([k, v]) => v !== null && !Object.hasOwn(m, k))
}

/**
 * kubectl merges the two patches into one (mergeMap without parallel lists): nested maps merge,
 * the items of a `merge` list merge by key and keep the manifest's order (`$setElementOrder`) with
 * `$patch: delete` items last, and the directives both carry are the same list in both.
 */
function combine(deletions: Obj, delta: Obj, path: string[]): Obj {
  const out: Obj = { ...deletions }
  for (const [k, v] of Object.entries(delta)) {
    const d = ownValue(out, k)
    if (isPlainObject(d) && isPlainObject(v)) setOwn(out, k, combine(d, v, [...path, k]))
    else if (Array.isArray(d) && Array.isArray(v) && !k.startsWith('$'))
      setOwn(out, k, combineItems(d, v, [...path, k], delta[ORDER + k]))
    else setOwn(out, k, v)
  }
  return out
}

/** Only object lists reach here: a scalar list's deletions travel in a parallel list. */
function combineItems(d: unknown[], v: unknown[], path: string[], order: unknown): unknown[] {
  const key = patchMetaOf(path).key ?? ''
  const id = (x: unknown) => (isPlainObject(x) ? x[key] : undefined)
  const out = [...d]
  for (const item of v) {
    const at = out.findIndex((x) => id(x) === id(item))
    const found = out[at]
    if (isPlainObject(found) && isPlainObject(item)) out[at] = combine(found, item, path)
    else out.push(item)
  }
  const ids = Array.isArray(order) ? order.map(id) : []
  const rank = (x: unknown) =>
    isPlainObject(x) && x.$patch === 'delete' ? Infinity : ids.indexOf(id(x)) + 1 || ids.length + 1
  return out
    .map((x, n) => ({ x, n, r: rank(x) }))
    .sort((a, b) => a.r - b.r || a.n - b.n)
    .map((e) => e.x)
}
