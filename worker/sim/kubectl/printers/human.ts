// kubectl's human-readable table printer (cli-runtime pkg/printers/tableprinter.go): drops wide
// columns unless -o wide, adds NAMESPACE first with -A, -L label columns and LABELS last, and
// prefixes names with `kind/` when several kinds are printed.

import type { KubeObject } from '../../objects/types'
import { formatLabels } from './labels'
import type { TableDef } from './table-def'

export interface HumanOptions {
  wide: boolean
  noHeaders: boolean
  withNamespace: boolean
  /** `pod`, `deployment.apps`: set when several kinds are printed together */
  kindPrefix?: string
  showLabels: boolean
  labelColumns: string[]
}

/** The header (when there are rows and headers are on) and one row per object, as cells. */
export function humanRows(
  def: TableDef,
  objs: KubeObject[],
  now: number,
  o: HumanOptions,
): string[][] {
  if (objs.length === 0) return []
  const shown = def.columns.map((c) => o.wide || c.priority === 0)
  const nameIndex = def.columns.findIndex((c) => c.name === 'Name')
  const out: string[][] = []
  if (!o.noHeaders) {
    const header = def.columns.filter((_, i) => shown[i]).map((c) => c.name.toUpperCase())
    out.push(decorate(header, 'NAMESPACE', labelHeaders(o), o))
  }
  for (const obj of objs) {
    const cells = def.row(obj, now)
    if (o.kindPrefix && nameIndex >= 0)
      cells[nameIndex] = `${o.kindPrefix}/${cells[nameIndex] ?? ''}`
    const visible = cells.filter((_, i) => shown[i]).map(firstLine)
    out.push(decorate(visible, obj.metadata.namespace ?? '', labelCells(obj, o), o))
  }
  return out
}

function decorate(cells: string[], ns: string, labels: string[], o: HumanOptions): string[] {
  return [...(o.withNamespace ? [ns] : []), ...cells, ...labels]
}

/** `-L app.kubernetes.io/name` heads its column `NAME` (the last path segment, upper-cased). */
function labelHeaders(o: HumanOptions): string[] {
  const heads = o.labelColumns.map((l) => (l.split('/').pop() ?? '').toUpperCase())
  return o.showLabels ? [...heads, 'LABELS'] : heads
}

function labelCells(obj: KubeObject, o: HumanOptions): string[] {
  const labels = obj.metadata.labels ?? {}
  const cells = o.labelColumns.map((k) => labels[k] ?? '')
  return o.showLabels ? [...cells, formatLabels(labels)] : cells
}

/** A cell is cut at its first line break and marked with `...` (tableprinter printTable). */
function firstLine(cell: string): string {
  const i = cell.search(/[\f\n\r]/)
  return i >= 0 ? cell.slice(0, i) + '...' : cell
}
