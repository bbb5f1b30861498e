// Label and selector strings as apimachinery formats them.

import type { LabelSelector } from '../../objects/types'

/** apimachinery labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(compareGoStrings)
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',')
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`; `<none>` for an empty or nil selector (FormatLabelSelector).
 */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = selectorString(sel)
  return s === '' ? '<none>' : s
}

/** The selector string without the `<none>` placeholder (Deployment wide SELECTOR column). */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {}))
    reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(compareGoStrings).join(',')
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`
    reqs.push({ key: e.key, text })
  }
  reqs.sort((a, b) => compareGoStrings(a.key, b.key))
  return reqs.map((r) => r.text).join(',')
}

/** Go's string comparison is bytewise; for the ASCII we print this equals code-unit order. */
export function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
