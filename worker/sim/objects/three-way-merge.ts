// kubectl client-side apply of an existing object: kubectl computes its three-way strategic
// merge patch (three-way-patch.ts) and the apiserver applies it to the live object with the same
// strategic merge `kubectl patch` and PATCH through the Kubernetes API use (patch-strategic.ts).
// So fields in the new manifest win, fields dropped since the last apply are removed, everything
// else on the live object (server defaults, allocations, status, items others added to a `merge`
// list such as finalizers or containers) stays, in the order the apiserver gives it.

import { strategicMergePatch, type SmpError } from '../kubectl/patch-strategic'
import { threeWayMergePatch } from './three-way-patch'

type Obj = Record<string, unknown>

export type ThreeWayResult =
  /** `patch` is what kubectl sends (`{}`: nothing, kubectl prints `unchanged`) */
  | { ok: true; patch: Obj; object: Obj }
  /** the apiserver refused the patch, or (`diff`) kubectl could not compute one */
  | { ok: false; error: SmpError | { diff: string } }

/** The live object after kubectl applies `modified` over `current` (last applied: `original`). */
export function threeWayMerge(
  original: Obj | undefined,
  modified: Obj,
  current: Obj,
): ThreeWayResult {
  const diff = threeWayMergePatch(original, modified, current)
  if (!diff.ok) return { ok: false, error: { diff: diff.error } }
  const patch = diff.patch
  if (Object.keys(patch).length === 0) return { ok: true, patch, object: current }
  const r = strategicMergePatch(current, patch)
  return r.ok ? { ok: true, patch, object: r.value } : { ok: false, error: r.error }
}
