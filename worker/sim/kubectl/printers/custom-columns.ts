// `-o custom-columns=HEADER:.path,...` (kubectl pkg/cmd/get/customcolumn.go): a header row, one
// row per object, `<none>` where the path finds nothing, several values comma-joined, values
// printed with Go's %v (`map[app:web]`, `[a b]`).

import { goV } from './go-format'
import { findJsonPathValues, relaxedJsonPath } from './jsonpath'
import { printTable } from './table'

export function printCustomColumns(
  spec: string,
  objs: unknown[],
  noHeaders: boolean,
): { stdout: string } | { error: string } {
  if (spec === '') return { error: 'custom-columns format specified but no custom columns given' }
  const columns: { header: string; path: string }[] = []
  for (const part of spec.split(',')) {
    const i = part.indexOf(':')
    if (i < 0)
      return {
        error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      }
    const rel = relaxedJsonPath(part.slice(i + 1))
    if ('error' in rel) return rel
    columns.push({ header: part.slice(0, i), path: rel.path })
  }
  const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)]
  for (const obj of objs) {
    const row: string[] = []
    for (const c of columns) {
      let values: unknown[][]
      try {
        values = findJsonPathValues(c.path, obj)
      } catch (e) {
        return { error: (e as Error).message }
      }
      const cells = values.flat().map((v) => goV(v))
      row.push(
        values.length === 0 || values[0]?.length === 0
          ? ['<none>', ...cells].join(',')
          : cells.join(','),
      )
    }
    rows.push(row)
  }
  return { stdout: printTable(rows) }
}
