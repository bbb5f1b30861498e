// kubectl client-side apply's strategic three-way merge (apimachinery strategicpatch
// CreateThreeWayMergePatch + apply): fields in the new manifest win, fields dropped since the last
// apply are removed, everything else on the live object (server defaults, allocations, status) stays.
// Lists with a patch merge key are merged by that key; other lists are replaced whole.

type Obj = Record<string, unknown>

const copy = <T>(v: T): T => (typeof v === 'object' && v !== null ? structuredClone(v) : v)

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** patchMergeKey of the list fields we serve (k8s.io/api struct tags). */
function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'env':
    case 'volumes':
    case 'imagePullSecrets':
      return 'name'
    case 'volumeMounts':
      return 'mountPath'
    case 'ownerReferences':
      return 'uid'
    case 'ports': {
      const first = items.find(isObj)
      if (first && 'containerPort' in first) return 'containerPort'
      if (first && 'port' in first && !('addresses' in first)) return 'port'
      return undefined
    }
    default:
      return undefined
  }
}

/** The live object after applying `modified` over `current`, given the last applied `original`. */
export function threeWayMerge(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  return mergeMaps(original ?? {}, modified, current)
}

function mergeMaps(original: Obj, modified: Obj, current: Obj): Obj {
  const out: Obj = { ...current }
  for (const k of Object.keys(original)) if (!(k in modified)) delete out[k]
  for (const [k, mv] of Object.entries(modified)) {
    const cv = current[k]
    const ov = original[k]
    if (mv === null) delete out[k]
    else if (isObj(mv) && isObj(cv)) out[k] = mergeMaps(isObj(ov) ? ov : {}, mv, cv)
    else if (Array.isArray(mv) && Array.isArray(cv))
      out[k] = mergeLists(k, Array.isArray(ov) ? ov : [], mv, cv)
    else out[k] = copy(mv)
  }
  return out
}

function mergeLists(
  field: string,
  original: unknown[],
  modified: unknown[],
  current: unknown[],
): unknown[] {
  const key = mergeKeyFor(field, [...modified, ...current])
  if (!key) return copy(modified)
  const keyOf = (v: unknown) => (isObj(v) ? JSON.stringify(v[key] ?? null) : JSON.stringify(v))
  const cur = new Map(current.map((c) => [keyOf(c), c]))
  const orig = new Map(original.map((o) => [keyOf(o), o]))
  const inModified = new Set(modified.map(keyOf))
  const out: unknown[] = modified.map((m) => {
    const c = cur.get(keyOf(m))
    const o = orig.get(keyOf(m))
    return isObj(m) && isObj(c) ? mergeMaps(isObj(o) ? o : {}, m, c) : copy(m)
  })
  for (const c of current) {
    const k = keyOf(c)
    if (!inModified.has(k) && !orig.has(k)) out.push(c)
  }
  return out
}
