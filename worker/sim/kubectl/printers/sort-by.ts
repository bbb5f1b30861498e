// `--sort-by=<jsonpath>` (kubectl pkg/cmd/get/sorter.go): objects sort by the first value the
// path finds, with Go's unstable sort.Sort (go-sort.ts); objects without it come first; strings
// that are both quantities compare as quantities; no object having the field is an error.

import type { KubeObject } from '../../objects/types'
import { findJsonPathValues, relaxedJsonPath } from './jsonpath'
import { goSort } from '../go-sort'

/** Sorts a copy of objs, or returns kubectl's error text (without `error: `). */
export function sortByJsonPath(
  objs: KubeObject[],
  sortBy: string,
): { objects: KubeObject[] } | { error: string } {
  const rel = relaxedJsonPath(sortBy)
  const field = 'path' in rel ? rel.path : sortBy
  let keyed: { obj: KubeObject; key: unknown; has: boolean }[]
  try {
    keyed = objs.map((obj) => {
      const values = findJsonPathValues(field, obj)
      const first = values[0]
      return { obj, key: first?.[0], has: first !== undefined && first.length > 0 }
    })
  } catch (e) {
    return { error: `sorting error: ${(e as Error).message}` }
  }
  if (objs.length > 0 && !keyed.some((k) => k.has)) {
    return { error: `couldn't find any field with path "${field}" in the list of objects` }
  }
  // sort.Sort, not stable: ties (events of one second) end where Go's pdqsort leaves them; Less
  // says an object without the field is less than any, even than another without it
  goSort(keyed, (a, b) => (!a.has ? true : !b.has ? false : lessThan(a.key, b.key)))
  return { objects: keyed.map((k) => k.obj) }
}

function lessThan(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined
  if (typeof a === 'number' && typeof b === 'number') return a < b
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a)
    const qb = parseQuantity(b)
    if (qa !== undefined && qb !== undefined) return qa < qb
    return a < b
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!lessThan(a[i], b[i])) return false
    return true
  }
  return false
}

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
}

/** resource.ParseQuantity, enough to order `100m`, `1Gi`, `3` correctly. */
function parseQuantity(s: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(
    s,
  )
  if (!m) return undefined
  const n = Number(m[1])
  if (m[3] !== undefined) return n * 10 ** Number(m[3])
  return n * (SUFFIX[m[2] ?? ''] ?? 1)
}
