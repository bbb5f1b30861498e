// The order of a merged list (apimachinery strategicpatch normalizeElementOrder, from the
// "preserve order in strategic merge patch" design): the patch's items keep the patch's order (or
// `$setElementOrder`'s), the live object's other items keep theirs, and the two are interleaved by
// the live order where both are known; a new item goes before server-only items it cannot be
// placed against.

type Obj = Record<string, unknown>

/** `item`'s identity in a list: its merge key's value for objects, itself for scalars. */
const identity = (item: unknown, key: string | undefined): unknown =>
  key !== undefined && typeof item === 'object' && item !== null
    ? (item as Obj)[key]
    : key !== undefined
      ? undefined
      : item

export function indexIn(list: readonly unknown[], item: unknown, key?: string): number {
  const id = identity(item, key)
  return list.findIndex((x) => identity(x, key) === id)
}

/** Go's sort.SliceStable for short lists: an insertion sort with upstream's `less`. */
function sortByOrder(items: unknown[], order: readonly unknown[], key?: string): unknown[] {
  const out = [...items]
  const less = (a: unknown, b: unknown) => {
    const ia = indexIn(order, a, key)
    const ib = indexIn(order, b, key)
    // upstream answers "less" when either is missing from the order
    return ia >= 0 && ib >= 0 ? ia < ib : true
  }
  for (let i = 1; i < out.length; i++)
    for (let j = i; j > 0 && less(out[j], out[j - 1]); j--)
      [out[j - 1], out[j]] = [out[j], out[j - 1]]
  return out
}

const isDelete = (v: unknown) =>
  typeof v === 'object' && v !== null && (v as Obj).$patch === 'delete'

/** normalizeSliceOrder: sorted by `order`, deletion directives last. */
function normalizeSlice(items: unknown[], order: readonly unknown[], key?: string): unknown[] {
  const keep = key !== undefined ? items.filter((v) => !isDelete(v)) : items
  const dropped = key !== undefined ? items.filter(isDelete) : []
  return [...sortByOrder(keep, order, key), ...dropped]
}

/** The merged list: `patchItems` (ordered by `patchOrder`) interleaved with `serverOnly`. */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  key?: string,
): unknown[] {
  const right = normalizeSlice(patchItems, patchOrder, key)
  const left = normalizeSlice(serverOnly, serverOrder, key)
  const out: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++])
    else if (j >= right.length) out.push(left[i++])
    else {
      const li = indexIn(serverOrder, left[i], key)
      const ri = indexIn(serverOrder, right[j], key)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

/** The items of `merged` present in `by`, and the others. */
export function partition(merged: unknown[], by: readonly unknown[], key?: string) {
  const inBy = merged.filter((v) => indexIn(by, v, key) >= 0)
  const rest = merged.filter((v) => indexIn(by, v, key) < 0)
  return { inBy, rest }
}
