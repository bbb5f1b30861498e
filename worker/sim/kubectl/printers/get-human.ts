// The human-readable half of `kubectl get` (get.go Run): consecutive infos of one kind share a
// table (one header), kinds are separated by a blank line, and nothing at all printed gives
// `No resources found in <ns> namespace.` on stderr.

import { RESOURCES, type Kind } from '../../objects/resources'
import type { KubeObject } from '../../objects/types'
import type { GetArgs } from '../get'
import type { Info } from './get-fetch'
import { humanRows } from './human'
import { sortByJsonPath } from './sort-by'
import { printTable } from './table'
import { TABLES, kindPrefix } from './tables'

export function printHumanInfos(
  infos: Info[],
  args: GetArgs,
  now: number,
  hadErrors: boolean,
): { stdout: string; stderr: string; exitCode: number } {
  const sorted = sortInfos(infos, args.sortBy)
  if ('error' in sorted) return { stdout: '', stderr: `error: ${sorted.error}\n`, exitCode: 1 }
  const withKind = args.showKind === true || new Set(infos.map((i) => i.kind)).size > 1
  let stdout = ''
  for (const group of groupByKind(sorted.infos)) {
    const r = RESOURCES[group.kind]
    const rows = humanRows(TABLES[group.kind], group.objects, now, {
      wide: args.output === 'wide',
      noHeaders: args.noHeaders,
      withNamespace: args.allNamespaces && r.namespaced,
      kindPrefix: withKind ? kindPrefix(group.kind) : undefined,
      showLabels: args.showLabels,
      labelColumns: args.labelColumns ?? [],
    })
    if (rows.length === 0) continue
    if (stdout !== '' && !args.noHeaders) stdout += '\n'
    stdout += printTable(rows)
  }
  let stderr = ''
  if (stdout === '' && !args.ignoreNotFound && !hadErrors) {
    const allNamespaced = !args.allNamespaces && infos.every((i) => RESOURCES[i.kind].namespaced)
    stderr = allNamespaced
      ? `No resources found in ${args.namespace} namespace.\n`
      : 'No resources found\n'
  }
  return { stdout, stderr, exitCode: 0 }
}

/** Each list is its own server Table and is sorted on its own (sorter.go NewTableSorter). */
function sortInfos(
  infos: Info[],
  sortBy: string | undefined,
): { infos: Info[] } | { error: string } {
  if (!sortBy) return { infos }
  const out: Info[] = []
  for (const info of infos) {
    if (info.objects.length === 0) {
      out.push(info)
      continue
    }
    const s = sortByJsonPath(info.objects, sortBy)
    if ('error' in s) return s
    out.push({ ...info, objects: s.objects })
  }
  return { infos: out }
}

function groupByKind(infos: Info[]): { kind: Kind; objects: KubeObject[] }[] {
  const groups: { kind: Kind; objects: KubeObject[] }[] = []
  for (const info of infos) {
    const last = groups[groups.length - 1]
    if (last && last.kind === info.kind) last.objects.push(...info.objects)
    else groups.push({ kind: info.kind, objects: [...info.objects] })
  }
  return groups
}
