// The strategic-merge-patch directives kubectl's client-side apply sends around the plain patch
// (k8s.io/apimachinery util/strategicpatch): `$setElementOrder/<list>`, `$retainKeys`,
// `$deleteFromPrimitiveList/<list>` and `$patch: replace`. The simulation's strategicMerge
// (sim/kubectl/patch-merge.ts) knows only `$patch: delete` in lists, so the directives of objects
// are taken out here and applied after it. Directives inside list items are dropped (kubectl
// sends them only for lists nested in lists, e.g. a container's ports order).

import { strategicMerge } from '../sim/kubectl/patch-merge'

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

interface Directive {
  path: string[]
  retainKeys?: string[]
  order?: { field: string; items: unknown[] }
  remove?: { field: string; values: unknown[] }
  replace?: Obj
}

function strip(patch: unknown, path: string[], out: Directive[], inList: boolean): unknown {
  if (Array.isArray(patch)) return patch.map((p) => strip(p, path, out, true))
  if (!isObj(patch)) return patch
  const clean: Obj = {}
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' && v === 'replace' && !inList) {
      out.push({ path, replace: strip(patch, path, [], inList) as Obj })
      delete (out[out.length - 1]!.replace as Obj).$patch
    } else if (k === '$retainKeys' && Array.isArray(v)) {
      if (!inList) out.push({ path, retainKeys: v.map(String) })
    } else if (k.startsWith('$setElementOrder/') && Array.isArray(v)) {
      if (!inList) out.push({ path, order: { field: k.slice(17), items: v } })
    } else if (k.startsWith('$deleteFromPrimitiveList/') && Array.isArray(v)) {
      if (!inList) out.push({ path, remove: { field: k.slice(25), values: v } })
    } else clean[k] = strip(v, [...path, k], out, inList)
  }
  return clean
}

function at(doc: unknown, path: string[]): Obj | undefined {
  let cur = doc
  for (const p of path) cur = isObj(cur) ? cur[p] : undefined
  return isObj(cur) ? cur : undefined
}

function sameItem(a: unknown, b: unknown): boolean {
  if (!isObj(a) || !isObj(b)) return a === b
  return Object.entries(b).every(([k, v]) => a[k] === v)
}

function applyDirective(doc: unknown, d: Directive) {
  const parentPath = d.path.slice(0, -1)
  const key = d.path[d.path.length - 1]
  if (d.replace && key !== undefined) {
    const parent = at(doc, parentPath)
    if (parent) parent[key] = d.replace
    return
  }
  const o = at(doc, d.path)
  if (!o) return
  if (d.retainKeys) for (const k of Object.keys(o)) if (!d.retainKeys.includes(k)) delete o[k]
  if (d.remove && Array.isArray(o[d.remove.field]))
    o[d.remove.field] = (o[d.remove.field] as unknown[]).filter(
      (v) => !d.remove!.values.includes(v),
    )
  if (d.order && Array.isArray(o[d.order.field])) {
    const list = o[d.order.field] as unknown[]
    const rank = (item: unknown) => {
      const i = d.order!.items.findIndex((want) => sameItem(item, want))
      return i < 0 ? d.order!.items.length : i
    }
    o[d.order.field] = [...list].sort((a, b) => rank(a) - rank(b))
  }
}

/** A strategic merge patch with its object-level directives, as the apiserver applies it. */
export function strategicMergeWithDirectives(target: unknown, patch: unknown): unknown {
  const directives: Directive[] = []
  const clean = strip(patch, [], directives, false)
  const merged = strategicMerge(target, clean)
  for (const d of directives) applyDirective(merged, d)
  return merged
}
