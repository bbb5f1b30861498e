// ValidatePodUpdate's spec rule (pkg/apis/core/validation/validation.go): only images,
// activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds may change. The diff
// after the message imitates go-cmp's layout for the changed top-level fields only.

import type { Pod } from './types'
import { type FieldError, forbidden } from './field-errors'

const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',')

type Obj = Record<string, unknown>

/** Pod spec immutability: one Forbidden cause on `spec` when anything else changed. */
export function validatePodSpecUpdate(old: Pod, pod: Pod): FieldError[] {
  const munged = structuredClone(pod.spec) as Obj
  const oldSpec = old.spec as Obj
  const mungeImages = (key: string) => {
    const oldList = (oldSpec[key] as Obj[] | undefined) ?? []
    const list = (munged[key] as Obj[] | undefined) ?? []
    list.forEach((c, i) => {
      if (oldList[i]) c.image = oldList[i]?.image
    })
  }
  mungeImages('containers')
  mungeImages('initContainers')
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds
  if (munged.activeDeadlineSeconds === undefined) delete munged.activeDeadlineSeconds
  const oldTol = JSON.stringify(oldSpec.tolerations ?? [])
  const newTol = (munged.tolerations as unknown[] | undefined) ?? []
  if (
    newTol.length >= ((oldSpec.tolerations as unknown[] | undefined) ?? []).length &&
    JSON.stringify(newTol.slice(0, JSON.parse(oldTol).length)) === oldTol
  )
    munged.tolerations = oldSpec.tolerations
  if (JSON.stringify(sortKeys(munged)) === JSON.stringify(sortKeys(oldSpec))) return []
  return [
    forbidden(
      'spec',
      `pod updates may not change fields other than ${UPDATABLE}\n${cmpDiff(oldSpec, munged)}`,
    ),
  ]
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Obj)[k])]),
    )
  return v
}

const goName = (k: string) => k.charAt(0).toUpperCase() + k.slice(1)

function cmpDiff(old: Obj, neu: Obj): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(neu)])].sort()
  const lines = ['  core.PodSpec{']
  let same = 0
  const flush = () => {
    if (same) lines.push(`  \t... // ${same} identical field${same > 1 ? 's' : ''}`)
    same = 0
  }
  for (const k of keys) {
    const a = JSON.stringify(old[k] ?? null)
    const b = JSON.stringify(neu[k] ?? null)
    if (a === b) {
      same++
      continue
    }
    flush()
    if (old[k] !== undefined) lines.push(`- \t${goName(k)}: ${a},`)
    if (neu[k] !== undefined) lines.push(`+ \t${goName(k)}: ${b},`)
  }
  flush()
  lines.push('  }')
  return lines.join('\n') + '\n'
}
