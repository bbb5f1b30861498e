// Go's text/tabwriter as kubectl configures it. A cell is text ended by a tab; the text after a
// line's last tab is not a cell and is never padded. A column's width is set per block: the
// maximal run of consecutive lines that all have a cell in that column.

/** tabwriter over tab-separated text: each cell padded to max(minWidth, widest in block + padding). */
export function tabwrite(text: string, minWidth: number, padding: number): string {
  const lines = text.split('\n').map((l) => l.split('\t'))
  const widths = lines.map((cells) => new Array<number>(Math.max(0, cells.length - 1)).fill(0))
  const maxCells = Math.max(0, ...lines.map((c) => c.length - 1))
  for (let col = 0; col < maxCells; col++) {
    let start = 0
    while (start < lines.length) {
      if ((lines[start]?.length ?? 0) - 1 <= col) {
        start++
        continue
      }
      let end = start
      let width = minWidth
      while (end < lines.length && (lines[end]?.length ?? 0) - 1 > col) {
        width = Math.max(width, cellWidth(lines[end]?.[col] ?? '') + padding)
        end++
      }
      for (let i = start; i < end; i++) (widths[i] as number[])[col] = width
      start = end
    }
  }
  return lines
    .map((cells, i) =>
      cells
        .map((c, j) =>
          j < cells.length - 1 ? c + ' '.repeat((widths[i]?.[j] ?? 0) - cellWidth(c)) : c,
        )
        .join(''),
    )
    .join('\n')
}

/** kubectl get's tabwriter (cli-runtime printers.GetNewTabWriter: minwidth 6, padding 3). */
export function printTable(rows: string[][]): string {
  if (rows.length === 0) return ''
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', 6, 3)
}

/** tabwriter counts UTF-8 runes, not UTF-16 code units. */
export function cellWidth(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}
