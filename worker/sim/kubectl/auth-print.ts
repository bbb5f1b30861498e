// What `kubectl auth whoami` and `kubectl auth can-i --list` print from the API's answer
// (kubectl pkg/cmd/auth whoami.go printTableSelfSubjectAccessReview, cani.go printStatus with
// pkg/util/rbac BreakdownRule, CompactRules and SortableRuleSlice, describe.CombineResourceGroup):
// shared by the lab terminal and the tests of the Kubernetes API door.

import type { PolicyRule } from '../objects/reviews'
import { printTable } from './printers'

export interface UserInfo {
  username?: string
  uid?: string
  groups?: string[]
  extra?: Record<string, string[]>
}

/** Go's %v of a []string */
const list = (v: string[] | undefined) => `[${(v ?? []).join(' ')}]`

/** one verb, one resource (or URL) and at most one name per rule */
function breakdownRule(r: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const group of r.apiGroups ?? [])
    for (const resource of r.resources ?? [])
      for (const verb of r.verbs) {
        const base = { apiGroups: [group], resources: [resource], verbs: [verb] }
        if ((r.resourceNames ?? []).length === 0) out.push(base)
        else for (const name of r.resourceNames ?? []) out.push({ ...base, resourceNames: [name] })
      }
  for (const url of r.nonResourceURLs ?? [])
    for (const verb of r.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] })
  return out
}

/** rules on one group and resource (and name) merge their verbs; the others stay as they are */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const others: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const r of rules) {
    const names = r.resourceNames ?? []
    if (names.length > 1 || (r.nonResourceURLs ?? []).length > 0) {
      others.push(r)
      continue
    }
    const key = JSON.stringify([r.apiGroups, r.resources, names.length > 0, names[0] ?? ''])
    const seen = simple.get(key)
    if (!seen) simple.set(key, { ...r, verbs: [...r.verbs] })
    else for (const v of r.verbs) if (!seen.verbs.includes(v)) seen.verbs.push(v)
  }
  // Go ranges over a map here; the sort below orders them all the same
  return [...others, ...simple.values()]
}

/** the generated String() of rbacv1.PolicyRule: the sort key */
function ruleString(r: PolicyRule): string {
  return (
    `&PolicyRule{Verbs:${list(r.verbs)},APIGroups:${list(r.apiGroups)},` +
    `Resources:${list(r.resources)},ResourceNames:${list(r.resourceNames)},` +
    `NonResourceURLs:${list(r.nonResourceURLs)},}`
  )
}

function combineResourceGroup(resources: string[] = [], groups: string[] = []): string {
  const first = resources[0]
  if (first === undefined) return ''
  const slash = first.indexOf('/')
  let out = slash < 0 ? first : first.slice(0, slash)
  if (groups[0]) out += `.${groups[0]}`
  if (slash >= 0) out += first.slice(slash)
  return out
}

/** `kubectl auth can-i --list`: the rules' table. */
export function printRules(rules: PolicyRule[], noHeaders: boolean): string {
  const keyed = compactRules(rules.flatMap(breakdownRule)).map((r) => ({ r, key: ruleString(r) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const rows = keyed.map(({ r }) => [
    combineResourceGroup(r.resources, r.apiGroups),
    list(r.nonResourceURLs),
    list(r.resourceNames),
    list(r.verbs),
  ])
  const header = ['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']
  return printTable(noHeaders ? rows : [header, ...rows])
}

/** `kubectl auth whoami`: the ATTRIBUTE/VALUE table. */
export function printUserInfo(ui: UserInfo): string {
  const rows = [['ATTRIBUTE', 'VALUE']]
  if (ui.username) rows.push(['Username', ui.username])
  if (ui.uid) rows.push(['UID', ui.uid])
  if ((ui.groups ?? []).length > 0) rows.push(['Groups', list(ui.groups)])
  for (const k of Object.keys(ui.extra ?? {}).sort())
    rows.push([`Extra: ${k}`, list(ui.extra?.[k])])
  return printTable(rows)
}
