// The server-side Table a kind prints as (k8s pkg/printers/internalversion/printers.go): column
// names with their priority (1 = only with -o wide) and a row function.

import type { KubeObject } from '../../objects/types'

export interface TableColumn {
  name: string
  /** 0 = always shown, 1 = `-o wide` only */
  priority: 0 | 1
}

export interface TableDef {
  columns: TableColumn[]
  /**
   * All cells of a row, including the wide ones: the API server always generates the wide row
   * (k8s pkg/printers/storage/storage.go `Wide: true`) and kubectl drops the columns it hides.
   */
  row: (obj: KubeObject, now: number) => string[]
}

/** Shorthand for column lists: names before `|` always shown, after it wide only. */
export function columns(normal: string[], wide: string[] = []): TableColumn[] {
  return [
    ...normal.map((name) => ({ name, priority: 0 as const })),
    ...wide.map((name) => ({ name, priority: 1 as const })),
  ]
}
