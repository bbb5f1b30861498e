// Small helpers the controllers share: selectors, owner references, pod readiness, conditions.

import type { LabelSelector, OwnerReference, Pod, KubeObject, PodCondition } from '../objects/types'
import { cloneJSON, formatTimestamp, objectsOfKind, parseTimestamp } from '../state'
import { noteDue } from './due'

/** Objects of a kind in document (insertion) order, unsorted (state.ts keeps a per-kind index). */
export const objectsOf = objectsOfKind

/** Equality-based selector as Services use it (labels.SelectorFromSet); an empty map selects everything. */
export function matchesLabels(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false
  for (const k in selector) if ((labels ?? {})[k] !== selector[k]) return false
  return true
}

/** metav1.LabelSelectorAsSelector semantics; an empty selector matches everything, undefined nothing. */
export function matchesLabelSelector(
  selector: LabelSelector | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (!selector) return false
  const l = labels ?? {}
  for (const k in selector.matchLabels ?? {}) if (l[k] !== selector.matchLabels?.[k]) return false
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key)
    const v = l[r.key]
    if (r.operator === 'In' && !(has && (r.values ?? []).includes(v as string))) return false
    if (r.operator === 'NotIn' && has && (r.values ?? []).includes(v as string)) return false
    if (r.operator === 'Exists' && !has) return false
    if (r.operator === 'DoesNotExist' && has) return false
  }
  return true
}

/** metav1.GetControllerOf: the ownerReference with controller=true. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true)
}

/** Whether `owner` is obj's controller (by uid, as the controllers match). */
export function isOwnedBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid
}

/** metav1.NewControllerRef: controller and blockOwnerDeletion set. */
export function ownerReference(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** A pod condition by type. */
export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True'
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = podCondition(pod, 'Ready')
  if (c?.status !== 'True') return false
  if (minReadySeconds <= 0) return true
  const at = parseTimestamp(c.lastTransitionTime) + minReadySeconds * 1000
  if (at > now) noteDue(at)
  return at <= now
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

/**
 * Structural equality of JSON values as they would serialise (keys with undefined values are
 * absent; key order matters for objects, as it does for the stored document).
 */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJSON(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const oa = a as Record<string, unknown>
  const ob = b as Record<string, unknown>
  // the usual case: the same keys in the same order, none undefined (no arrays built)
  const ka = Object.keys(oa)
  const kb = Object.keys(ob)
  if (ka.length === kb.length) {
    let i = 0
    for (; i < ka.length; i++) {
      const k = ka[i] as string
      if (k !== kb[i]) break
      if (!sameJSON(oa[k], ob[k])) return false
    }
    if (i === ka.length) return true
  }
  return sameDefinedKeys(oa, ob)
}

/** sameJSON of two objects whose keys differ, maybe only in keys holding undefined. */
function sameDefinedKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = definedKeys(a)
  const kb = definedKeys(b)
  if (ka.length !== kb.length) return false
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string
    if (k !== kb[i] || !sameJSON(a[k], b[k])) return false
  }
  return true
}

function definedKeys(o: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const k in o) if (o[k] !== undefined) out.push(k)
  return out
}

let lastMs = NaN
let lastTs = ''

/** formatTimestamp with a one-entry cache: settle stamps many fields with the same `now`. */
export function ts(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms
    lastTs = formatTimestamp(ms)
  }
  return lastTs
}

/** Sorted key order, so that a hash of an object does not depend on how it was written. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`).join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/** Deep copy of templates and other JSON parts of objects. */
export const clone = cloneJSON
