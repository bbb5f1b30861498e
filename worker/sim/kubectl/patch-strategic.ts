// Strategic merge patch as the apiserver applies it (apimachinery pkg/util/strategicpatch,
// StrategicMergeMapPatch), for `kubectl patch` (its default `--type strategic`) and for PATCH
// through the Kubernetes API: objects merge, `null` deletes, lists tagged `merge`
// (patch-strategic-meta.ts) merge by key and keep a stable order (patch-strategic-order.ts), other
// lists are replaced. Directives: `$patch: replace|delete` (a map or a list item; `merge` is the
// default and an error where upstream says so), `$retainKeys`, `$setElementOrder/<list>`,
// `$deleteFromPrimitiveList/<list>`. Left out: the type lookup's errors for fields the schema
// does not know (the strict field validation after the merge reports those).

import { isPlainObject } from '../objects/strict-decode'
import { patchMetaOf } from './patch-strategic-meta'
import { indexIn, normalizeElementOrder, partition } from './patch-strategic-order'
import { discardNulls, goKind, ownValue, removeDirectives, setOwn } from './patch-strategic-values'
import { goS, goV } from './printers/go-format'

type Obj = Record<string, unknown>

/**
 * How the apiserver answers a patch it cannot apply (handlers/patch.go
 * interpretStrategicMergePatchError): 400 BadRequest for malformed directives, 422 with the
 * generic message, or a 500 whose Status has no reason (kubectl: `Error from server: ...`).
 */
export interface SmpError {
  code: 400 | 422 | 500
  message: string
}

export type SmpResult = { ok: true; value: Obj } | { ok: false; error: SmpError }

const ORDER = '$setElementOrder/'
const DELETE_FROM = '$deleteFromPrimitiveList/'
const BAD_RETAIN_KEYS = { code: 400, message: 'invalid patch format of retainKeys' } as const
const LIST_OF_LISTS = { code: 422, message: 'lists of lists are not supported' } as const

/** The first failure wins; the merge goes on harmlessly and its result is dropped. */
class Merger {
  error?: SmpError
  fail(e: SmpError): void {
    this.error ??= e
  }
}

/** Applies a strategic merge patch to `target` (neither is changed). */
export function strategicMergePatch(target: Obj, patch: Obj): SmpResult {
  const m = new Merger()
  const value = mergeMap(m, structuredClone(target), structuredClone(patch), [])
  return m.error ? { ok: false, error: m.error } : { ok: true, value }
}

function mergeMap(m: Merger, original: Obj | undefined, patch: Obj, path: string[]): Obj {
  if ('$patch' in patch) {
    const v = patch.$patch
    if (v === 'replace') {
      delete patch.$patch
      return patch
    }
    if (v === 'delete') return {}
    // apimachinery's errBadPatchTypeFmt: "unknown patch type: %s in map: %v"
    m.fail({ code: 500, message: `unknown patch type: ${goS(v)} in map: ${goV(patch)}` })
    return original ?? {}
  }
  const out: Obj = original ?? {}
  retainKeys(m, out, patch)
  for (const k of Object.keys(patch))
    if (k.startsWith(ORDER)) setElementOrder(m, out, patch, k.slice(ORDER.length), path)
  for (const [key, pv] of Object.entries(patch)) {
    const deleting = key.startsWith(DELETE_FROM)
    const k = deleting ? key.slice(DELETE_FROM.length) : key
    if (pv === null) {
      delete out[k]
      continue
    }
    const ov = ownValue(out, k)
    if (!Object.hasOwn(out, k) || goKind(ov) !== goKind(pv)) {
      // a deletion list with no list to delete from is dropped
      if (!deleting) takeAsIs(out, k, pv)
      continue
    }
    const meta = patchMetaOf([...path, k])
    if (isPlainObject(pv)) setOwn(out, k, mergeMap(m, ov as Obj, pv, [...path, k]))
    // a deletion list deletes whatever the list's strategy (mergeSliceHandler)
    else if (Array.isArray(pv) && (meta.strategy === 'merge' || deleting))
      setOwn(out, k, mergeList(m, ov as unknown[], pv, [...path, k], deleting))
    else setOwn(out, k, pv)
  }
  return out
}

/** The patch's value where the live object has none to merge it with (see -values.ts). */
function takeAsIs(out: Obj, k: string, pv: unknown): void {
  discardNulls(pv)
  const v = removeDirectives(pv)
  if (v === undefined) delete out[k]
  else setOwn(out, k, v)
}

/** `$retainKeys`: only the listed fields stay; every field the patch sets must be listed. */
function retainKeys(m: Merger, out: Obj, patch: Obj): void {
  if (!('$retainKeys' in patch)) return
  const keep = patch.$retainKeys
  delete patch.$retainKeys
  if (!Array.isArray(keep)) return m.fail(BAD_RETAIN_KEYS)
  for (const [k, v] of Object.entries(patch))
    if (v !== null && !k.startsWith(DELETE_FROM) && !k.startsWith(ORDER) && !keep.includes(k))
      return m.fail(BAD_RETAIN_KEYS)
  for (const k of Object.keys(out)) if (!keep.includes(k)) delete out[k]
}

