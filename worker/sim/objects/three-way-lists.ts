// kubectl's diff of a list tagged `merge` (apimachinery strategicpatch diffLists): both lists are
// walked in the order of their items' `%v` text (an object's merge key, a scalar itself), equal
// texts pair up, and the rest are additions or deletions. Objects are diffed field by field and
// dropped ones become `{<key>: <value>, $patch: delete}`; dropped scalars go to the parallel
// `$deleteFromPrimitiveList` list; `$setElementOrder` carries the manifest's order.

import { goV } from '../kubectl/printers/go-format'
import { goKind } from '../kubectl/patch-strategic-values'
import type { PatchMeta } from '../kubectl/patch-strategic-meta'
import { diffMaps } from './three-way-patch'

type Obj = Record<string, unknown>

/**
 * One of kubectl's two diffs: the delta (live object → manifest, deletions ignored) or the
 * deletions (last applied manifest → manifest, changes and additions ignored).
 */
export interface Pass {
  deletions: boolean
  /** kubectl's diff error, the first met: it sends nothing then */
  error?: string
}

export interface ListDiff {
  /** the patch's list: changed and added items, then `$patch: delete` items */
  items: unknown[]
  /** `$deleteFromPrimitiveList/<field>` */
  deleteFrom: unknown[]
  /** `$setElementOrder/<field>` */
  order: unknown[]
}

/** diffLists; undefined where kubectl fails to diff (then `pass.error` says why) or leaves it. */
export function diffLists(
  a: unknown[],
  m: unknown[],
  path: string[],
  meta: PatchMeta,
  pass: Pass,
): ListDiff | undefined {
  if (a.length === 0) return { items: pass.deletions ? [] : m, deleteFrom: [], order: [] }
  const items = [...a, ...m]
  const kinds = new Set(items.map(goKind))
  // upstream's reflect would panic on a null item: such a list goes whole
  if (kinds.has('nil')) return undefined
  // sliceElementType: the first item's type, then every other the same
  if (goKind(items[0]) === 'slice') pass.error ??= 'lists of lists are not supported'
  else if (kinds.size > 1) pass.error ??= `list element types are not identical: ${goV([a, m])}`
  if (kinds.size > 1 || kinds.has('slice')) return undefined
  if (!kinds.has('map')) return diffScalars(a, m, pass)
  // a list of objects with no merge key fails like one whose items lack theirs
  const key = meta.key ?? ''
  // the walk meets items in their merge key's order, a missing key reading `<nil>`
  const keyless = [...a, ...m].find((v) => !(key in (v as Obj)))
  if (keyless) {
    pass.error ??= `map: ${goV(keyless)} does not contain declared merge key: ${key}`
    return undefined
  }
  return diffObjects(a as Obj[], m as Obj[], path, key, pass, meta.retainKeys)
}

/** Pairs the items of `a` and `m` by text, in sorted order, as upstream's merge walk does. */
function walk<T>(a: T[], m: T[], text: (v: T) => string, on: Walker<T>): void {
  const by = (x: T, y: T) => (text(x) < text(y) ? -1 : text(x) > text(y) ? 1 : 0)
  const as = [...a].sort(by)
  const ms = [...m].sort(by)
  let i = 0
  let j = 0
  while (i < as.length || j < ms.length) {
    const ai = as[i] as T
    const mj = ms[j] as T
    if (i < as.length && j < ms.length && text(ai) === text(mj)) {
      on.both(ai, mj)
      i++
      j++
    } else if (j >= ms.length || (i < as.length && text(ai) < text(mj))) {
      on.onlyA(ai)
      i++
    } else {
      on.onlyM(mj)
      j++
    }
  }
}

interface Walker<T> {
  both: (a: T, m: T) => void
  onlyA: (a: T) => void
  onlyM: (m: T) => void
}

/** Stable sort by first position in `m` (normalizeSliceOrder). */
function inOrderOf(items: unknown[], m: unknown[], id: (v: unknown) => unknown): unknown[] {
  const at = (v: unknown) => m.findIndex((x) => id(x) === id(v))
  return items
    .map((v, n) => ({ v, n, at: at(v) }))
    .sort((x, y) => x.at - y.at || x.n - y.n)
    .map((x) => x.v)
}

function diffObjects(
  a: Obj[],
  m: Obj[],
  path: string[],
  key: string,
  pass: Pass,
  retainKeys: boolean | undefined,
): ListDiff {
  const changed: Obj[] = []
  const deleted: Obj[] = []
  walk(a, m, (v) => goV(v[key]), {
    both: (ai, mj) => {
      const sub = diffMaps(ai, mj, path, pass, retainKeys)
      if (Object.keys(sub).length > 0) changed.push({ ...sub, [key]: mj[key] })
    },
    onlyA: (ai) => {
      if (pass.deletions) deleted.push({ [key]: ai[key], $patch: 'delete' })
    },
    onlyM: (mj) => {
      if (!pass.deletions) changed.push(mj)
    },
  })
  const items = [...inOrderOf(changed, m, (v) => (v as Obj)[key]), ...deleted]
  const orderSame = a.length === m.length && a.every((v, n) => v[key] === m[n]?.[key])
  const wantOrder = !pass.deletions ? items.length > 0 || !orderSame : items.length > 0
  const order = wantOrder ? m.map((v) => ({ [key]: v[key] })) : []
  return { items, deleteFrom: [], order }
}

/**
 * diffListsOfScalars. Upstream sorts the live list in place before comparing it with the
 * manifest's for `$setElementOrder`, so a live list out of sorted order always differs.
 */
function diffScalars(a: unknown[], m: unknown[], pass: Pass): ListDiff {
  const added: unknown[] = []
  const dropped: unknown[] = []
  walk(a, m, goV, {
    both: () => {},
    onlyA: (v) => {
      if (pass.deletions && !dropped.includes(v)) dropped.push(v)
    },
    onlyM: (v) => {
      if (!pass.deletions) added.push(v)
    },
  })
  const sorted = [...a].sort((x, y) => (goV(x) < goV(y) ? -1 : goV(x) > goV(y) ? 1 : 0))
  const differs = sorted.length !== m.length || sorted.some((v, n) => v !== m[n])
  const wantOrder = !pass.deletions ? differs : dropped.length > 0
  return { items: inOrderOf(added, m, (v) => v), deleteFrom: dropped, order: wantOrder ? m : [] }
}
