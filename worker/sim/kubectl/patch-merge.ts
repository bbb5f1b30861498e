// Two of the patch formats `kubectl patch --type` sends, applied as the API server applies them:
// JSON merge patch (RFC 7386) and JSON patch (RFC 6902). The third, strategic merge patch, is in
// patch-strategic.ts.

type Json = unknown
type Obj = Record<string, Json>

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** RFC 7386: objects merge recursively, null deletes, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch
  const out: Obj = isObj(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

function pointer(path: string): string[] | undefined {
  if (path === '') return []
  if (!path.startsWith('/')) return undefined
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function parentOf(doc: Json, parts: string[]): Json {
  let cur = doc
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[Number(p)]
    else if (isObj(cur)) cur = cur[p]
    else return undefined
  }
  return cur
}

function getAt(doc: Json, parts: string[]): Json {
  const parent = parentOf(doc, parts)
  const last = parts[parts.length - 1] as string
  if (parts.length === 0) return doc
  if (Array.isArray(parent)) return parent[Number(last)]
  return isObj(parent) ? parent[last] : undefined
}

function setAt(doc: Json, parts: string[], value: Json, op: 'add' | 'replace' | 'remove'): boolean {
  const parent = parentOf(doc, parts)
  const last = parts[parts.length - 1] as string
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last)
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (op !== 'add' && i >= parent.length))
      return false
    if (op === 'add') parent.splice(i, 0, value)
    else if (op === 'replace') parent[i] = value
    else parent.splice(i, 1)
    return true
  }
  if (!isObj(parent)) return false
  if (op !== 'add' && !(last in parent)) return false
  if (op === 'remove') delete parent[last]
  else parent[last] = value
  return true
}

/** RFC 6902 on a copy; undefined when an operation does not apply. */
export function jsonPatch(target: Json, ops: Json): Json | undefined {
  if (!Array.isArray(ops)) return undefined
  const doc = JSON.parse(JSON.stringify(target)) as Json
  for (const op of ops) {
    if (!isObj(op) || typeof op.op !== 'string' || typeof op.path !== 'string') return undefined
    const parts = pointer(op.path)
    if (!parts || parts.length === 0) return undefined
    const from = typeof op.from === 'string' ? pointer(op.from) : undefined
    let ok = true
    if (op.op === 'add' || op.op === 'replace') ok = setAt(doc, parts, op.value, op.op)
    else if (op.op === 'remove') ok = setAt(doc, parts, undefined, 'remove')
    else if (op.op === 'test') ok = JSON.stringify(getAt(doc, parts)) === JSON.stringify(op.value)
    else if ((op.op === 'copy' || op.op === 'move') && from) {
      const v = JSON.parse(JSON.stringify(getAt(doc, from) ?? null)) as Json
      ok =
        getAt(doc, from) !== undefined &&
        (op.op === 'copy' || setAt(doc, from, undefined, 'remove'))
      ok = ok && setAt(doc, parts, v, 'add')
    } else ok = false
    if (!ok) return undefined
  }
  return doc
}