/** `$setElementOrder/<field>`: the list merged, then ordered as the directive says. */
function setElementOrder(m: Merger, out: Obj, patch: Obj, field: string, path: string[]): void {
  const order = patch[ORDER + field]
  delete patch[ORDER + field]
  if (!Array.isArray(order))
    return m.fail({
      code: 500,
      message: `expected a []interface {}, but received a ${goType(order)}`,
    })
  const live = ownValue(out, field)
  const given = ownValue(patch, field)
  delete patch[field]
  if (live !== undefined && !Array.isArray(live)) return m.fail(badArg(live))
  if (given !== undefined && !Array.isArray(given)) return m.fail(badArg(given))
  const meta = patchMetaOf([...path, field])
  const key = meta.key
  if (given && !orderMatches(m, given, order, key)) return
  if (!live && !given) return
  const merged = !given
    ? live!
    : !live
      ? (removeDirectives(given) as unknown[])
      : meta.strategy === 'merge'
        ? mergeList(m, live, given, [...path, field], false)
        : given
  const { inBy, rest } = partition(merged, order, key)
  setOwn(out, field, normalizeElementOrder(inBy, rest, order, live ?? [], key))
}

const badArg = (v: unknown): SmpError => ({
  code: 500,
  message: `expected a []interface {}, but received a ${goType(v)}`,
})

/** validatePatchWithSetOrderList: the patch's items appear in the directive, in its order. */
function orderMatches(m: Merger, given: unknown[], order: unknown[], key?: string): boolean {
  const items =
    key !== undefined ? given.filter((v) => !(isPlainObject(v) && v.$patch === 'delete')) : given
  let p = 0
  for (let o = 0; p < items.length && o < order.length; o++) {
    while (p < items.length && isPlainObject(items[p]) && '$patch' in (items[p] as Obj)) p++
    if (p < items.length && indexIn([order[o]], items[p], key) === 0) p++
  }
  if (p >= items.length) return true
  m.fail({
    code: 500,
    message: `The order in patch list:\n${goV(given)}\n doesn't match $setElementOrder list:\n${goV(order)}\n`,
  })
  return false
}

/** A list tagged `merge`: by merge key for objects (with `$patch` items), by value for scalars. */
function mergeList(
  m: Merger,
  live: unknown[],
  given: unknown[],
  path: string[],
  deleting: boolean,
): unknown[] {
  if (live.length === 0 && given.length === 0) return live
  const kinds = new Set([...live, ...given].map(goKind))
  if (kinds.has('slice')) {
    m.fail(LIST_OF_LISTS)
    return live
  }
  if (kinds.size > 1) {
    const text = `[${goV(live)} ${goV(given)}]`
    m.fail({ code: 500, message: `list element types are not identical: ${text}` })
    return live
  }
  const key = patchMetaOf(path).key
  if (!kinds.has('map')) {
    if (deleting) return live.filter((v) => !given.includes(v))
    const merged = [...new Set([...live, ...given])]
    const { inBy, rest } = partition(merged, given)
    return normalizeElementOrder(inBy, rest, given, live)
  }
  if (key === undefined) {
    m.fail({ code: 500, message: 'cannot merge lists without merge key for type map' })
    return live
  }
  const special = applySpecialItems(m, live, given as Obj[], key)
  const merged = [...special.live]
  for (const item of special.given) {
    if (!(key in item)) {
      m.fail(noMergeKey(item, key))
      continue
    }
    const at = indexIn(merged, item, key)
    if (at >= 0) merged[at] = mergeMap(m, merged[at] as Obj, item, path)
    else merged.push(item)
  }
  const { inBy, rest } = partition(merged, special.given, key)
  return normalizeElementOrder(inBy, rest, special.given, special.live, key)
}

/** mergeSliceWithSpecialElements: `$patch: delete` items remove, `$patch: replace` replaces. */
function applySpecialItems(m: Merger, live: unknown[], given: Obj[], key: string) {
  let out = live
  const plain: Obj[] = []
  let replace = false
  for (const item of given) {
    if (!('$patch' in item)) plain.push(item)
    else if (item.$patch === 'delete') {
      if (!(key in item)) m.fail(noMergeKey(item, key))
      else out = out.filter((v) => indexIn([item], v, key) < 0)
    } else if (item.$patch === 'replace') replace = true
    else if (item.$patch === 'merge')
      m.fail({ code: 500, message: 'merging lists cannot yet be specified in the patch' })
    else
      m.fail({
        code: 500,
        message: `unknown patch type: ${goS(item.$patch)} in map: ${goV(item)}`,
      })
  }
  return replace ? { live: plain as unknown[], given: [] as Obj[] } : { live: out, given: plain }
}

const noMergeKey = (item: Obj, key: string): SmpError => ({
  code: 500,
  message: `map: ${goV(item)} does not contain declared merge key: ${key}`,
})

function goType(v: unknown): string {
  const k = goKind(v)
  if (k === 'slice') return '[]interface {}'
  if (k === 'map') return 'map[string]interface {}'
  if (k === 'number') return 'float64'
  return k === 'nil' ? '<nil>' : k
}
